package main

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/store"
)

// publicCampaign opens a campaign of the demo coordinator's organisation
// for the public pages' routes and returns its slug.
func publicCampaign(t *testing.T, s *testServer) string {
	t.Helper()
	c := mustUser(t, s, "coordinator")
	var path string
	if err := s.app.db.R.QueryRow(store.Rebind(s.app.db.Engine, "SELECT path FROM organisations WHERE id = $1"), c.orgID).Scan(&path); err != nil {
		t.Fatal(err)
	}
	requeststest.Open(t, s.app.db, time.Now(), "authz-road", c.orgID, path)
	return "authz-road"
}

// TestPublicPagesForAnonymous: the routes visitors may open answer a
// visitor logged in as nobody, without sending them to the login page.
func TestPublicPagesForAnonymous(t *testing.T) {
	s := startServer(t)
	slug := publicCampaign(t, s)
	org, _, token := youthRecord(t, s)
	args := strings.NewReplacer("{slug}", slug, "{org}", strconv.FormatInt(org, 10), "{token}", token)
	c := s.client(t)
	for key, allowed := range expectedAccess {
		if !contains(allowed, "anonymous") {
			continue
		}
		method, pattern, _ := strings.Cut(key, " ")
		req, _ := http.NewRequest(method, s.url+args.Replace(pattern), strings.NewReader(""))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		switch {
		case method == "GET" && res.StatusCode != http.StatusOK,
			res.StatusCode == http.StatusSeeOther && strings.HasPrefix(res.Header.Get("Location"), "/login"),
			res.StatusCode == http.StatusForbidden, res.StatusCode == http.StatusUnauthorized:
			t.Errorf("anonymous %s = %d, want the page", key, res.StatusCode)
		}
	}
}
