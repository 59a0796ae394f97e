package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestIdleSessionsEndAndActiveOnesLast(t *testing.T) {
	f := newFixture(t)
	c := f.Login(t, "admin@example.org")
	home := func(when string) response {
		t.Helper()
		r := c.Get("/")
		if r.Status != http.StatusOK && r.Status != http.StatusSeeOther {
			t.Fatalf("%s: %d", when, r.Status)
		}
		return r
	}
	home("just logged in")
	// Used every 1 h 59 min, the session outlives the 2-hour idle limit
	// several times over: each use moves its last-seen time.
	for i := range 3 {
		f.Advance(119 * time.Minute)
		if r := home("after a pause"); r.Status != http.StatusOK {
			t.Fatalf("pause %d of 1h59m ended the session: %d to %s", i+1, r.Status, r.Location)
		}
	}
	f.Advance(2*time.Hour + time.Minute)
	r := home("after 2h01m idle")
	if r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location, "/login") {
		t.Fatalf("an idle session still works: %d", r.Status)
	}
	// The session is gone for good, not only for that request.
	f.Advance(-3 * time.Hour)
	if r := home("back in time"); r.Status != http.StatusSeeOther {
		t.Fatalf("an expired session came back: %d", r.Status)
	}
}

func TestHomeCardsFollowTheRole(t *testing.T) {
	f := newFixture(t)
	coord := f.Login(t, "coord@example.org").Get("/")
	if !strings.Contains(coord.Body, `<a href="/organisations"><span class="link-title">Organisations</span> <span class="figure-sm">1</span></a>`) {
		t.Errorf("coordinator's home lacks the organisation count:\n%s", coord.Body)
	}
	if strings.Contains(coord.Body, "/admin/users") || strings.Contains(coord.Body, "/admin/jobs") {
		t.Error("coordinator's home links to admin pages")
	}
	admin := f.Login(t, "admin@example.org").Get("/")
	for _, want := range []string{`href="/admin/users"`, `<span class="link-title">Users</span> <span class="figure-sm">2</span>`, `href="/admin/jobs?status=failed"`} {
		if !strings.Contains(admin.Body, want) {
			t.Errorf("admin's home lacks %s", want)
		}
	}
}
