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

// before is the menu as it was, one flat row of pages per action, before
// it was gathered into sections and the user's own menu: no role may
// lose a page of it, but for the bot's links, which who operates the bot
// reaches from the bot's page.
var before = []struct {
	href   string
	action access.Action
}{
	{"/", access.ViewHome}, {"/people", access.ViewChild}, {"/households", access.ViewChild},
	{"/duplicates", access.ReviewDuplicates}, {"/assessments", access.ViewChild}, {"/places", access.ViewChild},
	{"/requests", access.ViewRequests}, {"/campaigns", access.ViewCampaigns}, {"/dashboard", access.ViewDashboard},
	{"/desk", access.ViewAppeals}, {"/outreach", access.ViewOutreach}, {"/out-of-school", access.ViewOutOfSchool},
	{"/championships", access.ViewChampionships}, {"/tournaments", access.ViewTournaments},
	{"/activities", access.ViewStrands}, {"/coverage", access.ViewOutcomes}, {"/matching", access.ViewMatching},
	{"/my-proposals", access.ReplyMatching}, {"/charities", access.ViewCharities}, {"/youth", access.ViewYouth},
	{"/selections", access.ViewSelection}, {"/referrals", access.AnswerReferrals}, {"/warehouses", access.ViewStock},
	{"/distribution", access.ViewDistribution}, {"/deliveries", access.ViewDeliveries}, {"/tasks", access.ViewTasks},
	{"/my/volunteering", access.WorkTasks}, {"/my/tasks", access.WorkTasks}, {"/volunteers", access.ViewVolunteers},
	{"/sponsors", access.ViewSponsors}, {"/giving", access.OwnGiving}, {"/needs", access.ViewVolunteers},
	{"/hours", access.ViewVolunteers}, {"/courses", access.ViewCourses}, {"/mentors", access.ViewMentors},
	{"/my/mentoring", access.OwnMentorProfile}, {"/mentorships", access.ViewMentorships},
	{"/safeguarding", access.WorkConcerns}, {"/organisations", access.ViewOrgs}, {"/regions", access.ViewRegions},
	{"/admin/users", access.ManageUsers}, {"/bot/links", access.ManageBotLinks}, {"/my/telegram", access.LinkTelegram},
	{"/tokens", access.ManageOwnToken}, {"/admin/jobs", access.ViewJobs}, {"/admin/bot", access.OperateBot},
	{"/admin/audit", access.ViewAudit}, {"/admin/access-log", access.ViewAudit}, {"/admin/settings", access.ManageSettings},
}

var userMenu = regexp.MustCompile(`(?s)<details class="usermenu".*?</details>`)

// header is the hrefs of the main menu and of the user's own menu c sees
// on the home page.
func header(t *testing.T, c *webtest.Client) (main, mine []string) {
	t.Helper()
	body := c.Get("/").Body
	hrefs := func(s string) []string {
		var out []string
		for _, m := range regexp.MustCompile(`href="([^"]+)"`).FindAllStringSubmatch(s, -1) {
			out = append(out, m[1])
		}
		return out
	}
	return hrefs(navLinks.FindString(body)), hrefs(userMenu.FindString(body))
}

// Every role keeps every page of its menu, now in sections and the
// user's own menu; the personal pages (Telegram, API tokens) are in the
// user's menu only; an administrator has one entry for the bot, whose
// page links to its deep links and simulator, and a coordinator, who
// does not run the bot, keeps the bot's links in the menu.
func TestNavKeepsEveryRolesPagesAndOneBotEntry(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	must(f.Svc.Campaigns.Create(ctx, access.System, campaign.Input{Slug: "backpacks", Programme: campaign.Delivery,
		OrganiserID: f.Org.ID, StartsOn: webtest.Day(2026, 7, 1), EndsOn: webtest.Day(2026, 9, 30),
		Texts: []campaign.Text{{Locale: "en", Name: "A backpack for every pupil"}}, RegionCodes: []string{"KZ-75"},
		Items: []campaign.Offered{{Code: "primary_kit", Target: 100}}}))
	personal := []string{"/my/telegram", "/tokens"}
	for _, role := range access.Roles() {
		t.Run(string(role), func(t *testing.T) {
			c := f.User(t, string(role)+"-nav@example.org", role, "en")
			main, mine := header(t, c)
			p := access.Principal{Role: role}
			for _, b := range before {
				if !access.Allowed(p, b.action) {
					continue
				}
				in := slices.Contains(main, b.href) || slices.Contains(mine, b.href)
				dropped := b.href == "/bot/links" && access.Allowed(p, access.OperateBot)
				if in == dropped {
					t.Errorf("%s: in the header %v (main %v, own %v)", b.href, in, main, mine)
				}
			}
			for _, h := range personal {
				if slices.Contains(main, h) {
					t.Errorf("%s is in the main menu: %v", h, main)
				}
			}
			if !slices.Contains(mine, "/my/telegram") {
				t.Errorf("the user's own menu lacks Telegram: %v", mine)
			}
			// A role of few pages sees them all at once, an
			// administrator's menu is in sections.
			sections := strings.Contains(c.Get("/").Body, `class="navgroup"`)
			if sections != (len(main) > 8) {
				t.Errorf("%d pages, in sections: %v", len(main), sections)
			}
		})
	}
	admin, _ := header(t, f.Login(t, "admin@example.org"))
	var bot []string
	for _, h := range admin {
		if strings.Contains(h, "bot") || strings.Contains(h, "telegram") {
			bot = append(bot, h)
		}
	}
	if len(bot) != 1 || bot[0] != "/admin/bot" {
		t.Errorf("the administrator's bot entries: %v", bot)
	}
	if coord, _ := header(t, f.Login(t, "coord@example.org")); !slices.Contains(coord, "/bot/links") {
		t.Errorf("the coordinator's menu lacks the bot's links: %v", coord)
	}
	page := f.Login(t, "admin@example.org").Get("/admin/bot").Body
	for _, h := range []string{`href="/bot/links"`, `href="/admin/bot/chat"`} {
		if !strings.Contains(page, h) {
			t.Errorf("the bot's page has no %s", h)
		}
	}
}
