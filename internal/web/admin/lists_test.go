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
