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

// publishedSelection makes a published selection of the coordinator's
// organisation, with an empty shortlist, and returns its id.
func publishedSelection(t *testing.T, s *testServer) string {
	t.Helper()
	c := mustUser(t, s, "coordinator")
	var id int64
	if err := s.app.db.W.QueryRow(store.Rebind(s.app.db.Engine, `INSERT INTO selections (name, org_id, org_path,
		region_path, places, quota_mode, tie_rule, appeal_days, state, created_at, updated_at)
		SELECT 'Young leaders', id, path, '', 400, 'proportional', 'draw', 7, 'published', $2, $2
		FROM organisations WHERE id = $1 RETURNING id`), c.orgID, time.Now()).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return strconv.FormatInt(id, 10)
}

// TestPublicPagesForAnonymous: the routes visitors may open answer a
// visitor logged in as nobody, without sending them to the login page.
func TestPublicPagesForAnonymous(t *testing.T) {
	s := startServer(t)
	slug := publicCampaign(t, s)
	org, _, token := youthRecord(t, s)
	shortlist := publishedSelection(t, s)
	args := strings.NewReplacer("{slug}", slug, "{org}", strconv.FormatInt(org, 10),
		"/y/guardian/{token}", "/y/guardian/"+guardianToken(t, s), "{token}", token,
		"/shortlists/{id}", "/shortlists/"+shortlist)
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
