package people_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestMovingAnOrganisationCarriesItsChildren(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		per := w.mkPerson(t, w.opA, child(w.a, "Жақыпов", "Айбек", day(2015, 3, 1)))
		hh, err := w.s.CreateHousehold(ctx, w.opA, people.HouseholdInput{OrgID: w.a.ID, RegionCode: "KZ-75", ExternalRef: "F-1"})
		if err != nil {
			t.Fatal(err)
		}
		moved, err := w.orgs.Update(ctx, admin, w.a.ID, orgs.Input{Name: w.a.Name, Type: w.a.Type, ParentID: w.centre.ID,
			RegionCode: "KZ-75", Active: true})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(moved.Path, w.centre.Path) {
			t.Fatalf("school A at %s, want under %s", moved.Path, w.centre.Path)
		}
		centre := access.Principal{UserID: 9, Name: "Centre", Role: access.Coordinator, OrgID: w.centre.ID, OrgPath: w.centre.Path}
		got, err := w.s.Get(ctx, centre, per.ID, people.ViaWeb)
		if err != nil || got.OrgPath != moved.Path {
			t.Fatalf("the centre's coordinator reads the moved child: %+v, %v", got.OrgPath, err)
		}
		h, err := w.s.Household(ctx, centre, hh.ID, people.ViaWeb)
		if err != nil || h.OrgPath != moved.Path {
			t.Fatalf("household after the move: %q, %v", h.OrgPath, err)
		}
		staleA := w.opA // still carries school A's old path
		if _, err := w.s.Get(ctx, staleA, per.ID, people.ViaWeb); err == nil {
			t.Fatal("a principal with the old path still reaches the child")
		}
	})
}

func TestMovingADistrictCarriesItsPeople(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		load := func(parent string) {
			t.Helper()
			res, err := w.geo.Import(ctx, admin, strings.NewReader("code,parent_code,type,name_en\nKZ-X-01,"+parent+",district,Test District\n"))
			if err != nil || res.Rejected != 0 {
				t.Fatalf("import under %s: %+v, %v", parent, res, err)
			}
		}
		load("KZ-75")
		in := child(w.a, "Ким", "Ольга", day(2014, 5, 2))
		in.RegionCode = "KZ-X-01"
		per := w.mkPerson(t, admin, in)
		load("KZ-71")
		got, err := w.s.Get(ctx, admin, per.ID, people.ViaWeb)
		if err != nil || got.RegionPath != "/KZ/KZ-71/KZ-X-01/" {
			t.Fatalf("region path after the district moved: %q, %v", got.RegionPath, err)
		}
	})
}
