package dashboard_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/dashboard"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/testworld"
)

const almaty, karaganda = "/KZ/KZ-75/", "/KZ/KZ-35/"

// A campaign's dashboard counts its requests from a snapshot: the funnel,
// children reached by region against targets, by item and by category,
// and compares with last year's frozen results; a reader scoped to one
// region sees that region's counts.
func TestCampaignDashboard(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		cs, ctx := w.Services.Campaigns, t.Context()
		last := must(cs.Create(ctx, coord(w), road(w, "road-2025", day(2025, 7, 1))))
		for _, to := range []campaign.Status{campaign.Open, campaign.Closed, campaign.Reported} {
			last = must(cs.Transition(ctx, coord(w), last.ID, last.Version, to))
		}
		kit := last.Items[0].ItemID
		if err := cs.RecordResults(ctx, coord(w), last.ID, []campaign.Result{{ItemID: kit, Delivered: 50, Children: 50}}); err != nil {
			t.Fatal(err)
		}
		c := must(cs.Create(ctx, coord(w), road(w, "road-2026", day(2026, 7, 1))))
		c = must(cs.Transition(ctx, coord(w), c.ID, c.Version, campaign.Open))
		orphan := category(t, w, "orphan")
		for _, st := range []string{"submitted", "under_review", "approved", "allocated", "delivered", "rejected", "waitlisted"} {
			request(t, w, c, kit, 1, st, almaty, orphan)
		}
		request(t, w, c, kit, 2, "delivered", karaganda, 0)

		d := must(w.Services.Dashboard.Campaign(ctx, coord(w), c.ID, "en"))
		if d.Requests != 8 || d.Reached != 4 || d.Delivered != 2 {
			t.Errorf("totals: %d requests, %d reached, %d delivered", d.Requests, d.Reached, d.Delivered)
		}
		want := []int64{8, 5, 4, 4, 3, 2} // submitted … delivered: at the step or past it
		for i, st := range d.Funnel {
			if st.Requests != want[i] {
				t.Errorf("funnel step %s: %d, want %d", st.Status, st.Requests, want[i])
			}
		}
		if d.Outside[0].Status != "rejected" || d.Outside[0].Requests != 1 || d.Outside[2].Requests != 1 {
			t.Errorf("outside %+v", d.Outside)
		}
		if len(d.Regions) != 2 || d.Regions[1].Code != "KZ-75" || d.Regions[1].Reached != 3 || d.Regions[1].Target != 6 ||
			d.Regions[0].Code != "KZ-35" || d.Regions[0].Reached != 1 || d.Regions[0].Target != 4 {
			t.Errorf("regions %+v", d.Regions)
		}
		it := d.Items[0]
		if it.Target != 10 || it.Reached != 5 || it.Delivered != 3 || it.Children != 4 || it.Asked != 8 || it.Open != 4 ||
			it.Previous != 50 || it.Whole != 5 {
			t.Errorf("item %+v", it)
		}
		if len(d.Categories) != 1 || d.Categories[0].Code != "orphan" || d.Categories[0].Children != 3 {
			t.Errorf("categories %+v", d.Categories)
		}
		if d.Previous == nil || d.Previous.ID != last.ID || d.Previous.Total != 50 {
			t.Errorf("previous %+v", d.Previous)
		}
		if d.Appeals == nil || d.Deliveries == nil || !d.Stock || d.Gifts == nil || d.Gifts.Sponsors != 0 || d.Hours == nil || d.Hours.Volunteers != 0 {
			t.Errorf("sections: appeals %v deliveries %v stock %v gifts %v hours %v", d.Appeals, d.Deliveries, d.Stock, d.Gifts, d.Hours)
		}

		// The snapshot holds until refreshed: a new request shows after.
		request(t, w, c, kit, 1, "approved", karaganda, 0)
		if d = must(w.Services.Dashboard.Campaign(ctx, coord(w), c.ID, "en")); d.Requests != 8 {
			t.Errorf("the snapshot changed by itself: %d requests", d.Requests)
		}
		if err := w.Services.Dashboard.Refresh(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		if d = must(w.Services.Dashboard.Campaign(ctx, coord(w), c.ID, "en")); d.Requests != 9 || d.Reached != 5 {
			t.Errorf("after a refresh: %d requests, %d reached", d.Requests, d.Reached)
		}

		// A reader of Karaganda only sees Karaganda's requests.
		kar := coord(w)
		kar.RegionPath = karaganda
		d = must(w.Services.Dashboard.Campaign(ctx, kar, c.ID, "en"))
		if d.Requests != 2 || len(d.Regions) != 1 || d.Regions[0].Code != "KZ-35" || d.Regions[0].Reached != 2 {
			t.Errorf("Karaganda's reader: %d requests, regions %+v", d.Requests, d.Regions)
		}

		// Across campaigns: both, last year with no requests.
		all := must(w.Services.Dashboard.All(ctx, coord(w), "en"))
		if all.Requests != 9 || len(all.Campaigns) != 2 {
			t.Errorf("across campaigns: %d requests, campaigns %+v", all.Requests, all.Campaigns)
		}
		// This year against last: last year's reported campaign from its
		// frozen results, this year's from its requests.
		if len(all.Years) != 1 || all.Years[0] != (dashboard.YearFigure{Programme: "kits", Year: 2026, Campaigns: 1,
			Reached: 5, Delivered: 2, LastCampaigns: 1, LastReached: 50, LastDelivered: 50}) {
			t.Errorf("years %+v", all.Years)
		}

		// A sponsor and a volunteer see no dashboard.
		for _, r := range []access.Role{access.Sponsor, access.Volunteer} {
			if _, err := w.Services.Dashboard.Campaign(ctx, w.Principal(r), c.ID, "en"); errs.CodeOf(err) != errs.Forbidden {
				t.Errorf("%s: %v", r, err)
			}
		}
	})
}

