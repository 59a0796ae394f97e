package stock_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// A donor recorded by an organisation is seen within its region: the
// foundation's warehouse keeper bound to Karaganda does not see, page
// through, count or trace the donor the Almaty support centre recorded,
// while the centre's own keeper does; the foundation's own donor, above
// them both, is seen by both.
func TestDonorsOfAnotherRegion(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Stock
		almaty, err := s.CreateDonor(ctx, access.System, stock.DonorInput{Name: "Almaty gift", Kind: stock.DonorCompany,
			OrgID: w.Centre.ID})
		must(t, err)
		fund, err := s.CreateDonor(ctx, access.System, stock.DonorInput{Name: "Foundation gift", Kind: stock.DonorCompany,
			OrgID: w.Foundation.ID})
		must(t, err)
		kar, err := w.Services.Geo.Lookup(ctx, "KZ-35")
		must(t, err)
		away := access.Principal{UserID: w.Users[access.Warehouse].ID, Role: access.Warehouse, OrgID: w.Foundation.ID,
			OrgPath: w.Foundation.Path, RegionPath: kar.Path}
		near := w.Principal(access.Warehouse)
		for _, tc := range []struct {
			who   string
			p     access.Principal
			sees  bool
			donor stock.Donor
		}{
			{"the Karaganda keeper, the centre's donor", away, false, almaty},
			{"the Karaganda keeper, the foundation's donor", away, true, fund},
			{"the centre's keeper, its donor", near, true, almaty},
			{"the centre's keeper, the foundation's donor", near, true, fund},
		} {
			_, err := s.Donor(ctx, tc.p, tc.donor.ID)
			_, terr := s.Trace(ctx, tc.p, tc.donor.ID)
			list, lerr := s.Donors(ctx, tc.p)
			page, _, perr := s.DonorPage(ctx, tc.p, store.Page{Limit: 50})
			must(t, errors.Join(lerr, perr))
			listed := slices.ContainsFunc(list, func(d stock.Donor) bool { return d.ID == tc.donor.ID })
			paged := slices.ContainsFunc(page, func(d stock.Donor) bool { return d.ID == tc.donor.ID })
			if (err == nil) != tc.sees || (terr == nil) != tc.sees || listed != tc.sees || paged != tc.sees {
				t.Errorf("%s: read %v, trace %v, listed %v, paged %v; want seen %v", tc.who, err, terr, listed, paged, tc.sees)
			}
			if !tc.sees && (!errors.Is(err, errs.ErrNotFound) || !errors.Is(terr, errs.ErrNotFound)) {
				t.Errorf("%s: %v, %v; want not found", tc.who, err, terr)
			}
		}
		for _, tc := range []struct {
			p    access.Principal
			want int
		}{{away, 1}, {near, 2}} {
			n, err := s.DonorsCount(ctx, tc.p)
			must(t, err)
			if n.N != tc.want {
				t.Errorf("%s counts %d donors, want %d", tc.p.RegionPath, n.N, tc.want)
			}
		}
	})
}

// A user bound to a region records donors only for organisations whose
// donors they see: the foundation's warehouse keeper bound to Karaganda
// may not record one for the Almaty support centre (refused with the
// region's message, nothing written), may for the foundation itself,
// above them; the centre's own keeper may for the centre.
func TestDonorRecordedWithinTheRecordersRegion(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Stock
		kar, err := w.Services.Geo.Lookup(ctx, "KZ-35")
		must(t, err)
		away := access.Principal{UserID: w.Users[access.Warehouse].ID, Role: access.Warehouse, OrgID: w.Foundation.ID,
			OrgPath: w.Foundation.Path, RegionPath: kar.Path}
		count := func() int {
			n, err := s.DonorsCount(ctx, access.System)
			must(t, err)
			return n.N
		}
		before := count()
		_, err = s.CreateDonor(ctx, away, stock.DonorInput{Name: "Almaty gift", Kind: stock.DonorCompany, OrgID: w.Centre.ID})
		if e := errs.As(err); e == nil || len(e.Fields) != 1 || e.Fields[0].Field != "org_id" || e.Fields[0].Key != "error.stock_donor_region" {
			t.Fatalf("the Karaganda keeper records a donor for the Almaty centre: %v", err)
		}
		if n := count(); n != before {
			t.Fatalf("%d donors after the refusal, %d before", n, before)
		}
		for _, tc := range []struct {
			who string
			p   access.Principal
			org int64
		}{
			{"the Karaganda keeper, for the foundation", away, w.Foundation.ID},
			{"the centre's keeper, for the centre", w.Principal(access.Warehouse), w.Centre.ID},
		} {
			d, err := s.CreateDonor(ctx, tc.p, stock.DonorInput{Name: "Gift", Kind: stock.DonorPerson, OrgID: tc.org})
			if err != nil {
				t.Fatalf("%s: %v", tc.who, err)
			}
			if _, err := s.Donor(ctx, tc.p, d.ID); err != nil {
				t.Errorf("%s: the donor recorded is not seen: %v", tc.who, err)
			}
		}
	})
}
