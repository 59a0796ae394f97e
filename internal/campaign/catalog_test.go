package campaign_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/testworld"
)

func TestBuiltinCatalogue(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		s, ctx := w.Services.Campaigns, t.Context()
		// Seeding again (every start does) changes nothing.
		if err := s.Seed(ctx); err != nil {
			t.Fatal(err)
		}
		items := must(s.Items(ctx, coord(w), false))
		byCode := map[string]campaign.Item{}
		for _, it := range items {
			byCode[it.Code] = it
			n := it.Names
			if n.EN == "" || n.KK == "" || n.RU == "" || n.FR == "" || n.FA == "" || !it.Builtin {
				t.Errorf("%s: names %+v builtin %v", it.Code, n, it.Builtin)
			}
		}
		if len(items) != 19 {
			t.Errorf("%d built-in entries, want 19", len(items))
		}
		kit := byCode["primary_kit"]
		if !kit.IsKit || kit.GradeMin != 1 || kit.GradeMax != 4 || len(kit.Components) != 4 {
			t.Fatalf("primary kit %+v", kit)
		}
		for _, c := range kit.Components {
			if c.Code == "notebook" && c.Quantity != 10 {
				t.Errorf("notebooks in the primary kit: %d", c.Quantity)
			}
		}
		if !byCode["laptop"].SerialTracked || byCode["shoes"].Sizing != campaign.Shoes || len(byCode["school_uniform"].Sizes()) == 0 {
			t.Errorf("attributes: laptop %+v shoes %+v", byCode["laptop"], byCode["shoes"])
		}
		if got := byCode["backpack"].Name("fa"); got != "کوله\u200cپشتی" {
			t.Errorf("Persian name %q", got)
		}
	})
}

func TestKitsCannotContainThemselves(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		s, ctx := w.Services.Campaigns, t.Context()
		p := coord(w)
		inner := must(s.CreateItem(ctx, p, campaign.Item{Code: "art_kit", IsKit: true, Names: campaign.Names{EN: "Art kit"},
			Components: []campaign.Component{{Code: "stationery_set", Quantity: 2}}}))
		outer := must(s.CreateItem(ctx, p, campaign.Item{Code: "big_kit", IsKit: true, Names: campaign.Names{EN: "Big kit"},
			Components: []campaign.Component{{Code: "art_kit", Quantity: 1}, {Code: "backpack", Quantity: 1}}}))
		if len(outer.Components) != 2 {
			t.Fatalf("outer kit %+v", outer)
		}
		tests := []struct {
			name  string
			id    int64
			in    campaign.Item
			field string
			key   string
		}{
			{"through another kit", inner.ID, campaign.Item{Code: "art_kit", IsKit: true, Names: campaign.Names{EN: "Art kit"},
				Components: []campaign.Component{{Code: "big_kit", Quantity: 1}}}, "components", "error.kit_cycle"},
			{"itself", inner.ID, campaign.Item{Code: "art_kit", IsKit: true, Names: campaign.Names{EN: "Art kit"},
				Components: []campaign.Component{{Code: "art_kit", Quantity: 1}}}, "components", "error.kit_cycle"},
			{"no quantity", inner.ID, campaign.Item{Code: "art_kit", IsKit: true, Names: campaign.Names{EN: "Art kit"},
				Components: []campaign.Component{{Code: "notebook", Quantity: 0}}}, "components", "error.kit_quantity"},
			{"an item with components", inner.ID, campaign.Item{Code: "art_kit", Names: campaign.Names{EN: "Art kit"},
				Components: []campaign.Component{{Code: "notebook", Quantity: 1}}}, "components", "error.not_a_kit"},
		}
		for _, tc := range tests {
			_, err := s.UpdateItem(ctx, p, tc.id, tc.in)
			if got := fieldErr(err, tc.field); got != tc.key {
				t.Errorf("%s: %s = %q (%v)", tc.name, tc.field, got, err)
			}
		}
		if got := must(s.Item(ctx, p, inner.ID)); len(got.Components) != 1 || got.Components[0].Code != "stationery_set" {
			t.Errorf("after refused updates the art kit holds %+v", got.Components)
		}
		backpack := must(s.Items(ctx, p, true))[2]
		backpack.Code = "bag"
		if _, err := s.UpdateItem(ctx, p, backpack.ID, backpack); fieldErr(err, "code") != "error.item_builtin_code" {
			t.Errorf("renaming a built-in code: %v", err)
		}
		if _, err := s.CreateItem(ctx, p, campaign.Item{Code: "backpack", Names: campaign.Names{EN: "x"}}); fieldErr(err, "code") != "error.item_code_taken" {
			t.Errorf("a taken code: %v", err)
		}
		if _, err := s.CreateItem(ctx, w.Principal(access.Operator), campaign.Item{Code: "x1", Names: campaign.Names{EN: "x"}}); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("an operator adding to the catalogue: %v", err)
		}
	})
}
