package main

import (
	"context"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/store"
)

// stockAreaRoute reports whether pattern is a route of the stock, the
// allocation, the distribution days, the deliveries or the after-care.
func stockAreaRoute(pattern string) bool {
	p := strings.TrimPrefix(pattern, "/api/v1")
	if strings.HasPrefix(p, "/campaigns/{id}/allocation") {
		return true
	}
	for _, pre := range []string{"/warehouses", "/stock/", "/donors", "/distribution", "/handovers", "/deliveries",
		"/volunteers", "/tasks", "/my/tasks", "/devices"} {
		if strings.HasPrefix(p, pre) {
			return true
		}
	}
	return false
}

// outsiderRoles are the roles bound to an organisation: an administrator
// sees everything.
var outsiderRoles = []string{"coordinator", "operator", "school", "warehouse", "outreach", "volunteer", "mentor", "sponsor",
	"auditor", "charity"}

// outsiders makes a login of every role but the administrator's in the
// organisation of the demo login near, in its region, named local.where.
func outsiders(t *testing.T, s *testServer, near, where, region string) []*caller {
	t.Helper()
	ctx := context.Background()
	org := mustUser(t, s, near).orgID
	var out []*caller
	for _, role := range outsiderRoles {
		local, r := role+"."+where, access.Role(role)
		if role == "school" {
			r = access.SchoolStaff
		}
		if _, err := s.app.Accounts.Create(ctx, access.System, accounts.NewUser{Email: demo.Email(local), Name: "Outsider " + local,
			Role: r, OrgID: org, Region: region, Password: demo.Password}); err != nil {
			t.Fatalf("%s: %v", local, err)
		}
		out = append(out, s.caller(t, local))
	}
	return out
}

