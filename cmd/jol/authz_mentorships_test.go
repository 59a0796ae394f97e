package main

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/mentorship/mentorshiptest"
)

// Mentorships and concerns outside the caller's reach are refused on
// every route that names one, web and API: a coordinator of another
// organisation (Tehran) and a mentor who is not the mentorship's (the
// demo's mentor) are forbidden; the mentorship's own mentor and the
// coordinator of its branch are let in.
func TestMentorshipRoutesOutsideReach(t *testing.T) {
	s := startServer(t)
	ctx := context.Background()
	coordUser, err := s.app.Accounts.LookupEmail(ctx, demo.Email("coordinator"))
	if err != nil {
		t.Fatal(err)
	}
	ms := mentorshiptest.Build(t, mentorshiptest.Setup{Svc: s.app.Services, DB: s.app.db, OrgID: coordUser.OrgID,
		RegionCode: "KZ-75", Coord: coordUser.Principal(), Now: time.Now(), Password: "mentor password 1"})
	lead := coordUser.Principal()
	if err := s.app.Mentorship.SetLead(ctx, lead, coordUser.OrgID, coordUser.ID); err != nil {
		t.Fatal(err)
	}
	concern, err := s.app.Mentorship.ReportConcern(ctx, ms.MentorUser.Principal(), ms.Minor, "Late meetings")
	if err != nil {
		t.Fatal(err)
	}
	x, err := s.app.Mentorship.LogSession(ctx, lead, ms.Minor, mentorship.SessionInput{HeldOn: time.Now().AddDate(0, 0, -1),
		Minutes: 45, Format: mentorship.Online, Topic: "First steps"})
	if err != nil {
		t.Fatal(err)
	}
	g, err := s.app.Mentorship.AddGoal(ctx, lead, ms.Minor, mentorship.GoalInput{Title: "Enrol in college"})
	if err != nil {
		t.Fatal(err)
	}
	ids := strings.NewReplacer("{id}", strconv.FormatInt(ms.Minor, 10), "{session}", strconv.FormatInt(x.ID, 10),
		"{goal}", strconv.FormatInt(g.ID, 10), "{concern}", strconv.FormatInt(concern.ID, 10))
	routes := []struct{ method, path string }{
		{"GET", "/mentorships/{id}"},
		{"POST", "/mentorships/{id}/sessions"},
		{"POST", "/mentorships/{id}/sessions/{session}/feedback"},
		{"POST", "/mentorships/{id}/goals"},
		{"POST", "/mentorships/{id}/goals/{goal}"},
		{"POST", "/mentorships/{id}/concerns"},
		{"POST", "/mentorships/{id}/end"},
		{"GET", "/api/v1/mentorships/{id}"},
		{"POST", "/api/v1/mentorships/{id}/sessions"},
		{"POST", "/api/v1/mentorships/{id}/sessions/{session}/feedback"},
		{"POST", "/api/v1/mentorships/{id}/goals"},
		{"PUT", "/api/v1/mentorships/{id}/goals/{goal}"},
		{"POST", "/api/v1/mentorships/{id}/concerns"},
		{"POST", "/api/v1/mentorships/{id}/end"},
		{"GET", "/safeguarding/{concern}"},
		{"POST", "/safeguarding/{concern}"},
		{"GET", "/api/v1/safeguarding/concerns/{concern}"},
		{"POST", "/api/v1/safeguarding/concerns/{concern}/status"},
	}
	stranger, mentor := s.caller(t, "coordinator.ir"), s.caller(t, "mentor")
	for _, rt := range routes {
		path := ids.Replace(rt.path)
		for _, c := range []*caller{stranger, mentor} {
			if got := c.do(t, s.url, rt.method, path); got != http.StatusForbidden {
				t.Errorf("%s: %s %s = %d, want 403", c.local, rt.method, path, got)
			}
		}
	}
	// Out of scope too: the Tehran coordinator designating a lead of the
	// fund, and the list, leads and activity showing them nothing of it.
	fund := strconv.FormatInt(coordUser.OrgID, 10)
	if got := stranger.doJSON(t, s.url, "PUT", "/api/v1/safeguarding/leads/"+fund,
		`{"user_id":`+strconv.FormatInt(stranger.userID, 10)+`}`); got != http.StatusForbidden {
		t.Errorf("coordinator.ir designates the fund's lead: %d", got)
	}
	for _, page := range []string{"/mentorships", "/safeguarding"} {
		if body := stranger.page(t, s.url, page); strings.Contains(body, "Aruzhan") {
			t.Errorf("coordinator.ir sees the fund's young person on %s", page)
		}
	}
	// Within reach the same routes answer.
	coord := s.caller(t, "coordinator")
	bolat := &caller{local: "bolat", web: s.loginAs(t, "bolat@example.org", "mentor password 1")}
	for _, c := range []*caller{coord, bolat} {
		if got := c.do(t, s.url, "GET", ids.Replace("/mentorships/{id}")); got != http.StatusOK {
			t.Errorf("%s opens their mentorship: %d", c.local, got)
		}
	}
	if got := coord.do(t, s.url, "GET", ids.Replace("/safeguarding/{concern}")); got != http.StatusOK {
		t.Errorf("the lead opens the concern: %d", got)
	}
	if got := bolat.do(t, s.url, "GET", ids.Replace("/safeguarding/{concern}")); got != http.StatusForbidden {
		t.Errorf("the mentor opens the concern: %d", got)
	}
}

// loginAs logs in the user of email with password.
func (s *testServer) loginAs(t *testing.T, email, password string) *http.Client {
	t.Helper()
	c := s.client(t)
	res, err := c.PostForm(s.url+"/login", url.Values{"email": {email}, "password": {password}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login %s: status %d", email, res.StatusCode)
	}
	return c
}

// doJSON sends an API request with body as JSON and the caller's token.
func (c *caller) doJSON(t *testing.T, base, method, path, body string) int {
	t.Helper()
	req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Content-Type", "application/json")
	res, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

// page is the body of a web page the caller opens.
func (c *caller) page(t *testing.T, base, path string) string {
	t.Helper()
	_, body := get(t, c.web, base+path)
	return body
}
