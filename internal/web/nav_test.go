package web_test

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/web/webtest"
)

var (
	navLinks = regexp.MustCompile(`(?s)<nav[^>]*>.*?</nav>`)
	homeMain = regexp.MustCompile(`(?s)<main[^>]*>.*</main>`)
)

// menu is the hrefs of the menu c sees on the home page.
func menu(t *testing.T, c *webtest.Client) []string {
	t.Helper()
	r := c.Get("/")
	nav := navLinks.FindString(r.Body)
	var out []string
	for _, m := range regexp.MustCompile(`href="([^"]+)"`).FindAllStringSubmatch(nav, -1) {
		out = append(out, m[1])
	}
	return out
}

// The pages of aid campaigns (requests, the dashboard, distribution days,
// deliveries) are in the menu and on the home page only of someone who sees a campaign: the
// coordinator of a youth organisation that runs none is not shown them,
// though they may still open the campaigns to start one.
func TestNavShowsCampaignPagesOnlyWhereCampaignsRun(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	wing := must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Astana Youth Wing", Type: orgs.Party, RegionCode: "KZ-71"}))
	must(f.Svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "wing@example.org", Name: "Wing",
		Role: access.Coordinator, OrgID: wing.ID, Region: "KZ-71", Locale: "en", Password: password}))
	campaignPages := []string{"/requests", "/dashboard", "/distribution", "/deliveries"}
	wingCoord := f.Login(t, "wing@example.org")
	youth := menu(t, wingCoord)
	home := homeMain.FindString(wingCoord.Get("/").Body)
	for _, p := range campaignPages {
		if slices.Contains(youth, p) {
			t.Errorf("the youth coordinator's menu has %s: %v", p, youth)
		}
		if strings.Contains(home, `href="`+p+`"`) {
			t.Errorf("the youth coordinator's home links to %s", p)
		}
	}
	for _, p := range []string{"/campaigns", "/youth", "/mentors", "/matching"} {
		if !slices.Contains(youth, p) {
			t.Errorf("the youth coordinator's menu lacks %s: %v", p, youth)
		}
	}
	must(f.Svc.Campaigns.Create(ctx, access.System, campaign.Input{Slug: "backpacks", Programme: campaign.Delivery,
		OrganiserID: f.Org.ID, StartsOn: webtest.Day(2026, 7, 1), EndsOn: webtest.Day(2026, 9, 30),
		Texts: []campaign.Text{{Locale: "en", Name: "A backpack for every pupil"}}, RegionCodes: []string{"KZ-75"},
		Items: []campaign.Offered{{Code: "primary_kit", Target: 100}}}))
	fund := f.Login(t, "coord@example.org")
	coord, coordHome := menu(t, fund), homeMain.FindString(fund.Get("/").Body)
	for _, p := range append(campaignPages, "/campaigns") {
		if !slices.Contains(coord, p) {
			t.Errorf("the foundation's coordinator's menu lacks %s: %v", p, coord)
		}
	}
	if !strings.Contains(coordHome, `href="/requests"`) {
		t.Error("the foundation's coordinator's home does not link to requests")
	}
	if again := menu(t, f.Login(t, "wing@example.org")); slices.Contains(again, "/requests") {
		t.Errorf("another organisation's campaign put requests in the youth coordinator's menu: %v", again)
	}
	// An operator, who may not start a campaign, does not see the link to
	// a list that would be empty.
	must(f.Svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "op-wing@example.org", Name: "Op",
		Role: access.Operator, OrgID: wing.ID, Region: "KZ-71", Locale: "en", Password: password}))
	if op := menu(t, f.Login(t, "op-wing@example.org")); slices.Contains(op, "/campaigns") || !slices.Contains(op, "/youth") {
		t.Errorf("the youth organisation's operator's menu: %v", op)
	}
}
