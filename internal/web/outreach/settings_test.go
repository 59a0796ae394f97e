package outreach_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/charities"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/web/webtest"
)

// A coordinator sets the steps' deadlines (a bad number refused with the
// field named, nothing kept); a worker may not open the page.
func TestACoordinatorSetsTheDeadlines(t *testing.T) {
	f := webtest.New(t)
	coord := f.Login(t, f.Coord.Email)
	page := coord.Get("/outreach/deadlines")
	if page.Status != 200 || !strings.Contains(page.Body, `name="days_identified"`) || !strings.Contains(page.Body, `value="7"`) {
		t.Fatalf("deadlines page %d %s", page.Status, page.Body)
	}
	bad := coord.Post("/outreach/deadlines", url.Values{"days_identified": {"0"}, "days_contacted": {"10"},
		"days_support": {"20"}})
	if bad.Status != 422 || !strings.Contains(bad.Body, "Give each step from 1 to 120 days.") {
		t.Fatalf("0 days %d %s", bad.Status, bad.Body)
	}
	if ds := webtest.Must(f.Svc.Outreach.Deadlines(t.Context(), access.System)); ds[outreach.Contacted] != 14 {
		t.Fatalf("a refused form changed the deadlines: %v", ds)
	}
	if r := coord.Post("/outreach/deadlines", url.Values{"days_identified": {"3"}, "days_contacted": {"10"},
		"days_support": {"20"}}); r.Status != 303 {
		t.Fatalf("save %d %s", r.Status, r.Body)
	}
	ds := webtest.Must(f.Svc.Outreach.Deadlines(t.Context(), access.System))
	if ds[outreach.Identified] != 3 || ds[outreach.Contacted] != 10 || ds[outreach.Support] != 20 {
		t.Fatalf("deadlines %v", ds)
	}
	if r := coord.Get("/outreach"); !strings.Contains(r.Body, `href="/outreach/deadlines"`) {
		t.Fatalf("the queue does not link the deadlines for a coordinator")
	}
	worker := f.User(t, "worker@example.org", access.Outreach, "en")
	if r := worker.Get("/outreach/deadlines"); r.Status != 403 {
		t.Fatalf("a worker opens the deadlines: %d", r.Status)
	}
	if r := worker.Get("/outreach"); strings.Contains(r.Body, `href="/outreach/deadlines"`) {
		t.Fatalf("the queue links the deadlines for a worker")
	}
}

// A coordinator gives a case to another worker of the district; a worker
// of another district is not offered, and a worker cannot give a case to
// someone else. A charity's staff open their own referral, and another
// charity's is not found.
func TestACoordinatorReassignsACase(t *testing.T) {
	f := webtest.New(t)
	ctx := t.Context()
	kid := f.Child(t, "Nurlanova", "Aru", webtest.Day(2015, 5, 1), "")
	webtest.Must(f.Svc.Outreach.Flag(ctx, access.System, []outreach.Flagged{{PersonID: kid.ID,
		Category: outreach.NeverEnrolled, Visibility: outreach.Invisible, Confidence: 0.7, OrgID: f.Org.ID}}))
	id := webtest.Itoa(scalar(t, f, "SELECT id FROM outreach_cases"))
	first := f.User(t, "first@example.org", access.Outreach, "en")
	f.User(t, "second@example.org", access.Outreach, "en")
	webtest.Must(f.Svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "astana@example.org",
		Name: "astana@example.org", Role: access.Outreach, OrgID: f.Org.ID, Region: "KZ-71", Password: webtest.Password}))
	second := scalar(t, f, "SELECT id FROM users WHERE email = 'second@example.org'")

	coord := f.Login(t, f.Coord.Email)
	page := coord.Get("/outreach/" + id)
	if page.Status != 200 || !strings.Contains(page.Body, `action="/outreach/`+id+`/assign"`) ||
		!strings.Contains(page.Body, "second@example.org") || strings.Contains(page.Body, "astana@example.org") {
		t.Fatalf("case page for a coordinator %d %s", page.Status, page.Body)
	}
	if r := coord.Post("/outreach/"+id+"/assign", url.Values{"version": {"1"},
		"assignee": {webtest.Itoa(second)}}); r.Status != 303 {
		t.Fatalf("assign %d %s", r.Status, r.Body)
	}
	c := webtest.Must(f.Svc.Outreach.Get(ctx, access.System, mustID(t, id), "web"))
	if c.AssigneeID != second || c.Version != 2 {
		t.Fatalf("assigned %+v", c.Case)
	}
	wp := first.Get("/outreach/" + id)
	if strings.Contains(wp.Body, `/assign"`) {
		t.Fatalf("a worker is offered to reassign")
	}
	if r := first.Post("/outreach/"+id+"/assign", url.Values{"version": {"2"}, "assignee": {"0"}}); r.Status != 403 {
		t.Fatalf("a worker reassigns: %d", r.Status)
	}

	// Referrals: the charity's own opens, another's is not found.
	c2 := webtest.Must(f.Svc.Outreach.Contact(ctx, access.System, c.ID, 0, outreach.ContactInput{Mode: outreach.Call,
		Reason: outreach.Poverty}))
	webtest.Must(f.Svc.Outreach.AddNeeds(ctx, access.System, c.ID, c2.Version, []outreach.NeedNote{{Need: outreach.NeedDevice},
		{Need: outreach.NeedHealth}}))
	var refs []int64
	for _, name := range []string{"Tech", "Shipa"} {
		org := webtest.Must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: name, Type: orgs.Charity, RegionCode: "KZ-75"}))
		ch := webtest.Must(f.Svc.Charities.Create(ctx, access.System, charities.Input{Name: name, OrgID: org.ID,
			Capacity: 3, Active: true, Domains: []charities.Domain{charities.Devices, charities.Health}, RegionCodes: []string{"KZ-75"}}))
		webtest.Must(f.Svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: name + "@example.org", Name: name,
			Role: access.Charity, OrgID: org.ID, Locale: "en", Password: webtest.Password}))
		need := outreach.NeedDevice
		if name == "Shipa" {
			need = outreach.NeedHealth
		}
		r := webtest.Must(f.Svc.Outreach.Refer(ctx, access.System, c.ID, 0, outreach.ReferInput{Need: need, CharityID: ch.ID}))
		refs = append(refs, r.ID)
	}
	tech := f.Login(t, "Tech@example.org")
	if r := tech.Get("/referrals/" + webtest.Itoa(refs[0])); r.Status != 200 || !strings.Contains(r.Body, "A tablet or computer") ||
		strings.Contains(r.Body, "Nurlanova") {
		t.Fatalf("own referral %d %s", r.Status, r.Body)
	}
	if r := tech.Get("/referrals/" + webtest.Itoa(refs[1])); r.Status != 404 {
		t.Fatalf("another charity's referral: %d", r.Status)
	}
	if r := tech.Post("/referrals/"+webtest.Itoa(refs[1]), url.Values{"answer": {"accept"}}); r.Status != 404 {
		t.Fatalf("another charity's referral answered: %d", r.Status)
	}
}

func mustID(t *testing.T, s string) int64 {
	t.Helper()
	return webtest.Must(strconvID(s))
}
