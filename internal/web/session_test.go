package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestIdleSessionsEndAndActiveOnesLast(t *testing.T) {
	f := newFixture(t)
	c := f.login(t, "admin@example.org")
	home := func(when string) response {
		t.Helper()
		r := c.get("/")
		if r.status != http.StatusOK && r.status != http.StatusSeeOther {
			t.Fatalf("%s: %d", when, r.status)
		}
		return r
	}
	home("just logged in")
	// Used every 1 h 59 min, the session outlives the 2-hour idle limit
	// several times over: each use moves its last-seen time.
	for i := range 3 {
		f.advance(119 * time.Minute)
		if r := home("after a pause"); r.status != http.StatusOK {
			t.Fatalf("pause %d of 1h59m ended the session: %d to %s", i+1, r.status, r.location)
		}
	}
	f.advance(2*time.Hour + time.Minute)
	r := home("after 2h01m idle")
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/login") {
		t.Fatalf("an idle session still works: %d", r.status)
	}
	// The session is gone for good, not only for that request.
	f.advance(-3 * time.Hour)
	if r := home("back in time"); r.status != http.StatusSeeOther {
		t.Fatalf("an expired session came back: %d", r.status)
	}
}

func TestHomeCardsFollowTheRole(t *testing.T) {
	f := newFixture(t)
	coord := f.login(t, "coord@example.org").get("/")
	if !strings.Contains(coord.body, `<span class="figure">1</span> <span>organisation</span>`) {
		t.Errorf("coordinator's home lacks the organisation count:\n%s", coord.body)
	}
	if strings.Contains(coord.body, "/admin/users") || strings.Contains(coord.body, "/admin/jobs") {
		t.Error("coordinator's home links to admin pages")
	}
	admin := f.login(t, "admin@example.org").get("/")
	for _, want := range []string{`href="/admin/users"`, `<span class="figure">2</span> <span>users</span>`, `href="/admin/jobs?status=failed"`} {
		if !strings.Contains(admin.body, want) {
			t.Errorf("admin's home lacks %s", want)
		}
	}
}
