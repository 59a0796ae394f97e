package deliveries_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/deliveries"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/testworld"
)

// A plan counts each centre's roster in the grades, passes over a centre
// with nobody in them, writes nothing on a dry run, and passes over on a
// second run what the first planned.
func TestPlanComputesQuantitiesFromTheRoster(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		in := f.kitsPerPupil()
		in.DryRun = true
		before := f.state(t)
		dry, err := f.s.Plan(f.ctx, f.coord, in)
		must(t, err)
		if after := f.state(t); after != before {
			t.Fatalf("a dry run wrote:\n%s\n%s", before, after)
		}
		if len(dry.Deliveries) != 2 || len(dry.Skipped) != 1 || dry.Skipped[0].OrgID != f.empty.ID ||
			dry.Skipped[0].Reason != "empty_roster" {
			t.Fatalf("dry run %+v", dry)
		}
		got := f.planned(t)
		centre, adapt := got[w.Centre.ID], got[f.adapt.ID]
		if len(got) != 2 || centre.ID == 0 || adapt.ID == 0 {
			t.Fatalf("planned %+v", got)
		}
		// Grades 1–4 of the Support centre: three in grade 1, two in grade 4;
		// the pupil in grade 5 is not counted.
		if l := centre.Lines[0]; l.Roster != 5 || l.Planned != 5 || l.GradeMin != 1 || l.GradeMax != 4 || l.PerPupil != 1 {
			t.Fatalf("the Support centre's line %+v", l)
		}
		if adapt.Planned != 2 || adapt.Status != deliveries.Planned || !adapt.DueOn.Equal(f.due) {
			t.Fatalf("the adaptation centre's delivery %+v", adapt)
		}
		read, err := f.s.Get(f.ctx, f.coord, centre.ID)
		must(t, err)
		if read.Planned != 5 || read.OrgName != "Support centre" || read.WarehouseName != "Central warehouse" ||
			len(read.Lines) != 1 || read.Lines[0].Roster != 5 || read.CreatedName == "" || read.Version != 1 {
			t.Fatalf("read back %+v", read)
		}
		if n := f.scalar(t, "SELECT count(*) FROM audit_log WHERE entity = 'delivery' AND action = 'plan'"); n != 2 {
			t.Fatalf("%d plan entries in the change log, want 2", n)
		}
		again, err := f.s.Plan(f.ctx, f.coord, f.kitsPerPupil())
		must(t, err)
		if len(again.Deliveries) != 0 || len(again.Skipped) != 3 {
			t.Fatalf("planned twice: %+v", again)
		}
		for _, sk := range again.Skipped {
			if sk.OrgID != f.empty.ID && sk.Reason != "already_planned" {
				t.Fatalf("skip %+v", sk)
			}
		}
		// A fixed line plans for every centre, the empty one too, and a
		// per-pupil line that comes to nothing stays to show why.
		in = f.kitsPerPupil()
		in.Lines = append(in.Lines, deliveries.LineInput{ItemID: f.backpack, Rule: deliveries.Fixed, Quantity: 3})
		must(t, f.cancelAll(t))
		res, err := f.s.Plan(f.ctx, f.coord, in)
		must(t, err)
		if len(res.Deliveries) != 3 || len(res.Skipped) != 0 {
			t.Fatalf("with a fixed line %+v", res)
		}
		for _, d := range res.Deliveries {
			if d.OrgID == f.empty.ID && (d.Planned != 3 || d.Lines[0].Planned != 0 || d.Lines[1].Planned != 3) {
				t.Fatalf("the empty centre %+v", d)
			}
		}
	})
}

// cancelAll cancels every planned delivery of the campaign.
func (f *fix) cancelAll(t *testing.T) error {
	t.Helper()
	list, _, err := f.s.Board(f.ctx, f.coord, deliveries.BoardFilter{CampaignID: f.campaign.ID}, deliveries.Page{})
	if err != nil {
		return err
	}
	for _, d := range list {
		if _, err := f.s.Cancel(f.ctx, f.coord, d.ID, d.Version, "replanned"); err != nil {
			return err
		}
	}
	return nil
}

