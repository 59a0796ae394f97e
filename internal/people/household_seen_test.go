package people_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// TestHouseholdOutsideTheScopeIsWithheld: a child of school A whom an
// administrator put in a household of school B is read by A's operator
// without the household's number, marked as living in a household the
// operator cannot see, by every read that returns the person; the
// administrator, who sees both, reads the number.
func TestHouseholdOutsideTheScopeIsWithheld(t *testing.T) {
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

		reads := func(p access.Principal) map[string]people.Person {
			t.Helper()
			out := map[string]people.Person{}
			var err error
			if out["get"], err = w.s.Get(ctx, p, kid.ID, people.ViaWeb); err != nil {
				t.Fatal(err)
			}
			if out["view"], err = w.s.ViewChild(ctx, p, kid.ID); err != nil {
				t.Fatal(err)
			}
			in := child(w.a, "Серіков", "Ерлан", day(2015, 3, 3))
			in.Notes = "read by " + string(p.Role)
			if out["update"], err = w.s.Update(ctx, p, kid.ID, in); err != nil {
				t.Fatal(err)
			}
			list, _, err := w.s.List(ctx, p, people.Filter{}, people.Page{})
			if err != nil || len(list) != 1 {
				t.Fatalf("list: %v, %v", list, err)
			}
			out["list"] = list[0]
			found, err := w.s.Search(ctx, p, "Серіков", 0)
			if err != nil || len(found) != 1 {
				t.Fatalf("search: %v, %v", found, err)
			}
			out["search"] = found[0]
			ms, err := w.s.Matches(ctx, p, people.Candidate{LastName: "Серіков", FirstName: "Ерлан", BirthDate: day(2015, 3, 3)})
			if err != nil || len(ms) != 1 {
				t.Fatalf("matches: %v, %v", ms, err)
			}
			out["matches"] = ms[0].Person
			return out
		}
		// Nor is the household found by its reference or its phone through
		// the member within the scope.
		if _, err := w.s.UpdateHousehold(ctx, admin, homeB.ID, people.HouseholdInput{OrgID: w.b.ID, RegionCode: "KZ-75",
			ExternalRef: "B-77", Phone: "+7 701 555 12 34"}); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"B-77", "7015551234"} {
			if found, err := w.s.Search(ctx, w.opA, q, 0); err != nil || len(found) != 0 {
				t.Errorf("A's operator searching %s finds %d (%v), want nobody", q, len(found), err)
			}
			if found, err := w.s.Search(ctx, admin, q, 0); err != nil || len(found) != 1 {
				t.Errorf("the administrator searching %s finds %d (%v), want the child", q, len(found), err)
			}
		}
		for via, per := range reads(w.opA) {
			if per.HouseholdID != 0 || !per.HouseholdElsewhere {
				t.Errorf("%s by A's operator: household %d, elsewhere %v; want it withheld", via, per.HouseholdID, per.HouseholdElsewhere)
			}
		}
		for via, per := range reads(admin) {
			if per.HouseholdID != homeB.ID || per.HouseholdElsewhere {
				t.Errorf("%s by the administrator: household %d, elsewhere %v; want %d", via, per.HouseholdID, per.HouseholdElsewhere, homeB.ID)
			}
		}
	})
}
