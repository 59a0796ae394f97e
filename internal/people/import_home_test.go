package people_test

import (
	"testing"

	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// family is the household of ref in school A, with its members.
func family(t *testing.T, w *world, ref string) (people.Household, []people.Member) {
	t.Helper()
	hs, _, err := w.s.Households(ctx, w.opA, people.HouseholdFilter{ExternalRef: ref}, store.Page{})
	if err != nil || len(hs) != 1 {
		t.Fatalf("households %s: %+v, %v", ref, hs, err)
	}
	ms, err := w.s.Members(ctx, w.opA, hs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return hs[0], ms
}

func TestImportFormsHouseholdsAcrossBatches(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		a := w.a.ID
		mother := func(r people.ImportRow) people.ImportRow {
			return inHome(r, "F-5", "Қасымова", "Жанар", "8 701 222 33 44")
		}
		one := []people.ImportRow{mother(kid(2, a, "Қасымов", "Ислам", day(2011, 1, 1), people.Male, "")),
			mother(kid(3, a, "Қасымова", "Дана", day(2013, 1, 1), people.Female, ""))}
		two := []people.ImportRow{mother(kid(4, a, "Қасымова", "Сабина", day(2016, 1, 1), people.Female, "")),
			inHome(kid(5, a, "Қасымов", "Әли", day(2019, 1, 1), people.Male, ""), "F-5", "", "", "")}
		two[1].Relation = people.Sibling
		for _, dry := range []bool{true, false} {
			_, rerrs, tot := runImport(t, w, w.opA, people.ImportOptions{OrgID: a, DryRun: dry}, one, two)
			if tot != (people.Totals{Created: 4}) || len(rerrs) != 0 {
				t.Fatalf("dry run %v: %+v, %v", dry, tot, rerrs)
			}
		}
		h, ms := family(t, w, "F-5")
		if len(ms) != 5 || !ms[0].IsHead || ms[0].Person.FirstName != "Жанар" || ms[0].Relation != people.Guardian ||
			ms[4].Relation != people.Sibling || !h.Large || h.Phone != "8 701 222 33 44" {
			t.Fatalf("F-5 %+v: %+v", h, ms)
		}
		if _, _, tot := runImport(t, w, w.opA, people.ImportOptions{OrgID: a}, append(one, two...)); tot != (people.Totals{Unchanged: 4}) {
			t.Fatalf("again: %+v", tot)
		}

		// A guardian without a reference puts the child in a household of their own, once.
		alone := inHome(kid(6, a, "Темірова", "Томирис", day(2014, 4, 4), people.Female, ""), "", "Теміров", "Арман", "")
		for _, want := range []people.Totals{{Created: 1}, {Unchanged: 1}} {
			if _, rerrs, tot := runImport(t, w, w.opA, people.ImportOptions{OrgID: a}, []people.ImportRow{alone}); tot != want {
				t.Fatalf("a guardian alone: %+v, %v", tot, rerrs)
			}
		}
		found, _ := w.s.Search(ctx, w.opA, "Темірова Томирис", 5)
		if ms, _ := w.s.Members(ctx, w.opA, found[0].HouseholdID); len(ms) != 2 || !ms[0].IsHead {
			t.Fatalf("the household of a child and her guardian: %+v", ms)
		}
	})
}

// A household changed between two batches (someone made a member its head)
// makes the next row's write fail half-way: the row is rolled back to its
// savepoint and planned again from the database, and nothing is doubled.
func TestImportRowRollsBackToItsSavepoint(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		a := w.a.ID
		is, err := w.s.BeginImport(ctx, w.opA, people.ImportOptions{OrgID: a})
		if err != nil {
			t.Fatal(err)
		}
		defer is.Close(ctx)
		if _, _, err := is.Batch(ctx, []people.ImportRow{inHome(kid(2, a, "Сапаров", "Арман", day(2012, 1, 1), people.Male, ""), "F-7", "", "", "")}); err != nil {
			t.Fatal(err)
		}
		h, ms := family(t, w, "F-7")
		if len(ms) != 1 || ms[0].IsHead {
			t.Fatalf("F-7 before: %+v", ms)
		}
		father := w.mkPerson(t, w.opA, child(w.a, "Сапаров", "Ермек", day(1985, 1, 1)))
		if err := w.s.AddMember(ctx, w.opA, h.ID, people.MemberInput{PersonID: father.ID, Relation: people.Father, Head: true}); err != nil {
			t.Fatal(err)
		}
		before := tables(t, db)
		outs, rerrs, err := is.Batch(ctx, []people.ImportRow{inHome(kid(3, a, "Сапарова", "Дана", day(2014, 1, 1), people.Female, ""), "F-7", "Сапарова", "Жанар", "")})
		if err != nil || outs[0] != people.Created || len(rerrs) != 0 {
			t.Fatalf("%v, %v, %v", outs, rerrs, err)
		}
		after := tables(t, db)
		if after["persons"]-before["persons"] != 2 || after["household_members"]-before["household_members"] != 2 {
			t.Fatalf("written %v, was %v", after, before)
		}
		if _, ms = family(t, w, "F-7"); len(ms) != 4 || ms[0].Person.ID != father.ID || ms[1].IsHead {
			t.Fatalf("members %+v", ms)
		}
	})
}
