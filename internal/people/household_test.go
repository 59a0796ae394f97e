package people_test

import (
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestHouseholdIsDerivedFromItsMembers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		h, err := w.s.CreateHousehold(ctx, w.opA, people.HouseholdInput{OrgID: w.a.ID, RegionCode: "KZ-75",
			Address: "Абай даңғылы, 10", LowIncome: true, ExternalRef: "F-1"})
		if err != nil || h.ChildrenUnder18 != 0 || h.Large || h.OrgPath != w.a.Path {
			t.Fatalf("created %+v, %v", h, err)
		}
		add := func(p people.Person, rel people.Relation, head bool) error {
			return w.s.AddMember(ctx, w.opA, h.ID, people.MemberInput{PersonID: p.ID, Relation: rel, Head: head})
		}
		mother := w.mkPerson(t, w.opA, child(w.a, "Серікова", "Гүлнар", day(1988, 4, 5)))
		if err := add(mother, people.Mother, true); err != nil {
			t.Fatal(err)
		}
		var kids []people.Person
		for i, b := range []int{2010, 2012, 2015, 2020} {
			kids = append(kids, w.mkPerson(t, w.opA, child(w.a, "Серіков", string(rune('А'+i)), day(b, 1, 1))))
			if err := add(kids[i], people.Child, false); err != nil {
				t.Fatal(err)
			}
			h, _ = w.s.Household(ctx, w.opA, h.ID, people.ViaWeb)
			if h.ChildrenUnder18 != i+1 || h.Large != (i == 3) {
				t.Fatalf("after %d children: %d, large %v", i+1, h.ChildrenUnder18, h.Large)
			}
		}
		adult := w.mkPerson(t, w.opA, child(w.a, "Серіков", "Ерболат", day(2008, 9, 1))) // 18 today
		if err := add(adult, people.Sibling, false); err != nil {
			t.Fatal(err)
		}
		if h, _ = w.s.Household(ctx, w.opA, h.ID, people.ViaWeb); h.ChildrenUnder18 != 4 {
			t.Fatalf("an 18-year-old counted as a child: %d", h.ChildrenUnder18)
		}
		err = add(kids[3], people.Child, true)
		if got := fieldKeys(err); !slices.Equal(got, []string{"is_head error.head_too_young"}) {
			t.Fatalf("a 6-year-old as head: %v", got)
		}
		if err := w.s.SetHead(ctx, w.opA, h.ID, kids[2].ID); fieldKeys(err)[0] != "is_head error.head_too_young" {
			t.Fatalf("an 11-year-old as head: %v", err)
		}
		if err := w.s.SetHead(ctx, w.opA, h.ID, adult.ID); err != nil {
			t.Fatalf("an 18-year-old as head: %v", err)
		}
		ms, err := w.s.Members(ctx, w.opA, h.ID)
		if err != nil || len(ms) != 6 || ms[0].Person.ID != adult.ID || !ms[0].IsHead || ms[1].Person.ID != mother.ID ||
			ms[1].IsHead || ms[1].Relation != people.Mother || ms[5].Person.ID != kids[3].ID {
			t.Fatalf("members %+v, %v", ms, err)
		}
		other, _ := w.s.CreateHousehold(ctx, w.opA, people.HouseholdInput{OrgID: w.a.ID, RegionCode: "KZ-75"})
		err = w.s.AddMember(ctx, w.opA, other.ID, people.MemberInput{PersonID: kids[0].ID, Relation: people.Child})
		if e := errs.As(err); e == nil || e.Code != errs.Conflict || e.Key != "error.in_other_household" {
			t.Fatalf("a second household: %v", err)
		}
		if err := w.s.RemoveMember(ctx, w.opA, h.ID, kids[0].ID); err != nil {
			t.Fatal(err)
		}
		if p, _ := w.s.Get(ctx, w.opA, kids[0].ID, people.ViaWeb); p.HouseholdID != 0 {
			t.Fatalf("household of a child removed: %d", p.HouseholdID)
		}
		if err := w.s.RemoveMember(ctx, w.opA, h.ID, kids[0].ID); errs.CodeOf(err) != errs.NotFound {
			t.Fatalf("removing twice: %v", err)
		}
		if h, _ = w.s.Household(ctx, w.opA, h.ID, people.ViaWeb); h.ChildrenUnder18 != 3 || h.Large {
			t.Fatalf("after one left: %+v", h)
		}
		_, err = w.s.CreateHousehold(ctx, w.opA, people.HouseholdInput{OrgID: w.a.ID, RegionCode: "KZ-75", ExternalRef: "F-1"})
		if e := errs.As(err); e == nil || e.Code != errs.Conflict || e.Key != "error.duplicate_ref" {
			t.Fatalf("same reference in one organisation: %v", err)
		}
		if _, err := w.s.CreateHousehold(ctx, w.opB, people.HouseholdInput{OrgID: w.b.ID, RegionCode: "KZ-75", ExternalRef: "F-1"}); err != nil {
			t.Fatalf("same reference in another organisation: %v", err)
		}
		if _, err := w.s.Household(ctx, w.opB, h.ID, people.ViaWeb); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("operator B opens the household of A: %v", err)
		}
		list, _, err := w.s.Households(ctx, w.opA, people.HouseholdFilter{ExternalRef: "F-1"}, store.Page{})
		if err != nil || len(list) != 1 || list[0].ID != h.ID {
			t.Fatalf("households by reference: %+v, %v", list, err)
		}
		up, err := w.s.UpdateHousehold(ctx, w.opA, h.ID, people.HouseholdInput{OrgID: w.a.ID, RegionCode: "KZ-75", Incomplete: true, IncomeCategory: "below-subsistence"})
		if err != nil || !up.Incomplete || up.LowIncome || up.ChildrenUnder18 != 3 {
			t.Fatalf("update %+v, %v", up, err)
		}
	})
}
