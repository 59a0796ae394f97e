package guidance_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/guidance"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestPlacementsKeepTheQuota(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		coord := access.Principal{UserID: 4, Name: "Coordinator", Role: access.Coordinator, OrgID: w.found.ID, OrgPath: w.found.Path}
		x := w.mkPerson(t, w.opA, child(w.a, "Жұмабаев", "Ерлан", day(2011, 1, 1)))
		y := w.mkPerson(t, w.opA, child(w.a, "Жұмабаева", "Аружан", day(2011, 2, 2)))
		z := w.mkPerson(t, w.opB, child(w.b, "Қасымов", "Нұр", day(2011, 3, 3)))
		if _, err := w.s.CreateOffer(ctx, w.opA, guidance.OfferInput{OrgID: w.centre.ID, Year: 2026, Quota: 2}); fieldKeys(err)[0] != "org_id error.org_out_of_scope" {
			t.Fatalf("operator A offers the centre's places: %v", fieldKeys(err))
		}
		if _, err := w.s.CreateOffer(ctx, coord, guidance.OfferInput{OrgID: w.centre.ID, Year: 1999, Quota: 0}); len(fieldKeys(err)) != 2 {
			t.Fatalf("bad year and quota: %v", fieldKeys(err))
		}
		o, err := w.s.CreateOffer(ctx, coord, guidance.OfferInput{OrgID: w.centre.ID, Year: 2026, Quota: 2, Programme: "Robotics"})
		if err != nil || o.Free() != 2 {
			t.Fatalf("offer %+v, %v", o, err)
		}
		lx, err := w.s.Place(ctx, coord, o.ID, x.ID)
		if err != nil || lx.Outcome != guidance.Proposed {
			t.Fatalf("place x: %+v, %v", lx, err)
		}
		if _, err := w.s.Place(ctx, coord, o.ID, x.ID); errs.As(err) == nil || errs.As(err).Key != "error.already_placed" {
			t.Fatalf("x twice: %v", err)
		}
		ly, err := w.s.Place(ctx, coord, o.ID, y.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.s.Place(ctx, coord, o.ID, z.ID); errs.As(err) == nil || errs.As(err).Key != "error.quota_full" {
			t.Fatalf("beyond the quota: %v", err)
		}
		if got, _ := w.s.Offer(ctx, coord, o.ID); got.Used != 2 || got.Free() != 0 {
			t.Fatalf("offer after two: %+v", got)
		}
		// A declined place is free again.
		ly, err = w.s.SetPlacementOutcome(ctx, coord, ly.ID, guidance.Declined)
		if err != nil || ly.Outcome != guidance.Declined || !ly.DecidedOn.Equal(day(2026, 9, 1)) {
			t.Fatalf("decline: %+v, %v", ly, err)
		}
		if _, err := w.s.Place(ctx, coord, o.ID, z.ID); err != nil {
			t.Fatalf("z after a decline: %v", err)
		}
		if _, err := w.s.SetPlacementOutcome(ctx, coord, ly.ID, guidance.Admitted); errs.As(err) == nil || errs.As(err).Key != "error.quota_full" {
			t.Fatalf("taking back a declined place when full: %v", err)
		}
		if _, err := w.s.SetPlacementOutcome(ctx, coord, lx.ID, "expelled"); fieldKeys(err)[0] != "outcome error.invalid_choice" {
			t.Fatalf("unknown outcome: %v", fieldKeys(err))
		}
		if _, err := w.s.SetPlacementOutcome(ctx, coord, lx.ID, guidance.Finished); err != nil {
			t.Fatal(err)
		}
		ls, err := w.s.Placements(ctx, coord, o.ID)
		if err != nil || len(ls) != 3 || ls[0].Outcome != guidance.Finished || ls[0].PersonName != "Жұмабаев Ерлан" {
			t.Fatalf("placements %+v, %v", ls, err)
		}
		if mine, err := w.s.PlacementsOf(ctx, w.opA, x.ID); err != nil || len(mine) != 1 || mine[0].OrgName != "Centre" || mine[0].Year != 2026 {
			t.Fatalf("x's placements %+v, %v", mine, err)
		}
		// School operators see neither the centre's offers nor its list.
		if offers, err := w.s.Offers(ctx, w.opA, 0, 0); err != nil || len(offers) != 0 {
			t.Fatalf("operator A sees offers %+v, %v", offers, err)
		}
		if _, err := w.s.Placements(ctx, w.opA, o.ID); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("operator A reads the centre's placements: %v", err)
		}
		if _, err := w.s.SetPlacementOutcome(ctx, w.opA, lx.ID, guidance.Admitted); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("operator A decides: %v", err)
		}
		if offers, _ := w.s.Offers(ctx, coord, w.centre.ID, 2026); len(offers) != 1 || offers[0].Used != 2 {
			t.Fatalf("coordinator's offers %+v", offers)
		}
		if offers, _ := w.s.Offers(ctx, coord, 0, 2025); len(offers) != 0 {
			t.Fatalf("offers of 2025 %+v", offers)
		}
	})
}
