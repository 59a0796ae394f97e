package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/mentorship/mentorshiptest"
)

// A mentor's home is their work: the young people they mentor, where
// they stand in the school (a module still to attend named) and their
// profile; no proposal waits, and it says so.
func TestMentorHome(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ms := mentorshiptest.Build(t, mentorshiptest.Setup{Svc: f.Svc, DB: f.DB, OrgID: f.Org.ID, RegionCode: "KZ-75",
		Coord: f.Coord.Principal(), Now: clock(), Password: password})
	must(f.Svc.Mentoring.AddModule(ctx, access.System, mentoring.Module{Code: "safe", Name: "Safeguarding basics", Required: true}))
	c := f.Login(t, ms.MentorUser.Email)
	r := c.Get("/")
	if r.Status != http.StatusOK {
		t.Fatalf("home: %d", r.Status)
	}
	for _, s := range []string{`id="mentor-proposals"`, "No proposal waits for your answer.", `id="mentor-mentorships"`,
		`href="/mentorships/` + itoa(ms.Minor) + `"`, `href="/mentorships/` + itoa(ms.Adult) + `"`, "Aruzhan Seitkali",
		"Safeguarding basics", `href="/my/mentoring"`} {
		if !strings.Contains(r.Body, s) {
			t.Errorf("the mentor's home has no %q", s)
		}
	}
	for _, s := range []string{`id="coming-title"`, `id="mentor-unlinked"`, `href="/mentorships/` + itoa(ms.OtherShip) + `"`} {
		if strings.Contains(r.Body, s) {
			t.Errorf("the mentor's home shows %q", s)
		}
	}
}
