package admin_test

import (
	"context"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/web/webtest"
)

func TestUsersListCountsItsScopeAndJumps(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for i := range 5 {
		must(f.Svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: fmt.Sprintf("op%d@example.org", i), Name: fmt.Sprint("Operator ", i),
			Role: access.Operator, OrgID: f.Org.ID, Region: "KZ-75", Locale: "en", Password: webtest.Password}))
	}
	tehran := must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Tehran Charity", Type: orgs.Charity, RegionCode: "IR-23"}))
	must(f.Svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "far@example.org", Name: "Far Away",
		Role: access.Operator, OrgID: tehran.ID, Region: "IR-23", Locale: "en", Password: webtest.Password}))

	admin := f.Login(t, "admin@example.org")
	if r := admin.Get("/admin/users?role=operator"); !strings.Contains(r.Body, "6 records") {
		t.Error("the administrator's list of operators does not say 6 records")
	}
	r := admin.Get("/admin/users?role=operator&limit=2")
	if !strings.Contains(r.Body, "Page 1 of 3") {
		t.Fatal("two operators a page do not make 3 pages")
	}
	last := regexp.MustCompile(`<a href="([^"]+)" rel="last">`).FindStringSubmatch(r.Body)
	if last == nil {
		t.Fatal("no link to the last page")
	}
	if r := admin.Get(html.UnescapeString(last[1])); !strings.Contains(r.Body, "Page 3 of 3") || strings.Count(r.Body, "@example.org</") != 2 ||
		!strings.Contains(html.UnescapeString(last[1]), "role=operator") {
		t.Error("the last page loses the filter or does not list the last two")
	}
}

// TestLogsCountTheReadersScopeAndJump: an auditor of the Almaty
// foundation, scoped to Almaty, reads the change log and the access log
// with their totals and page numbers; the records of a Tehran charity,
// changed and opened alike, are neither listed nor counted.
func TestLogsCountTheReadersScopeAndJump(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	tehran := must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Tehran Charity", Type: orgs.Charity, RegionCode: "IR-23"}))
	for i := range 6 {
		org, region := f.Org.ID, "KZ-75"
		if i == 5 {
			org, region = tehran.ID, "IR-23"
		}
		per := must(f.Svc.People.Create(ctx, access.System, people.Input{LastName: fmt.Sprint("Child ", i), FirstName: "A",
			RegionCode: region, OrgID: org}))
		must(f.Svc.People.Get(ctx, access.System, per.ID, people.ViaWeb))
	}
	must(f.Svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "auditor@example.org", Name: "Auditor",
		Role: access.Auditor, OrgID: f.Org.ID, Region: "KZ-75", Locale: "en", Password: webtest.Password}))
	c := f.Login(t, "auditor@example.org")
	for _, page := range []string{"/admin/audit?entity=person", "/admin/access-log?subject_kind=person"} {
		if r := c.Get(page); !strings.Contains(r.Body, "5 records") || strings.Contains(r.Body, "Child 5") {
			t.Errorf("%s does not count the 5 records of the auditor's scope alone", page)
		}
		r := c.Get(page + "&limit=2")
		if !strings.Contains(r.Body, "Page 1 of 3") {
			t.Fatalf("%s: two entries a page do not make 3 pages", page)
		}
		last := regexp.MustCompile(`<a href="([^"]+)" rel="last">`).FindStringSubmatch(r.Body)
		if last == nil {
			t.Fatalf("%s: no link to the last page", page)
		}
		if r := c.Get(html.UnescapeString(last[1])); !strings.Contains(r.Body, "Page 3 of 3") || !strings.Contains(r.Body, "Child 0") {
			t.Errorf("%s: the last page is not the third, with the oldest entry", page)
		}
	}
}
