package deliveries_test

import (
	"database/sql"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/testworld"
)

// A delivery moves with its institution: when the centre moves to
// another branch, the delivery's organisation path follows in the same
// transaction. Its region stays where the centre stood when it was
// planned, as a stock document's does.
func TestDeliveriesFollowTheirInstitution(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		d := f.planned(t)[f.adapt.ID]
		branch := w.Org(t, orgs.Input{Name: "Karaganda branch", Type: orgs.Foundation, ParentID: w.Foundation.ID,
			RegionCode: "KZ-35"})
		_, err := w.Services.Orgs.Update(f.ctx, access.System, f.adapt.ID, orgs.Input{Name: f.adapt.Name,
			Type: orgs.AdaptationCentre, ParentID: branch.ID, RegionCode: "KZ-35", Active: true})
		must(t, err)
		moved, err := f.s.Get(f.ctx, f.coord, d.ID)
		must(t, err)
		if got := moved.Target(); got.OrgPath != branch.Path+itoa(f.adapt.ID)+"/" || got.RegionPath != "/KZ/KZ-75/" {
			t.Fatalf("the delivery's scope is %+v", got)
		}
		if n := f.scalar(t, "SELECT count(*) FROM deliveries WHERE org_path LIKE $1", branch.Path+"%"); n != 1 {
			t.Fatalf("%d deliveries under the branch, want 1", n)
		}
	})
}

// A region subtree moved (a district given to another region) moves the
// region paths deliveries copy, in the move's transaction.
func TestDeliveriesFollowTheirRegion(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		d := f.planned(t)[f.adapt.ID]
		must(t, w.DB.Tx(f.ctx, func(tx *sql.Tx) error { return f.s.RepathRegions(f.ctx, tx, "/KZ/KZ-75/", "/KZ/KZ-71/KZ-75/") }))
		moved, err := f.s.Get(f.ctx, access.System, d.ID)
		must(t, err)
		if got := moved.Target().RegionPath; got != "/KZ/KZ-71/KZ-75/" {
			t.Fatalf("the delivery's region is %s", got)
		}
	})
}
