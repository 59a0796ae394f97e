package youth_test

import (
	"testing"

	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/youth"
)

// TestRouting routes each place to the branch whose region is its
// deepest ancestor: the district's branch below the city's, the city's
// for another district, the head office (said so) where no branch of the
// organisation covers the place — even where another organisation does.
func TestRouting(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		cases := []struct {
			region string
			want   orgs.Organisation
			head   bool
		}{
			{"KZ-75-01-S1", w.almaly, false}, // a village of the Almaly district
			{"KZ-75-01", w.almaly, false},    // the district itself
			{"KZ-75-02", w.almaty, false},    // another district of Almaty
			{"KZ-75", w.almaty, false},
			{"KZ-71", w.astana, false},
			{"KZ-79", w.head, true}, // Shymkent: only another organisation's charity
		}
		for n, c := range cases {
			i := in(c.region)
			i.RegionCode, i.Contact.Phone = c.region, "+7 701 000 00 0"+string(rune('0'+n))
			r := w.register(t, i)
			if r.Route.OrgID != c.want.ID || r.Route.OrgName != c.want.Name || r.Route.HeadOffice != c.head {
				t.Errorf("%s: routed to %+v, want %s (head office %v)", c.region, r.Route, c.want.Name, c.head)
			}
			if key, args := r.Route.Message(); (key == "youth.routed_head_office") != c.head || args[1] != c.want.Name {
				t.Errorf("%s: message %s %v", c.region, key, args)
			}
			y, err := w.s.Get(ctx, admin, r.ID, youth.ViaWeb)
			if err != nil || y.OrgPath != c.want.Path || y.HeadOffice != c.head || y.RegionCode != c.region {
				t.Errorf("%s: stored %+v, %v", c.region, y, err)
			}
		}
		if r, err := w.s.Routed(ctx, w.head.ID, "kz-75-01-s1"); err != nil || r.OrgID != w.almaly.ID {
			t.Errorf("Routed: %+v %v", r, err)
		}
	})
}

// TestRoutingSkipsClosedBranches routes past an inactive branch to the
// one above it.
func TestRoutingSkipsClosedBranches(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		if _, err := db.W.ExecContext(ctx, store.Rebind(db.Engine, "UPDATE organisations SET active = $1 WHERE id = $2"), false, w.almaly.ID); err != nil {
			t.Fatal(err)
		}
		if r := w.register(t, in("Aruzhan")); r.Route.OrgID != w.almaty.ID {
			t.Errorf("routed to %+v, want the Almaty branch", r.Route)
		}
		if _, err := w.s.Routed(ctx, w.head.ID, "KZ-99"); err == nil {
			t.Error("an unknown region was routed")
		}
	})
}

// TestRepath follows a branch moved in the organisation tree: its young
// people's copied path moves with it, and so does who sees them.
func TestRepath(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		id := w.register(t, in("Aruzhan")).ID
		moved, err := w.orgs.Update(ctx, admin, w.almaly.ID, orgs.Input{Name: w.almaly.Name, Type: w.almaly.Type,
			ParentID: w.head.ID, RegionCode: w.almaly.RegionCode, Active: true})
		must(t, err)
		coord := w.coordAlmaly // as their next login scopes them
		coord.OrgPath = moved.Path
		y, err := w.s.Get(ctx, coord, id, youth.ViaWeb)
		if err != nil || y.OrgPath != moved.Path || moved.Path == w.almaly.Path {
			t.Errorf("after the move: %q (want %q), %v", y.OrgPath, moved.Path, err)
		}
		if _, err := w.s.Get(ctx, w.coordAlmaty, id, youth.ViaWeb); err == nil {
			t.Error("the Almaty coordinator still sees a young person of a branch moved away")
		}
	})
}
