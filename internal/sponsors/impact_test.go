package sponsors_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/deliveries"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/testworld"
)

// Two sponsors' backpacks lie mixed in one warehouse; three are handed to
// children and five sent to the Support centre, oldest first. Each
// sponsor's impact counts exactly its own units, by region and
// institution, and names no child.
func TestImpactFollowsEachSponsorsOwnUnits(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		a := f.sponsor(t, "Steel Co", sponsors.Input{})
		b := f.sponsor(t, "Bank", sponsors.Input{})
		f.donate(t, a, f.backpack, 4)
		f.donate(t, b, f.backpack, 10)
		for i, g := range []int{2, 3, 7} {
			f.handOver(t, []string{"Aigerim", "Bolat", "Dana"}[i], g, f.backpack)
		}
		// The Support centre's pupils: five in grades 1–4, one in grade 6.
		for i, g := range []int{1, 1, 2, 4, 4, 6} {
			in := f.Child("Centre", string(rune('K'+i)), testworld.Day(2016, 5, 1))
			in.OrgID, in.Grade = w.Centre.ID, g
			f.Person(t, in)
		}
		plan, err := w.Services.Deliveries.Plan(f.ctx, f.coord, deliveries.PlanInput{CampaignID: f.delivery,
			WarehouseID: f.central.ID, DueOn: testworld.Day(2026, 9, 20), Types: []orgs.Type{orgs.SupportCentre},
			Lines: []deliveries.LineInput{{ItemID: f.backpack, Rule: deliveries.PerPupil, GradeMin: 1, GradeMax: 4, PerPupil: 1}}})
		must(t, err)
		if len(plan.Deliveries) != 1 {
			t.Fatalf("planned %+v", plan.Deliveries)
		}
		d := plan.Deliveries[0]
		_, err = w.Services.Deliveries.Dispatch(f.ctx, f.coord, deliveries.DispatchInput{ID: d.ID, Version: d.Version})
		must(t, err)

		got, err := f.s.Impact(f.ctx, f.coord, a.ID, 0)
		must(t, err)
		want := []sponsors.ImpactLine{
			{ItemID: f.backpack, Units: 3, RegionCode: "KZ-75", Children: 3, GradeMin: 2, GradeMax: 7},
			{ItemID: f.backpack, Units: 1, Institution: "Support centre", RegionCode: "KZ-75", Children: 1, GradeMin: 1, GradeMax: 4},
		}
		checkLines(t, "Steel Co", got, want)
		if got.Units != 4 || got.Children != 4 || got.Institutions != 1 {
			t.Fatalf("Steel Co's totals %+v", got)
		}
		if got.Lines[0].Item.EN != "Backpack" || got.Lines[0].Region.EN == "" || got.Lines[0].Item.In("ru") == "" {
			t.Fatalf("names %+v", got.Lines[0])
		}
		raw, _ := json.Marshal(got)
		for _, name := range []string{"Aigerim", "Bolat", "Dana", "person", "request"} {
			if strings.Contains(string(raw), name) {
				t.Fatalf("the impact tells %q: %s", name, raw)
			}
		}

		got, err = f.s.Impact(f.ctx, f.coord, b.ID, 0)
		must(t, err)
		checkLines(t, "Bank", got, []sponsors.ImpactLine{
			{ItemID: f.backpack, Units: 4, Institution: "Support centre", RegionCode: "KZ-75", Children: 4, GradeMin: 1, GradeMax: 4},
		})

		// By campaign: the kits campaign is the children's, the delivery
		// campaign the centre's.
		got, err = f.s.Impact(f.ctx, f.coord, a.ID, f.kits)
		must(t, err)
		checkLines(t, "Steel Co in the kits campaign", got, want[:1])
		got, err = f.s.Impact(f.ctx, f.coord, a.ID, f.delivery)
		must(t, err)
		checkLines(t, "Steel Co in the delivery campaign", got, want[1:])
		got, err = f.s.Impact(f.ctx, f.coord, b.ID, f.kits)
		must(t, err)
		checkLines(t, "Bank in the kits campaign", got, nil)

		// Who may ask: not an operator, not a stranger.
		if _, err := f.s.Impact(f.ctx, w.Principal(access.Operator), a.ID, 0); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("an operator read the impact: %v", err)
		}
		if _, err := f.s.Impact(f.ctx, w.Stranger.Principal(), a.ID, 0); errs.CodeOf(err) != errs.NotFound {
			t.Fatalf("a stranger read the impact: %v", err)
		}
	})
}

func checkLines(t *testing.T, who string, got sponsors.Impact, want []sponsors.ImpactLine) {
	t.Helper()
	if len(got.Lines) != len(want) {
		t.Fatalf("%s: %d lines, want %d: %+v", who, len(got.Lines), len(want), got.Lines)
	}
	for i, w := range want {
		g := got.Lines[i]
		g.Item, g.Region = sponsors.Names{}, sponsors.Names{}
		if g != w {
			t.Errorf("%s line %d:\n got %+v\nwant %+v", who, i, g, w)
		}
	}
}
