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
	check(t, f.Svc.Settings.Update(context.Background(), access.System,
		settings.Settings{Name: "Jol", DefaultLocale: "en", Country: "IR", Calendar: "solar_hijri", Timezone: "Asia/Tehran"}))
	c := f.Login(t, "admin@example.org")
	c.Post("/locale", url.Values{"lang": {"fa"}, "next": {"/"}})
	page := c.Get("/admin/users/" + itoa(f.Coord.ID))
	date := i18n.FA.DateWithCalendar(clock(), i18n.CalendarSolarHijri) // ۱۴۰۵/۰۶/۱۰
	for _, want := range []string{`<html lang="fa" dir="rtl">`, date, "هماهنگ\u200cکننده", "کاربران"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("Persian page lacks %q", want)
		}
	}
	if !strings.HasPrefix(date, "۱۴۰۵/") {
		t.Fatalf("date %q is not Solar Hijri in Persian digits", date)
	}
	// 08:00 UTC is 11:30 in Tehran: times are shown in the installation's zone.
	if list := c.Get("/admin/users"); !strings.Contains(list.Body, date+" ۱۱:۳۰") {
		t.Error("last login is not shown in Persian, in Tehran time")
	}
}

func TestAuditShowsRecordsEscaped(t *testing.T) {
	f := newFixture(t)
	c := f.Login(t, "admin@example.org")
	c.Post("/organisations", url.Values{"name": {"<b>Bold</b> & co"}, "type": {"company"}, "region_code": {"KZ-75"}})
	page := c.Get("/admin/audit?entity=organisation")
	if !strings.Contains(page.Body, `<pre class="json" dir="ltr">`) || !strings.Contains(page.Body, `&#34;name&#34;: &#34;&lt;b&gt;Bold&lt;/b&gt; &amp; co&#34;`) ||
		strings.Contains(page.Body, "<b>Bold") {
		t.Fatalf("audit page does not show the record escaped:\n%s", page.Body)
	}
	if r := c.Get("/admin/audit?actor=abc"); r.Status != http.StatusOK || !strings.Contains(r.Body, `id="actor-error"`) {
		t.Errorf("bad actor filter: %d", r.Status)
	}
	if r := c.Get("/admin/access-log?user=" + itoa(f.Admin.ID)); r.Status != http.StatusOK {
		t.Errorf("access log: %d", r.Status)
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
	ch, _, err := f.Svc.Audit.Changes(ctx, access.System, audit.Filter{}, store.Page{Limit: store.MaxLimit})
	check(t, err)
	return state{changes: len(ch), users: must(f.Svc.Accounts.Count(ctx)),
		tokens: len(must(f.Svc.Accounts.Tokens(ctx, access.System, 0))), jobs: must(f.Svc.Jobs.Counts(ctx)),
		settings: must(f.Svc.Settings.Get(ctx))}
}

func TestGetNeverMutates(t *testing.T) {
	f := newFixture(t)
	c := f.Login(t, "admin@example.org")
	c.Post("/tokens", url.Values{"name": {"one"}})
	before := snapshot(t, f)
	for _, path := range []string{"/", "/admin/users", "/admin/users/new", "/admin/users/" + itoa(f.Coord.ID),
		"/tokens", "/organisations", "/organisations/new", "/organisations/" + itoa(f.Org.ID), "/regions", "/regions?parent=KZ",
		"/regions?q=alm", "/admin/regions/import", "/admin/jobs", "/admin/audit", "/admin/access-log", "/admin/settings",
		"/admin/users?name=x&email=y@example.org&role=admin&password=long+enough+secret", "/tokens?name=two",
		"/admin/settings?name=Changed&default_locale=fa&country=IR&calendar=solar_hijri"} {
		if r := c.Get(path); r.Status != http.StatusOK {
			t.Errorf("GET %s: %d", path, r.Status)
		}
	}
	if after := snapshot(t, f); !reflect.DeepEqual(before, after) {
		t.Fatalf("GETs changed the state:\nbefore %+v\nafter  %+v", before, after)
	}
}
