package people_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// TestChangeLogOfAPersonKeepsNoHousehold: a child of school A lives in a
// household of school B. An auditor of school A reads the child's entries
// in the change log, made by the form and by an import that puts the child
// in a household of A; none names a household, which may be out of the
// auditor's scope.
func TestChangeLogOfAPersonKeepsNoHousehold(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		kid := w.mkPerson(t, w.opA, child(w.a, "Серіков", "Ерлан", day(2015, 3, 3)))
		homeB, err := w.s.CreateHousehold(ctx, admin, people.HouseholdInput{OrgID: w.b.ID, RegionCode: "KZ-75"})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.s.AddMember(ctx, admin, homeB.ID, people.MemberInput{PersonID: kid.ID, Relation: people.Child}); err != nil {
			t.Fatal(err)
		}
		in := child(w.a, "Серіков", "Ерлан", day(2015, 3, 3))
		in.Notes = "moved"
		if _, err := w.s.Update(ctx, admin, kid.ID, in); err != nil {
			t.Fatal(err)
		}
		other := w.mkPerson(t, w.opA, child(w.a, "Серікова", "Айым", day(2016, 4, 4)))
		outs, rerrs, _ := runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID},
			[]people.ImportRow{{Line: 2, Person: child(w.a, "Серікова", "Айым", day(2016, 4, 4)), HouseholdRef: "A-1"}})
		if len(outs) != 1 || outs[0] != people.Updated {
			t.Fatalf("the import put her in a household: %v %+v", outs, rerrs)
		}

		auditor := access.Principal{UserID: 9, Name: "Auditor A", Role: access.Auditor, OrgID: w.a.ID, OrgPath: w.a.Path,
			RegionPath: "/KZ/"}
		for _, pid := range []int64{kid.ID, other.ID} {
			entries, _, err := w.log.Changes(ctx, auditor, audit.Filter{Entity: "person", EntityID: id(pid)}, store.Page{})
			if err != nil || len(entries) < 2 {
				t.Fatalf("the auditor reads %d entries of person %d: %v", len(entries), pid, err)
			}
			for _, e := range entries {
				if strings.Contains(e.Before+e.After, "household") {
					t.Errorf("%s of person %d names a household: %s → %s", e.Action, pid, e.Before, e.After)
				}
			}
		}
	})
}
