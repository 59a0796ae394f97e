package campaigns_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/web/webtest"
)

// A coordinator sets each offered item's own conditions and the distance
// bands with form fields: bands in any order with empty rows between,
// rows added and removed without saving, mistakes beside their field in
// the coordinator's language; what the form does not show is kept.
func TestRulesFormItemsAndDistanceBands(t *testing.T) {
	f := webtest.New(t)
	ctx := t.Context()
	c := requeststest.Open(t, f.DB, webtest.Clock(), "road", f.Org.ID, f.Org.Path, "KZ-75")
	page := "/campaigns/" + webtest.Itoa(c.ID) + "/rules"
	uniform, shoes := "it"+webtest.Itoa(c.Uniform)+"_", "it"+webtest.Itoa(c.Shoes)+"_"
	// A version saved through the API holds what the form does not show.
	webtest.Must(f.Svc.Eligibility.SaveRuleSet(ctx, f.Coord.Principal(), c.ID,
		eligibility.Rules{All: eligibility.Criteria{Institutions: []int64{f.Org.ID}},
			Items: map[int64]eligibility.Criteria{c.Uniform: {Regions: []string{"/KZ/KZ-75/"}}, 999999: {NotReceived: true}}},
		eligibility.Weights{RankDepth: 3, Distance: []eligibility.Band{{FromKm: 3, Points: 4}}}))
	coord := f.User(t, "coord-ru@example.org", access.Coordinator, "ru")
	r := coord.Get(page)
	for _, want := range []string{`name="` + uniform + `age_min"`, `name="` + shoes + `need_orphan"`,
		`name="band_from_0" inputmode="decimal" dir="ltr" size="6" value="3"`, `name="band_points_0" inputmode="numeric" dir="ltr" size="5" value="4"`,
		`name="band_from_1"`, `name="bands" value="2"`, `<textarea id="json" name="json"`, `&#34;rank_depth&#34;: 3`} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("the rules page lacks %q", want)
		}
	}
	form := url.Values{"bands": {"3"}, "band_from_0": {"10"}, "band_points_0": {"15"},
		"band_from_2": {"2,5"}, "band_points_2": {"5"},
		uniform + "age_min": {"6"}, uniform + "age_max": {"10"}, uniform + "need_orphan": {"on"}, shoes + "not_received": {"on"}}

	// Adding a row shows the form again, a row longer, with what was
	// typed, and saves nothing; removing one moves the rows below up.
	r = coord.Post(page, with(form, "add_band", "1"))
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `name="band_from_3"`) || !strings.Contains(r.Body, `name="bands" value="4"`) ||
		!strings.Contains(r.Body, `value="2,5"`) || !strings.Contains(r.Body, `id="`+uniform+`age_max" name="`+uniform+`age_max" inputmode="numeric" dir="ltr" maxlength="3" value="10"`) {
		t.Errorf("add a band: %d", r.Status)
	}
	r = coord.Post(page, with(form, "remove_band", "0"))
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `name="bands" value="2"`) ||
		!strings.Contains(r.Body, `name="band_from_1" inputmode="decimal" dir="ltr" size="6" value="2,5"`) || strings.Contains(r.Body, `value="15"`) {
		t.Errorf("remove band 1: %d", r.Status)
	}
	if rs := webtest.Must(f.Svc.Eligibility.CurrentRuleSet(ctx, c.ID)); rs.Version != 1 {
		t.Fatalf("adding or removing a row saved version %d", rs.Version)
	}

	// Mistakes, each beside its field, in Russian; nothing saved.
	bad := with(form, "band_from_1", "далеко")
	bad.Set("band_points_1", "3")
	bad.Set("band_from_2", "10")
	bad.Set(uniform+"age_min", "12")
	bad.Set(shoes+"grade_min", "пять")
	bad.Set("bands", "4")
	bad.Set("band_from_3", "7")
	r = coord.Post(page, bad)
	for field, want := range map[string]string{"band_from_1": "Укажите расстояние в километрах",
		"band_from_2": "Пороги расстояния должны начинаться от 0 км", "band_points_3": "Укажите и расстояние, и баллы",
		uniform + "age_min": "", shoes + "grade_min": ""} {
		if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="`+field+`-error">`+want) {
			t.Errorf("%s: %d, lacks its error %q", field, r.Status, want)
		}
	}
	if !strings.Contains(r.Body, `value="далеко"`) || !strings.Contains(r.Body, `value="пять"`) {
		t.Error("the refused form lost what was typed")
	}
	if strings.Count(r.Body, `<details class="item-rules" open>`) != 2 {
		t.Error("the items with conditions or mistakes are not open")
	}

	if r = coord.Post(page, form); r.Status != http.StatusSeeOther {
		t.Fatalf("save: %d %s", r.Status, r.Body)
	}
	rs := webtest.Must(f.Svc.Eligibility.CurrentRuleSet(ctx, c.ID))
	if !slices.Equal(rs.Weights.Distance, []eligibility.Band{{FromKm: 2.5, Points: 5}, {FromKm: 10, Points: 15}}) || rs.Weights.RankDepth != 3 {
		t.Errorf("saved weights %+v", rs.Weights)
	}
	u := rs.Rules.Items[c.Uniform]
	if u.Age == nil || *u.Age != (eligibility.Range{Min: 6, Max: 10}) || !slices.Equal(u.Categories, []string{"orphan"}) ||
		!slices.Equal(u.Regions, []string{"/KZ/KZ-75/"}) || !rs.Rules.Items[c.Shoes].NotReceived {
		t.Errorf("saved items %+v", rs.Rules.Items)
	}
	if !rs.Rules.Items[999999].NotReceived || !slices.Equal(rs.Rules.All.Institutions, []int64{f.Org.ID}) {
		t.Errorf("the form dropped what it does not show: %+v", rs.Rules)
	}
	if _, ok := rs.Rules.Items[c.Kit]; ok {
		t.Error("an item without conditions has an entry")
	}
	r = coord.Get(page)
	if !strings.Contains(r.Body, `name="band_from_1" inputmode="decimal" dir="ltr" size="6" value="10"`) ||
		strings.Count(r.Body, `<details class="item-rules" open>`) != 2 {
		t.Error("the saved version does not come back into the form")
	}
}

// The advanced view saves the whole rule set as JSON; JSON that does not
// read, a field the rule set lacks and each mistake of the rule set are
// told in the user's language. Those who only read the rules see the
// JSON and no form.
func TestRulesAdvancedJSON(t *testing.T) {
	f := webtest.New(t)
	c := requeststest.Open(t, f.DB, webtest.Clock(), "road", f.Org.ID, f.Org.Path, "KZ-75")
	page := "/campaigns/" + webtest.Itoa(c.ID) + "/rules"
	coord := f.User(t, "coord-fr@example.org", access.Coordinator, "fr")
	post := func(doc string) webtest.Response {
		return coord.Post(page, url.Values{"form": {"json"}, "json": {doc}})
	}
	for doc, want := range map[string]string{
		`{"rules": {`:                      "JSON",
		`{"rules": {"all": {"ages": {}}}}`: "JSON",
		`{"rules": {"all": {"age": {"min": 9, "max": 6}}}, "weights": {"distance": [{"from_km": 5, "points": 1}, {"from_km": 2, "points": 1}]}}`: "all.age: ",
	} {
		r := post(doc)
		if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="json-error"`) || !strings.Contains(r.Body, want) ||
			!strings.Contains(r.Body, `<details class="advanced" id="advanced" open>`) {
			t.Errorf("%s: %d, want the mistake %q beside the JSON", doc, r.Status, want)
		}
	}
	if r := post(`{"rules": {"all": {"age": {"min": 9, "max": 6}}}, "weights": {"distance": [{"from_km": 5, "points": 1}, {"from_km": 2, "points": 1}]}}`); !strings.Contains(r.Body, "distance.1: ") {
		t.Error("the second mistake is not listed")
	}
	doc := map[string]any{"rules": map[string]any{"all": map[string]any{"age": map[string]int{"min": 6, "max": 17}},
		"items": map[string]any{webtest.Itoa(c.Kit): map[string]any{"regions": []string{"/KZ/KZ-75/"}}}},
		"weights": map[string]any{"rank_depth": 3, "distance": []map[string]any{{"from_km": 4, "points": 2}}}}
	b, _ := json.Marshal(doc)
	if r := post(string(b)); r.Status != http.StatusSeeOther {
		t.Fatalf("save the JSON: %d %s", r.Status, r.Body)
	}
	rs := webtest.Must(f.Svc.Eligibility.CurrentRuleSet(t.Context(), c.ID))
	if rs.Rules.All.Age.Max != 17 || rs.Weights.RankDepth != 3 || rs.Rules.Items[c.Kit].Regions[0] != "/KZ/KZ-75/" {
		t.Errorf("saved %+v", rs)
	}
	op := f.User(t, "op@example.org", access.Operator, "en")
	r := op.Get(page)
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `<pre class="json" dir="ltr">`) || strings.Contains(r.Body, `<form method="post" action="`+page+`"`) {
		t.Errorf("an operator's view: %d", r.Status)
	}
	for _, form := range []url.Values{{"form": {"json"}, "json": {string(b)}}, {"add_band": {"1"}, "bands": {"1"}}} {
		if r := op.Post(page, form); r.Status != http.StatusForbidden {
			t.Errorf("an operator posts %v: %d", form, r.Status)
		}
	}
}

// with is form with field set to value, form unchanged.
func with(form url.Values, field, value string) url.Values {
	out := url.Values{}
	for k, v := range form {
		out[k] = slices.Clone(v)
	}
	out.Set(field, value)
	return out
}
