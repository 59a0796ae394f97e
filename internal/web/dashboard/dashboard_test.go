package dashboard_test

import (
	"context"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// A campaign's dashboard draws its charts with a table beside each, in
// English and in Persian (right to left), and a coordinator may ask for
// a fresh count while an operator may not.
func TestDashboardPage(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	c := webtest.Must(f.Svc.Campaigns.Create(ctx, access.System, campaign.Input{Slug: "road", Programme: campaign.Kits,
		OrganiserID: f.Org.ID, StartsOn: webtest.Day(2026, 7, 1), EndsOn: webtest.Day(2026, 9, 30),
		Texts: []campaign.Text{{Locale: "en", Name: "Road to School"}}, RegionCodes: []string{"KZ-75"},
		Items: []campaign.Offered{{Code: "primary_kit", Target: 100}}}))
	webtest.Must(f.Svc.Campaigns.Transition(ctx, access.System, c.ID, c.Version, campaign.Open))
	coord := f.Login(t, "coord@example.org")
	r := coord.Get("/dashboard?campaign=" + webtest.Itoa(c.ID))
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="funnel" role="img"`) ||
		!strings.Contains(r.Body, `data-chart="funnel"`) || !strings.Contains(r.Body, "Road to School") {
		t.Fatalf("the dashboard: %d\n%s", r.Status, r.Body)
	}
	if !strings.Contains(r.Body, `id="panel-gifts"`) || strings.Contains(r.Body, "Gifts and pledges will show here") {
		t.Error("the gifts' figures are not shown to a coordinator")
	}
	if r := coord.Post("/dashboard/"+webtest.Itoa(c.ID)+"/refresh", nil); r.Status != http.StatusSeeOther {
		t.Errorf("a coordinator's refresh: %d", r.Status)
	}
	op := f.User(t, "op@example.org", access.Operator, "fa")
	r = op.Get("/dashboard")
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `dir="rtl"`) || !strings.Contains(r.Body, `direction="rtl"`) || !strings.Contains(r.Body, "داشبورد") {
		t.Errorf("the Persian dashboard: %d", r.Status)
	}
	if r := op.Post("/dashboard/"+webtest.Itoa(c.ID)+"/refresh", nil); r.Status != http.StatusForbidden {
		t.Errorf("an operator's refresh: %d", r.Status)
	}
}