// A snapshot older than MaxAge asks the job queue for a fresh one, once.
func TestStaleSnapshotQueuesOneRefresh(t *testing.T) {
	w := testworld.SQLite(t)
	cs, ctx := w.Services.Campaigns, t.Context()
	c := must(cs.Create(ctx, coord(w), road(w, "road-2026", day(2026, 7, 1))))
	must(w.Services.Dashboard.Campaign(ctx, coord(w), c.ID, "en"))
	w.Clock.Advance(dashboard.MaxAge + time.Minute)
	for range 3 {
		must(w.Services.Dashboard.Campaign(ctx, coord(w), c.ID, "en"))
	}
	var n int
	if err := w.DB.R.QueryRowContext(ctx, `SELECT count(*) FROM jobs WHERE kind = 'dashboard.refresh'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("%d refresh jobs queued, want 1", n)
	}
	if err := w.Services.Dashboard.AskRefresh(ctx, w.Principal(access.Operator), c.ID); errs.CodeOf(err) != errs.Forbidden {
		t.Errorf("an operator asked for a refresh: %v", err)
	}
}

// Every chart of a dashboard draws, in every language, and its table
// carries the same numbers.
func TestChartsOfADashboard(t *testing.T) {
	d := dashboard.Dashboard{Requests: 10, Funnel: []dashboard.Step{{Status: "submitted", Requests: 10}, {Status: "delivered", Requests: 4}},
		Items: []dashboard.ItemFigure{{Name: "Kit", Target: 8, Reached: 5, Delivered: 4, Open: 3, Available: 2, Previous: 6, Whole: 5}},
		Stock: true,
		Gifts: &dashboard.Gifts{Pledges: 4, PledgesFulfilled: 1, PledgesOpen: 3, PledgesOverdue: 2,
			Money: []dashboard.Money{{Currency: "KZT", Digits: 2, Given: 150000, Pledged: 300000}, {Currency: "IRR", Given: 7_000_000}}},
		Hours:    &dashboard.Hours{BySkill: []dashboard.SkillHours{{Skill: "software", Hours: 12.5}}},
		Previous: &dashboard.Previous{Name: "2025"}}
	cat := must(i18n.New())
	for _, loc := range i18n.All() {
		charts := dashboard.Charts(d, cat.Localizer(loc))
		if len(charts) != 8 {
			t.Fatalf("%s: %d charts", loc, len(charts))
		}
		for _, c := range charts {
			if _, err := c.SVG(loc); err != nil {
				t.Errorf("%s %s: %v", loc, c.ID, err)
			}
			if c.Title == "" || strings.HasPrefix(c.Title, "dashboard.") {
				t.Errorf("%s %s: untranslated title %q", loc, c.ID, c.Title)
			}
		}
		// Each currency has its own chart, in whole units of it.
		if g := charts[4].Table(loc); charts[4].ID != "cash-kzt" || g.Rows[0].Cells[0] != loc.Decimal(1500, 2) ||
			g.Rows[1].Cells[0] != loc.Decimal(3000, 2) {
			t.Errorf("%s: KZT table %+v", loc, g.Rows)
		}
		if g := charts[5].Table(loc); charts[5].ID != "cash-irr" || g.Rows[0].Cells[0] != loc.Decimal(7_000_000, 0) {
			t.Errorf("%s: IRR table %+v", loc, g.Rows)
		}
		// Pledges: fulfilled, open and not yet due, overdue.
		if g := charts[6].Table(loc); charts[6].ID != "pledges" || g.Rows[1].Cells[0] != loc.Decimal(1, 0) ||
			g.Rows[2].Cells[0] != loc.Decimal(2, 0) {
			t.Errorf("%s: pledges table %+v", loc, g.Rows)
		}
	}
}

// The installation's setting of how old the counts may grow holds off a
// refresh until the snapshot is older than it.
func TestStalenessFollowsTheSetting(t *testing.T) {
	w := testworld.SQLite(t)
	ctx := t.Context()
	st := must(w.Services.Settings.Get(ctx))
	st.DashboardMinutes = "30"
	if err := w.Services.Settings.Update(ctx, access.System, st); err != nil {
		t.Fatal(err)
	}
	c := must(w.Services.Campaigns.Create(ctx, coord(w), road(w, "road-2026", day(2026, 7, 1))))
	must(w.Services.Dashboard.Campaign(ctx, coord(w), c.ID, "en"))
	queued := func() int {
		var n int
		if err := w.DB.R.QueryRowContext(ctx, `SELECT count(*) FROM jobs WHERE kind = 'dashboard.refresh'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	w.Clock.Advance(20 * time.Minute)
	must(w.Services.Dashboard.Campaign(ctx, coord(w), c.ID, "en"))
	if n := queued(); n != 0 {
		t.Fatalf("%d refreshes queued at 20 minutes of 30", n)
	}
	w.Clock.Advance(11 * time.Minute)
	must(w.Services.Dashboard.Campaign(ctx, coord(w), c.ID, "en"))
	if n := queued(); n != 1 {
		t.Fatalf("%d refreshes queued at 31 minutes of 30", n)
	}
}
