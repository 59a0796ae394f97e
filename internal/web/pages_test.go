package web_test

import (
	"context"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/settings"
	"github.com/jolproject/jol/internal/store"
)

func TestPersianPageIsRightToLeftWithSolarHijriDates(t *testing.T) {
	f := newFixture(t)
	check(t, f.svc.Settings.Update(context.Background(), access.System,
		settings.Settings{Name: "Jol", DefaultLocale: "en", Country: "IR", Calendar: "solar_hijri", Timezone: "Asia/Tehran"}))
	c := f.login(t, "admin@example.org")
	c.post("/locale", url.Values{"lang": {"fa"}, "next": {"/"}})
	page := c.get("/admin/users/" + itoa(f.coord.ID))
	date := i18n.FA.DateWithCalendar(clock(), i18n.CalendarSolarHijri) // ۱۴۰۵/۰۶/۱۰
	for _, want := range []string{`<html lang="fa" dir="rtl">`, date, "هماهنگ\u200cکننده", "کاربران"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("Persian page lacks %q", want)
		}
	}
	if !strings.HasPrefix(date, "۱۴۰۵/") {
		t.Fatalf("date %q is not Solar Hijri in Persian digits", date)
	}
	// 08:00 UTC is 11:30 in Tehran: times are shown in the installation's zone.
	if list := c.get("/admin/users"); !strings.Contains(list.body, date+" ۱۱:۳۰") {
		t.Error("last login is not shown in Persian, in Tehran time")
	}
}

func TestAuditShowsRecordsEscaped(t *testing.T) {
	f := newFixture(t)
	c := f.login(t, "admin@example.org")
	c.post("/organisations", url.Values{"name": {"<b>Bold</b> & co"}, "type": {"company"}, "region_code": {"KZ-75"}})
	page := c.get("/admin/audit?entity=organisation")
	if !strings.Contains(page.body, `<pre class="json" dir="ltr">`) || !strings.Contains(page.body, `&#34;name&#34;: &#34;&lt;b&gt;Bold&lt;/b&gt; &amp; co&#34;`) ||
		strings.Contains(page.body, "<b>Bold") {
		t.Fatalf("audit page does not show the record escaped:\n%s", page.body)
	}
	if r := c.get("/admin/audit?actor=abc"); r.status != http.StatusOK || !strings.Contains(r.body, `id="actor-error"`) {
		t.Errorf("bad actor filter: %d", r.status)
	}
	if r := c.get("/admin/access-log?user=" + itoa(f.admin.ID)); r.status != http.StatusOK {
		t.Errorf("access log: %d", r.status)
	}
}

// state is what a GET must never change.
type state struct {
	changes  int
	users    int
	tokens   int
	jobs     map[string]int
	settings settings.Settings
}

func snapshot(t *testing.T, f *fixture) state {
	t.Helper()
	ctx := context.Background()
	ch, _, err := f.svc.Audit.Changes(ctx, access.System, audit.Filter{}, store.Page{Limit: store.MaxLimit})
	check(t, err)
	return state{changes: len(ch), users: must(f.svc.Accounts.Count(ctx)),
		tokens: len(must(f.svc.Accounts.Tokens(ctx, access.System, 0))), jobs: must(f.svc.Jobs.Counts(ctx)),
		settings: must(f.svc.Settings.Get(ctx))}
}

func TestGetNeverMutates(t *testing.T) {
	f := newFixture(t)
	c := f.login(t, "admin@example.org")
	c.post("/tokens", url.Values{"name": {"one"}})
	before := snapshot(t, f)
	for _, path := range []string{"/", "/admin/users", "/admin/users/new", "/admin/users/" + itoa(f.coord.ID),
		"/tokens", "/organisations", "/organisations/new", "/organisations/" + itoa(f.org.ID), "/regions", "/regions?parent=KZ",
		"/regions?q=alm", "/admin/regions/import", "/admin/jobs", "/admin/audit", "/admin/access-log", "/admin/settings",
		"/admin/users?name=x&email=y@example.org&role=admin&password=long+enough+secret", "/tokens?name=two",
		"/admin/settings?name=Changed&default_locale=fa&country=IR&calendar=solar_hijri"} {
		if r := c.get(path); r.status != http.StatusOK {
			t.Errorf("GET %s: %d", path, r.status)
		}
	}
	if after := snapshot(t, f); !reflect.DeepEqual(before, after) {
		t.Fatalf("GETs changed the state:\nbefore %+v\nafter  %+v", before, after)
	}
}