// send sends an empty request as caller.do does and returns its status
// and body.
func (c *caller) send(t *testing.T, base, method, path string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(method, base+path, nil)
	client := c.web
	switch {
	case strings.HasPrefix(path, "/api/"):
		client = &http.Client{Timeout: 10 * time.Second}
		if method != "GET" && method != "DELETE" {
			req, _ = http.NewRequest(method, base+path, strings.NewReader("{}"))
			req.Header.Set("Content-Type", "application/json")
		}
		req.Header.Set("Authorization", "Bearer "+c.token)
	case method == "POST":
		req, _ = http.NewRequest(method, base+path, strings.NewReader(""))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// stockScope holds one of each record of the five areas, all of the
// Almaty children's support centre's (the demo operator's organisation,
// under the foundation).
type stockScope struct {
	campaign                                                  requeststest.Campaign
	person, request, warehouse, stockDoc, donor, event, photo int64
	handover, run, org                                        int64
	after                                                     afterIDs
}

// path fills pattern's parameters with the records' ids.
func (r stockScope) path(pattern string) string {
	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	p := strings.TrimPrefix(pattern, "/api/v1")
	var rec int64
	switch {
	case strings.HasPrefix(p, "/campaigns/{id}"):
		rec = r.campaign.ID
	case strings.HasPrefix(p, "/warehouses/{id}"):
		rec = r.warehouse
	case strings.HasPrefix(p, "/stock/docs/{id}"):
		rec = r.stockDoc
	case strings.HasPrefix(p, "/donors/{id}"):
		rec = r.donor
	case strings.HasPrefix(p, "/distribution/handovers/{id}"), strings.HasPrefix(p, "/handovers/{id}"):
		rec = r.handover
	case strings.HasPrefix(p, "/distribution/{id}"), strings.HasPrefix(p, "/distribution/events/{id}"):
		rec = r.event
	case strings.HasPrefix(p, "/deliveries/{id}"):
		rec = r.after.delivery
	case strings.HasPrefix(p, "/volunteers/{id}"):
		rec = r.after.volunteer
	case strings.Contains(p, "/tasks/{id}"):
		rec = r.after.task
	}
	return strings.NewReplacer("{id}", id(rec), "{key}", id(r.after.unit), "{run}", id(r.run), "{photo}", id(r.photo),
		"{warehouse}", id(r.warehouse), "{region}", "KZ-75", "{quota}", "999999").Replace(pattern)
}

// stockScopeRecords makes the records of the centre: a campaign of
// its own, a request, a warehouse with a donation, a distribution
// day with its photo and a handover, an allocation run, a delivery, a
// volunteer, a device and its set-up task.
func stockScopeRecords(t *testing.T, s *testServer) stockScope {
	t.Helper()
	ctx := context.Background()
	centre := mustUser(t, s, "operator")
	org := centre.orgID
	var orgPath string
	if err := s.app.db.R.QueryRowContext(ctx, store.Rebind(s.app.db.Engine, "SELECT path FROM organisations WHERE id = $1"),
		org).Scan(&orgPath); err != nil {
		t.Fatal(err)
	}
	r := stockScope{org: org}
	r.campaign = requeststest.Open(t, s.app.db, time.Now(), "scope", org, orgPath)
	r.person, _ = registryRecords(t, s, centre, org)
	r.request, _ = requestRecords(t, s, r.campaign, r.person)
	r.warehouse, r.stockDoc, r.donor = stockRecords(t, s, centre, org)
	r.event, r.photo, r.handover = distributionRecords(t, s, centre, r.campaign, r.warehouse)
	r.after = afterRecords(t, s, centre, org, r.campaign.ID, r.warehouse, r.request)
	if _, err := s.app.Allocation.DryRun(ctx, access.System, r.campaign.ID, "web"); err != nil {
		t.Fatal(err)
	}
	runs, err := s.app.Allocation.Runs(ctx, access.System, r.campaign.ID, 1)
	if err != nil || len(runs) == 0 {
		t.Fatalf("allocation runs: %v %v", runs, err)
	}
	r.run = runs[0].ID
	return r
}

// Every route of the stock, the allocation, the distribution days, the
// deliveries and the after-care, walked with the ids of an Almaty
// centre's records by a login of every role in another organisation (in
// Tehran, and Karaganda's centre under the same foundation) or in another
// region (the foundation's own, bound to Karaganda), gives nothing
// of them: a route about one record answers 403 or 404 (or, to an empty
// form, what it answers for a record that does not exist), a list shows
// none of them, and no answer names the records ("Authz" is in every name
// the test gives: the child's, the donor's, the warehouse's, the place's,
// the serial number). The foundation's coordinator opens each page, so
// the records are there to leak.
func TestStockAreasGiveNothingToAnotherOrganisation(t *testing.T) {
	s := startServer(t)
	r := stockScopeRecords(t, s)
	var keys []string
	for key := range expectedAccess {
		if _, pattern, _ := strings.Cut(key, " "); stockAreaRoute(pattern) {
			keys = append(keys, key)
		}
	}
	if len(keys) < 60 {
		t.Fatalf("only %d routes of the five areas", len(keys))
	}
	nowhere := stockScope{campaign: requeststest.Campaign{ID: 999999}, person: 999999, request: 999999, warehouse: 999999,
		stockDoc: 999999, donor: 999999, event: 999999, photo: 999999, handover: 999999, run: 999999,
		after: afterIDs{999999, 999999, 999999, 999999}}
	own := s.caller(t, "coordinator")
	for _, key := range keys {
		method, pattern, _ := strings.Cut(key, " ")
		if method != "GET" || !contains(expectedAccess[key], "coordinator") {
			continue
		}
		if code, _ := own.send(t, s.url, method, r.path(pattern)); code != http.StatusOK {
			t.Errorf("coordinator: %s %s = %d, want the record's page", method, r.path(pattern), code)
		}
	}
	others := slices.Concat(outsiders(t, s, "coordinator.ir", "teh", "IR-23"), outsiders(t, s, "centre", "kar", "KZ-35"),
		outsiders(t, s, "coordinator", "reg", "KZ-35"))
	for _, c := range others {
		role, _, _ := strings.Cut(c.local, ".")
		for _, key := range keys {
			method, pattern, _ := strings.Cut(key, " ")
			path := r.path(pattern)
			code, body := c.send(t, s.url, method, path)
			if strings.Contains(strings.ToLower(body), "authz") {
				t.Errorf("%s: %s %s = %d names the foundation's records", c.local, method, path, code)
			}
			switch {
			case !contains(expectedAccess[key], role):
				if code != http.StatusForbidden {
					t.Errorf("%s: %s %s = %d, want 403", c.local, method, path, code)
				}
			case strings.Contains(pattern, "{"):
				if code == http.StatusForbidden || code == http.StatusNotFound {
					break
				}
				if method == "GET" || code < 300 {
					t.Errorf("%s: %s %s = %d, want 403 or 404", c.local, method, path, code)
				} else if none, _ := c.send(t, s.url, method, nowhere.path(pattern)); none != code {
					t.Errorf("%s: %s %s = %d, but %d for a record that does not exist", c.local, method, path, code, none)
				}
			case method == "GET":
				if code != http.StatusOK {
					t.Errorf("%s: %s %s = %d, want their own list", c.local, method, path, code)
				}
			}
		}
	}
}
