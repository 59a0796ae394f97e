package people_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// TestOtherHouseholdOutsideTheScopeIsNotNamed: a child of school A whom an
// administrator put in a household of school B cannot join one of A's,
// and A's operator is told that the child is in another household and
// whom to ask, never its number: in the form, in an import and in its dry
// run, and when merging it with a record in A's household. Each time the access log keeps the child (within A's scope), never
// the household. Within the scope the household is still named.
func TestOtherHouseholdOutsideTheScopeIsNotNamed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		op := withUser(t, w, w.opA)
		kidA := w.mkPerson(t, w.opA, child(w.a, "Серіков", "Ерлан", day(2015, 3, 3)))
		homeB, err := w.s.CreateHousehold(ctx, admin, people.HouseholdInput{OrgID: w.b.ID, RegionCode: "KZ-75", ExternalRef: "B-1"})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.s.AddMember(ctx, admin, homeB.ID, people.MemberInput{PersonID: kidA.ID, Relation: people.Child}); err != nil {
			t.Fatal(err)
		}
		homeA, err := w.s.CreateHousehold(ctx, w.opA, people.HouseholdInput{OrgID: w.a.ID, RegionCode: "KZ-75", ExternalRef: "A-1"})
		if err != nil {
			t.Fatal(err)
		}

		err = w.s.AddMember(ctx, op, homeA.ID, people.MemberInput{PersonID: kidA.ID, Relation: people.Child})
		if e := errs.As(err); e == nil || e.Code != errs.Conflict || e.Key != "error.in_household_elsewhere" || len(e.Args) != 0 {
			t.Fatalf("joining A's household from B's: %v, want it refused without naming B's", err)
		}
		err = w.s.AddMember(ctx, admin, homeA.ID, people.MemberInput{PersonID: kidA.ID, Relation: people.Child})
		if e := errs.As(err); e == nil || e.Key != "error.in_other_household" || fmt.Sprint(e.Args) != fmt.Sprint([]any{"ID", fmt.Sprint(homeB.ID)}) {
			t.Fatalf("within the scope: %v, want B's household named", err)
		}

		row := kid(2, w.a.ID, "Серіков", "Ерлан", day(2015, 3, 3), "", "")
		row.HouseholdRef = "A-1"
		for _, dry := range []bool{true, false} {
			outs, rerrs, _ := runImport(t, w, op, people.ImportOptions{OrgID: w.a.ID, DryRun: dry}, []people.ImportRow{row})
			if outs[0] != people.Rejected || len(rerrs) != 1 || rerrs[0].Field != "household_ref" ||
				rerrs[0].Key != "error.in_household_elsewhere" || len(rerrs[0].Args) != 0 {
				t.Fatalf("import, dry run %v: %v, %+v", dry, outs, rerrs)
			}
		}

		// A guardian for the child, without a reference, would join B's
		// household: refused alike.
		row.HouseholdRef, row.Guardian = "", &people.Input{LastName: "Серікова", FirstName: "Гүлнар"}
		outs, rerrs, _ := runImport(t, w, op, people.ImportOptions{OrgID: w.a.ID}, []people.ImportRow{row})
		if outs[0] != people.Rejected || len(rerrs) != 1 || rerrs[0].Key != "error.in_household_elsewhere" {
			t.Fatalf("a guardian into B's household: %v, %+v", outs, rerrs)
		}

		// A record of the same child in A's household cannot be merged
		// into the one in B's, and B's is not named either.
		twin := w.mkPerson(t, w.opA, child(w.a, "Серіков", "Ерлан", day(2015, 3, 3)))
		if err := w.s.AddMember(ctx, w.opA, homeA.ID, people.MemberInput{PersonID: twin.ID, Relation: people.Child}); err != nil {
			t.Fatal(err)
		}
		_, err = w.s.Merge(ctx, op, kidA.ID, twin.ID)
		if got := fieldKeys(err); !slices.Equal(got, []string{"person error.merge_households_elsewhere"}) {
			t.Fatalf("merge across households: %v, want B's household unnamed", err)
		}
		_, err = w.s.Merge(ctx, admin, kidA.ID, twin.ID)
		if e := errs.As(err); e == nil || len(e.Fields) != 1 || e.Fields[0].Key != "error.merge_households" {
			t.Fatalf("merge across households within the scope: %v, want it named", err)
		}

		var got []string
		for _, a := range probes(t, w) {
			got = append(got, a.SubjectID+" "+a.Via)
		}
		subject := fmt.Sprintf("person:%d", kidA.ID)
		if want := []string{subject + " add_member", subject + " dry_run", subject + " import", subject + " import", subject + " merge"}; !slices.Equal(got, want) {
			t.Fatalf("access log %q, want %q", got, want)
		}
	})
}
