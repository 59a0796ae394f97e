package public_test

import (
	"database/sql"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/web/webtest"
)

// TestTheFormAsksWhatTheRulesAsk: with rules for ages 6–10, grades 1–4 and
// orphans, and shoes for ages 6–8 only, the campaign's page and the form
// say so in the reader's language, the form asks the grade and refuses a
// child outside a range beside the field, and takes one within them.
func TestTheFormAsksWhatTheRulesAsk(t *testing.T) {
	f := setup(t)
	coord := webtest.Must(f.Svc.Accounts.Lookup(t.Context(), f.Coord.ID)).Principal()
	webtest.Must(f.Svc.Eligibility.SaveRuleSet(t.Context(), coord, f.c.ID, eligibility.Rules{
		All: eligibility.Criteria{Age: &eligibility.Range{Min: 6, Max: 10}, Grade: &eligibility.Range{Min: 1, Max: 4},
			Categories: []string{"orphan"}},
		Items: map[int64]eligibility.Criteria{f.c.Shoes: {Age: &eligibility.Range{Min: 6, Max: 8}}}}, eligibility.Weights{}))
	v := f.anonymous(t, "ru")
	who := []string{"Дети от 6 до 10 лет.", "Ученики 1–4 классов.", "Ребёнок-сирота", "(6–8 лет)"}
	for _, path := range []string{"/c/road?lang=ru", "/c/road/apply"} {
		r := v.Get(path)
		for _, want := range who {
			if !strings.Contains(r.Body, want) {
				t.Errorf("%s: no %q", path, want)
			}
		}
	}
	if r := v.Get("/c/road/apply"); !strings.Contains(r.Body, `<select id="grade" name="grade"`) {
		t.Error("the form does not ask the grade")
	}
	form := f.form(t)
	form.Set("grade", "7")
	form.Add("item", webtest.Itoa(f.c.Shoes))
	form.Set("size_"+webtest.Itoa(f.c.Shoes), "32")
	r := v.Post("/c/road/apply", form)
	for _, want := range []string{"Кампания рассчитана на учеников 1–4 классов", `id="item_` + webtest.Itoa(f.c.Shoes) + `-error"`,
		"Это для детей от 6 до 8 лет."} {
		if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, want) {
			t.Errorf("grade 7 and shoes at nine: %d, no %q", r.Status, want)
		}
	}
	form = f.form(t)
	form.Set("grade", "3")
	if r := v.Post("/c/road/apply", form); r.Status != http.StatusOK || !strings.Contains(r.Body, `id="reference"`) {
		t.Errorf("a girl of nine in grade 3: %d", r.Status)
	}
}

// TestTheDistanceToSchoolInPersian: typed in Persian digits with the
// Persian decimal separator, it reaches the request; too far is refused
// with the reason, in Persian.
func TestTheDistanceToSchoolInPersian(t *testing.T) {
	f := setup(t)
	v := f.anonymous(t, "fa")
	if r := v.Get("/c/road/apply"); !strings.Contains(r.Body, `id="distance_km"`) || !strings.Contains(r.Body, "مدرسه چقدر از خانه دور است") {
		t.Fatal("the form does not ask the distance in Persian")
	}
	form := f.form(t)
	form.Set("distance_km", "۳۰۱")
	if r := v.Post("/c/road/apply", form); r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "فاصله تا مدرسه را به کیلومتر") {
		t.Errorf("301 km: %d", r.Status)
	}
	form.Set("distance_km", "۲٫۵")
	if r := v.Post("/c/road/apply", form); r.Status != http.StatusOK {
		t.Fatalf("2.5 km: %d", r.Status)
	}
	var metres sql.NullInt64
	webtest.Check(t, f.DB.R.QueryRow(`SELECT distance_m FROM requests`).Scan(&metres))
	if metres.Int64 != 2500 || !metres.Valid {
		t.Errorf("the request's distance: %v m, want 2500", metres)
	}
}

// TestAHostileFormIsRefusedAndWritesNothing: thousands of items, sizes
// and distances that are not, each refused beside its field with the
// reason, what was typed shown back escaped, and nothing written.
func TestAHostileFormIsRefusedAndWritesNothing(t *testing.T) {
	f := setup(t)
	v := f.anonymous(t, "ru")
	items := f.form(t)
	items.Del("item")
	for range 4000 { // all a 32 KB body holds
		items.Add("item", webtest.Itoa(f.c.Kit))
	}
	sizes := f.form(t)
	sizes.Set("size_"+webtest.Itoa(f.c.Uniform), `<script>alert(1)</script>`)
	cases := []struct {
		name string
		form url.Values
		want string
	}{
		{"4,000 items", items, "Выберите хотя бы одно из того, что предлагает кампания."},
		{"a size that is a script", sizes, "&lt;script&gt;alert(1)&lt;/script&gt;"},
	}
	for _, d := range []string{"NaN", "-1", "1e308", "Infinity", "0x1p-2", strings.Repeat("9", 40)} {
		form := f.form(t)
		form.Set("distance_km", d)
		cases = append(cases, struct {
			name string
			form url.Values
			want string
		}{"distance " + d[:min(len(d), 8)], form, "Укажите расстояние до школы в километрах, от 0 до 300."})
	}
	for _, c := range cases {
		r := v.Post("/c/road/apply", c.form)
		if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, c.want) {
			t.Errorf("%s: %d, no %q", c.name, r.Status, c.want)
		}
		if strings.Contains(r.Body, "<script>alert") {
			t.Errorf("%s: the page shows a script as typed", c.name)
		}
	}
	var requests int
	webtest.Check(t, f.DB.R.QueryRow(`SELECT count(*) FROM requests`).Scan(&requests))
	if n := f.Count(t, "Сәрсенова"); n != 0 || requests != 0 {
		t.Errorf("%d persons and %d requests written by hostile forms", n, requests)
	}
}
