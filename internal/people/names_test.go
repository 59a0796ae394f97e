package people_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestNamesOnlyInScope(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		inA := w.mkPerson(t, w.opA, child(w.a, "Ахметова", "Мадина", day(2015, 3, 4)))
		inB := w.mkPerson(t, w.opB, child(w.b, "Ахметов", "Ерлан", day(2014, 2, 3)))
		ids := []int64{inA.ID, inB.ID, 999999}
		got, err := w.s.PersonNames(ctx, w.opA, ids)
		if err != nil || len(got) != 1 || got[inA.ID] != "Ахметова Мадина" {
			t.Fatalf("operator A gets names %v, %v; want only their own child", got, err)
		}
		coord := access.Principal{UserID: 4, Role: access.Coordinator, OrgPath: w.found.Path, RegionPath: "/KZ/KZ-75/"}
		if got, _ := w.s.PersonNames(ctx, coord, ids); len(got) != 2 || got[inB.ID] != "Ахметов Ерлан" {
			t.Fatalf("the foundation's coordinator gets %v", got)
		}
		h, err := w.s.CreateHousehold(ctx, w.opA, people.HouseholdInput{OrgID: w.a.ID, RegionCode: "KZ-75", Address: "Абай 1"})
		if err != nil {
			t.Fatal(err)
		}
		if got, err := w.s.HouseholdHeadNames(ctx, w.opA, []int64{h.ID}); err != nil || got[h.ID] != "Абай 1" {
			t.Fatalf("operator A gets household names %v, %v", got, err)
		}
		if got, _ := w.s.HouseholdHeadNames(ctx, w.opB, []int64{h.ID}); len(got) != 0 {
			t.Fatalf("operator B gets household names %v", got)
		}
		for _, r := range []access.Role{access.Sponsor, access.Volunteer} {
			if got, err := w.s.PersonNames(ctx, access.Principal{UserID: 9, Role: r}, ids); err != nil || len(got) != 0 {
				t.Fatalf("%s gets %v, %v", r, got, err)
			}
		}
	})
}
