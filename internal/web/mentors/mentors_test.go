package mentors_test

import (
	"context"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// anonymous is a visitor reading the site in lang, logged in as nobody.
func anonymous(t *testing.T, f *webtest.Fixture, lang string) *webtest.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	u, _ := url.Parse(f.Srv.URL)
	jar.SetCookies(u, []*http.Cookie{{Name: "jol_lang", Value: lang}})
	return &webtest.Client{T: t, F: f, HC: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

func scalar(t *testing.T, f *webtest.Fixture, q string, args ...any) int64 {
	t.Helper()
	var n int64
	webtest.Check(t, f.DB.R.QueryRow(store.Rebind(f.DB.Engine, q), args...).Scan(&n))
	return n
}

func wantIn(t *testing.T, what string, r webtest.Response, status int, parts ...string) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("%s = %d, want %d: %s", what, r.Status, status, r.Body)
	}
	for _, p := range parts {
		if !strings.Contains(r.Body, p) {
			t.Errorf("%s lacks %q", what, p)
		}
	}
}

// application is a filled public form to the fixture's foundation.
func application(f *webtest.Fixture) url.Values {
	return url.Values{"name": {"Айгерім Нұрланқызы"}, "email": {"aigerim@example.org"}, "background": {"young_deputy"},
		"org": {webtest.Itoa(f.Org.ID)}, "region": {"KZ-75"}, "fields": {"career", "education"},
		"languages": {"kk", "ru"}, "in_person": {"1"}, "capacity": {"3"}}
}

// A visitor applies in Kazakh: a bad form comes back in Kazakh with every
// problem and what was typed; a good one waits for the coordinator, who
// finds it in the filtered list, refuses to reject it without a reason,
// approves it, and sees the mentor not yet eligible: no school. Another
// region's coordinator and an operator see none of it; the mentor sees
// their own page.
func TestApplicationListAndMentorPage(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	visitor := anonymous(t, f, "kk")
	wantIn(t, "the form", visitor.Get("/mentors/apply"), http.StatusOK, "Тәлімгер болу", "Almaty Foundation",
		`value="education"`, "Білім")

	bad := application(f)
	bad.Set("capacity", "99")
	bad.Del("fields")
	bad.Set("vetting_document", "№ 17")
	bad.Set("vetted_on", "2026-05-01")
	bad.Set("vetting_expires", "2026-04-01")
	bad.Set("vetted_by", "А. Сейтқали")
	wantIn(t, "a bad application", visitor.Post("/mentors/apply", bad), http.StatusUnprocessableEntity,
		"1-ден 50-ге дейін", "Кемінде бір сараптама саласын", "жарамдылық мерзімі берілген күннен кейін",
		`value="Айгерім Нұрланқызы"`, `value="kk" checked`)
	bad.Set("vetted_on", "not a day")
	wantIn(t, "a bad date and more", visitor.Post("/mentors/apply", bad), http.StatusUnprocessableEntity,
		"1-ден 50-ге дейін", "Кемінде бір сараптама саласын")
	if n := scalar(t, f, "SELECT COUNT(*) FROM mentors"); n != 0 {
		t.Fatalf("%d mentors stored from bad forms", n)
	}
	wantIn(t, "an application", visitor.Post("/mentors/apply", application(f)), http.StatusOK, `id="applied"`)
	id := scalar(t, f, "SELECT id FROM mentors")
	page := "/mentors/" + webtest.Itoa(id)

	coord := f.Login(t, f.Coord.Email)
	wantIn(t, "the list", coord.Get("/mentors?status=applied&field=career"), http.StatusOK, "Айгерім Нұрланқызы",
		`href="/imports/new?target=mentors"`, "1 mentor")
	wantIn(t, "the list of the finished", coord.Get("/mentors?school=finished"), http.StatusOK, "No mentor matches")
	wantIn(t, "a bad filter", coord.Get("/mentors?region=XX-99"), http.StatusUnprocessableEntity, "XX-99")

	wantIn(t, "the page", coord.Get(page), http.StatusOK, "application is not approved", `id="decide-form"`)
	version := webtest.Itoa(scalar(t, f, "SELECT version FROM mentors"))
	wantIn(t, "a rejection without reason", coord.Post(page+"/decision", url.Values{"version": {version},
		"decision": {"reject"}}), http.StatusUnprocessableEntity, "Reason is required")
	if r := coord.Post(page+"/decision", url.Values{"version": {version}, "decision": {"approve"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("approving = %d: %s", r.Status, r.Body)
	}
	wantIn(t, "the approved page", coord.Get(page), http.StatusOK, "has not passed the final check",
		"No final check passed yet")
	version = webtest.Itoa(scalar(t, f, "SELECT version FROM mentors"))
	wantIn(t, "a vetting expiring before its date", coord.Post(page+"/vetting", url.Values{"version": {version},
		"vetting_document": {"No. 5"}, "vetted_on": {"2026-05-01"}, "vetting_expires": {"2026-04-01"},
		"vetted_by": {"A. Seitkali"}}), http.StatusUnprocessableEntity, "must expire after the day it was issued",
		`value="No. 5"`)
	wantIn(t, "the pool", coord.Get("/mentors/stats"), http.StatusOK, `id="by-field"`, "1 approved mentors")

	// Another region's coordinator, and an operator.
	astana := webtest.Must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Astana branch", Type: orgs.Foundation,
		RegionCode: "KZ-71"}))
	webtest.Must(f.Svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "astana@example.org", Name: "Astana",
		Role: access.Coordinator, OrgID: astana.ID, Region: "KZ-71", Locale: "en", Password: webtest.Password}))
	other := f.Login(t, "astana@example.org")
	if r := other.Get(page); r.Status != http.StatusForbidden {
		t.Errorf("another region's coordinator opened the mentor: %d", r.Status)
	}
	if r := other.Get("/mentors"); r.Status != http.StatusOK || strings.Contains(r.Body, "Айгерім") {
		t.Errorf("another region's coordinator lists the mentor: %d", r.Status)
	}
	if r := f.User(t, "op@example.org", access.Operator, "en").Get("/mentors"); r.Status != http.StatusForbidden {
		t.Errorf("an operator opened the list: %d", r.Status)
	}

	// The mentor's own page, once their login is linked.
	mentor := f.User(t, "aigerim@example.org", access.Mentor, "ru")
	if r := mentor.Get("/my/mentoring"); r.Status != http.StatusNotFound {
		t.Errorf("an unlinked mentor's page = %d", r.Status)
	}
	u := webtest.Must(f.Svc.Accounts.LookupEmail(ctx, "aigerim@example.org"))
	webtest.Check(t, f.Svc.Mentoring.LinkUser(ctx, access.System, id, u.ID))
	wantIn(t, "the mentor's own page", mentor.Get("/my/mentoring"), http.StatusOK, "Моё наставничество",
		"Айгерім Нұрланқызы", "Школа наставников")
	if r := mentor.Get(page); r.Status != http.StatusForbidden {
		t.Errorf("a mentor opened the coordinator's page: %d", r.Status)
	}
}