// Every refusal of a plan says why, beside its field, and writes nothing.
func TestPlanRefusals(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		before := f.state(t)
		try := func(change func(in *deliveries.PlanInput), key string) {
			t.Helper()
			in := f.kitsPerPupil()
			change(&in)
			_, err := f.s.Plan(f.ctx, f.coord, in)
			wantKey(t, err, key)
		}
		kits, err := w.Services.Campaigns.Create(f.ctx, f.coord, campaign.Input{Slug: "kits", Programme: campaign.Kits,
			OrganiserID: w.Foundation.ID, StartsOn: testworld.Day(2026, 7, 1), EndsOn: testworld.Day(2026, 9, 30),
			Texts: []campaign.Text{{Locale: "en", Name: "Kits"}}, RegionCodes: []string{"KZ-75"},
			Items: []campaign.Offered{{Code: "primary_kit", Target: 10}}})
		must(t, err)
		try(func(in *deliveries.PlanInput) { in.CampaignID = kits.ID }, "error.delivery_programme")
		try(func(in *deliveries.PlanInput) { in.CampaignID = 999999 }, "error.delivery_campaign_unknown")
		try(func(in *deliveries.PlanInput) { in.WarehouseID = 999999 }, "error.stock_warehouse_unknown")
		try(func(in *deliveries.PlanInput) { in.Types = nil }, "error.delivery_types_required")
		try(func(in *deliveries.PlanInput) { in.Types = []orgs.Type{"castle"} }, "error.invalid_choice_of")
		try(func(in *deliveries.PlanInput) { in.DueOn = testworld.Day(1, 1, 1) }, "error.delivery_due_required")
		try(func(in *deliveries.PlanInput) { in.Lines = nil }, "error.delivery_lines_range")
		try(func(in *deliveries.PlanInput) { in.Lines[0].GradeMax = 13 }, "error.delivery_grades")
		try(func(in *deliveries.PlanInput) { in.Lines[0].GradeMin = 5 }, "error.delivery_grades")
		try(func(in *deliveries.PlanInput) { in.Lines[0].PerPupil = 0 }, "error.delivery_per_pupil")
		try(func(in *deliveries.PlanInput) { in.Lines[0].Rule = "guess" }, "error.invalid_choice_of")
		try(func(in *deliveries.PlanInput) { in.Lines[0].ItemID = f.pc }, "error.delivery_devices")
		try(func(in *deliveries.PlanInput) {
			in.Lines[0] = deliveries.LineInput{ItemID: f.uniform, Rule: deliveries.Fixed, Quantity: 2}
		}, "error.size_required")
		try(func(in *deliveries.PlanInput) {
			in.Lines = append(in.Lines, deliveries.LineInput{ItemID: f.kit, Rule: deliveries.Fixed, Quantity: 2})
		}, "error.delivery_line_twice")
		notebook := f.scalar(t, "SELECT id FROM aid_items WHERE code = 'notebook'")
		try(func(in *deliveries.PlanInput) { in.Lines[0].ItemID = notebook }, "error.delivery_item_not_offered")
		try(func(in *deliveries.PlanInput) {
			in.Lines[0] = deliveries.LineInput{ItemID: f.backpack, Rule: deliveries.Fixed, Quantity: 0}
		}, "error.stock_quantity_range")
		if _, err := f.s.Plan(f.ctx, w.Principal(access.Operator), f.kitsPerPupil()); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("an operator planned: %v", err)
		}
		// The Tehran coordinator does not see the campaign.
		if _, err := f.s.Plan(f.ctx, w.Stranger.Principal(), f.kitsPerPupil()); errs.CodeOf(err) != errs.Invalid {
			t.Fatalf("a stranger planned: %v", err)
		}
		c, err := w.Services.Campaigns.Transition(f.ctx, f.coord, f.campaign.ID, f.campaign.Version, campaign.Closed)
		must(t, err)
		try(func(in *deliveries.PlanInput) { in.CampaignID = c.ID }, "error.delivery_campaign_closed")
		if after := f.state(t); after != before {
			t.Fatalf("a refused plan wrote:\n%s\n%s", before, after)
		}
	})
}
