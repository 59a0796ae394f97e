package main

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/store"
)

// A mentor, a cohort and a session of the Tehran charity are outside the
// reach of the foundation's coordinator on every surface, while their own
// coordinator opens them.
func TestMentorRoutesOutsideScope(t *testing.T) {
	s := startServer(t)
	ctx := context.Background()
	coord, persian := s.caller(t, "coordinator"), s.caller(t, "coordinator.ir")
	var region string
	err := s.app.db.R.QueryRow(store.Rebind(s.app.db.Engine,
		"SELECT r.code FROM organisations o JOIN regions r ON r.id = o.region_id WHERE o.id = $1"), persian.orgID).Scan(&region)
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.app.Mentoring.Create(ctx, access.System, mentoring.Input{Name: "مریم احمدی", Email: "maryam@example.org",
		Background: mentoring.Coach, Fields: []string{"sport"}, Languages: []string{"fa"}, OrgID: persian.orgID,
		RegionCode: region, Online: true, Capacity: 2})
	if err != nil {
		t.Fatal(err)
	}
	today := time.Now().UTC().Truncate(24 * time.Hour)
	c, err := s.app.Mentoring.CreateCohort(ctx, access.System, mentoring.Cohort{Name: "پاییز", OrgID: persian.orgID,
		StartsOn: today, EndsOn: today.AddDate(0, 1, 0)})
	if err != nil {
		t.Fatal(err)
	}
	mod, err := s.app.Mentoring.AddModule(ctx, access.System, mentoring.Module{Code: "authz", Name: "Safeguarding", Required: true})
	if err != nil {
		t.Fatal(err)
	}
	ses, err := s.app.Mentoring.AddSession(ctx, access.System, mentoring.Session{CohortID: c.ID, ModuleID: mod.ID,
		HeldOn: today, Trainer: "Reza"})
	if err != nil {
		t.Fatal(err)
	}
	ids := strings.NewReplacer("{mentor}", strconv.FormatInt(m.ID, 10), "{cohort}", strconv.FormatInt(c.ID, 10),
		"{session}", strconv.FormatInt(ses.ID, 10))
	routes := []struct{ method, path string }{
		{"GET", "/mentors/{mentor}"},
		{"POST", "/mentors/{mentor}/decision"},
		{"POST", "/mentors/{mentor}/vetting"},
		{"GET", "/mentors/school/cohorts/{cohort}"},
		{"POST", "/mentors/school/cohorts/{cohort}/members"},
		{"POST", "/mentors/school/cohorts/{cohort}/sessions"},
		{"POST", "/mentors/school/cohorts/{cohort}/finals"},
		{"GET", "/mentors/school/sessions/{session}"},
		{"POST", "/mentors/school/sessions/{session}"},
		{"GET", "/api/v1/mentors/{mentor}"},
		{"POST", "/api/v1/mentors/{mentor}/decision"},
		{"PUT", "/api/v1/mentors/{mentor}/vetting"},
		{"GET", "/api/v1/mentor-cohorts/{cohort}/progress"},
		{"PUT", "/api/v1/mentor-sessions/{session}/attendance"},
	}
	for _, rt := range routes {
		path := ids.Replace(rt.path)
		if got := coord.do(t, s.url, rt.method, path); got != http.StatusForbidden {
			t.Errorf("coordinator: %s %s = %d, want 403", rt.method, path, got)
		}
	}
	for _, path := range []string{"/mentors/{mentor}", "/mentors/school/cohorts/{cohort}", "/mentors/school/sessions/{session}",
		"/api/v1/mentors/{mentor}", "/api/v1/mentor-cohorts/{cohort}/progress"} {
		path = ids.Replace(path)
		if got := persian.do(t, s.url, "GET", path); got != http.StatusOK {
			t.Errorf("their coordinator: GET %s = %d, want 200", path, got)
		}
	}
}