// The fields of expertise: an administrator adds one, is refused a bad
// code, renames and takes one off, which the public form then no longer
// offers.
func TestFieldsOfExpertise(t *testing.T) {
	f := webtest.New(t)
	admin := f.Login(t, "admin@example.org")
	names := url.Values{"name_en": {"Law"}, "name_kk": {"Құқық"}, "name_ru": {"Право"}, "name_fr": {"Droit"},
		"name_fa": {"حقوق"}, "position": {"9"}, "active": {"1"}}
	bad := url.Values{"code": {"Bad Code"}}
	for k, v := range names {
		bad[k] = v
	}
	wantIn(t, "a bad code", admin.Post("/mentors/fields", bad), http.StatusUnprocessableEntity, "small Latin letters")
	names.Set("code", "law")
	if r := admin.Post("/mentors/fields", names); r.Status != http.StatusSeeOther {
		t.Fatalf("adding = %d: %s", r.Status, r.Body)
	}
	off := url.Values{"existing": {"it"}, "name_en": {"IT"}, "name_kk": {"АТ"}, "name_ru": {"ИТ"}, "name_fr": {"Informatique"},
		"name_fa": {"فناوری"}, "position": {"8"}}
	if r := admin.Post("/mentors/fields", off); r.Status != http.StatusSeeOther {
		t.Fatalf("taking off = %d: %s", r.Status, r.Body)
	}
	wantIn(t, "the fields", admin.Get("/mentors/fields"), http.StatusOK, "Law", "not offered")
	form := anonymous(t, f, "en").Get("/mentors/apply")
	if !strings.Contains(form.Body, `value="law"`) || strings.Contains(form.Body, `value="it"`) {
		t.Errorf("the form offers the wrong fields")
	}
	if r := f.Login(t, f.Coord.Email).Post("/mentors/fields", names); r.Status != http.StatusSeeOther {
		t.Errorf("a coordinator keeps the fields too: %d", r.Status)
	}
}
