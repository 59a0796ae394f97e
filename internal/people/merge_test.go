package people_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// twins are two records of the same pupil of school A: keep with neither
// ID number nor phone, drop with both, living in a household as its head,
// with a guardian, two categories (one keep has too) and a consent.
func twins(t *testing.T, w *world) (keep, drop people.Person, h people.Household) {
	t.Helper()
	birth := day(2014, 5, 6)
	keep = w.mkPerson(t, w.opA, child(w.a, "Серіков", "Айбек", birth))
	in := child(w.a, "Сериков", "Айбек", birth)
	in.NationalID, in.Phone, in.Address = iin(t, birth, natid.Male, 17), "+7 701 000 11 22", "Абай, 1"
	drop = w.mkPerson(t, w.opA, in)
	h, err := w.s.CreateHousehold(ctx, w.opA, people.HouseholdInput{OrgID: w.a.ID, RegionCode: "KZ-75"})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.s.AddMember(ctx, w.opA, h.ID, people.MemberInput{PersonID: drop.ID, Relation: people.Child}); err != nil {
		t.Fatal(err)
	}
	g := w.mkPerson(t, w.opA, people.Input{LastName: "Серікова", FirstName: "Гүлнар", RegionCode: "KZ-75", OrgID: w.a.ID})
	if _, err := w.s.AddGuardian(ctx, w.opA, drop.ID, people.GuardianInput{PersonID: g.ID, Relation: people.Custody}); err != nil {
		t.Fatal(err)
	}
	for _, a := range []struct {
		id   int64
		code string
	}{{keep.ID, "orphan"}, {drop.ID, "orphan"}, {drop.ID, "low-income"}} {
		if _, err := w.s.Assign(ctx, w.opA, a.id, a.code, people.Evidence{DocType: "certificate"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.s.GiveConsent(ctx, w.opA, drop.ID, people.ConsentInput{Purpose: people.Processing,
		GivenByID: g.ID, ChildAssent: true, Method: people.OnPaper}); err != nil {
		t.Fatal(err)
	}
	keep, _ = w.s.Get(ctx, w.opA, keep.ID, people.ViaWeb)
	drop, _ = w.s.Get(ctx, w.opA, drop.ID, people.ViaWeb)
	return keep, drop, h
}

// state is what a test compares of a record before and after.
type state struct {
	Person     people.Person
	Categories int
	Consents   int
	Guardians  int
}

func stateOf(t *testing.T, w *world, id int64) state {
	t.Helper()
	per, err := w.s.Get(ctx, admin, id, people.ViaWeb)
	if err != nil {
		t.Fatal(err)
	}
	as, err := w.s.Assignments(ctx, admin, id)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := w.s.ActiveConsents(ctx, admin, id)
	if err != nil {
		t.Fatal(err)
	}
	gs, err := w.s.Guardians(ctx, admin, id)
	if err != nil {
		t.Fatal(err)
	}
	return state{per, len(as), len(cs), len(gs)}
}

func memberIDs(t *testing.T, w *world, h int64) []int64 {
	t.Helper()
	ms, err := w.s.Members(ctx, admin, h)
	if err != nil {
		t.Fatal(err)
	}
	var out []int64
	for _, m := range ms {
		out = append(out, m.Person.ID)
	}
	return out
}

func TestMergeMovesEverythingAndUnmergeRestores(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		keep, drop, h := twins(t, w)
		keepBefore, dropBefore := stateOf(t, w, keep.ID), stateOf(t, w, drop.ID)

		m, err := w.s.Merge(ctx, w.opA, keep.ID, drop.ID)
		if err != nil {
			t.Fatal(err)
		}
		got := stateOf(t, w, keep.ID)
		if got.Categories != 2 || got.Consents != 1 || got.Guardians != 1 {
			t.Fatalf("kept after merge: %+v", got)
		}
		if got.Person.NationalID != drop.NationalID || got.Person.Phone != drop.Phone || got.Person.Address != drop.Address ||
			got.Person.HouseholdID != h.ID || got.Person.LastName != keep.LastName {
			t.Fatalf("kept record: %+v", got.Person)
		}
		if ms := memberIDs(t, w, h.ID); !slices.Equal(ms, []int64{keep.ID}) {
			t.Fatalf("members %v", ms)
		}
		d := stateOf(t, w, drop.ID)
		if d.Person.MergedInto != keep.ID || d.Person.NationalID != "" || d.Person.HouseholdID != 0 || d.Categories != 1 || d.Consents != 0 {
			t.Fatalf("dropped after merge: %+v", d)
		}
		ps, _, err := w.s.List(ctx, w.opA, people.Filter{}, people.Page{})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			if p.ID == drop.ID {
				t.Fatal("merged record listed")
			}
		}
		found, err := w.s.Search(ctx, w.opA, drop.NationalID, 50)
		if err != nil || len(found) != 1 || found[0].ID != keep.ID {
			t.Fatalf("search %+v, %v", found, err)
		}
		ms, err := w.s.Merges(ctx, w.opA, drop.ID)
		if err != nil || len(ms) != 1 || ms[0].ID != m.ID || !reflect.DeepEqual(ms[0].Moved, m.Moved) {
			t.Fatalf("merges %+v, %v; merge %+v", ms, err, m)
		}
		if _, err := w.s.Update(ctx, w.opA, drop.ID, child(w.a, "Сериков", "Айбек", drop.BirthDate)); errs.CodeOf(err) != errs.Conflict {
			t.Fatalf("edit of merged record: %v", err)
		}

		if err := w.s.Unmerge(ctx, w.opA, m.ID); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("unmerge by operator: %v", err)
		}
		if err := w.s.Unmerge(ctx, admin, m.ID); err != nil {
			t.Fatal(err)
		}
		if k, d := stateOf(t, w, keep.ID), stateOf(t, w, drop.ID); !reflect.DeepEqual(k, keepBefore) || !reflect.DeepEqual(d, dropBefore) {
			t.Fatalf("after unmerge:\n%+v\n%+v\nwant\n%+v\n%+v", k, d, keepBefore, dropBefore)
		}
		if ms := memberIDs(t, w, h.ID); !slices.Equal(ms, []int64{drop.ID}) {
			t.Fatalf("members after unmerge %v", ms)
		}
		if err := w.s.Unmerge(ctx, admin, m.ID); errs.CodeOf(err) != errs.Conflict {
			t.Fatalf("second unmerge: %v", err)
		}
		ms, _ = w.s.Merges(ctx, admin, keep.ID)
		if len(ms) != 1 || ms[0].UndoneAt.IsZero() || ms[0].UndoneBy != admin.UserID {
			t.Fatalf("merges after unmerge %+v", ms)
		}
	})
}

func TestMergeThenImportMatchesKept(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		keep, drop, _ := twins(t, w)
		if _, err := w.s.Merge(ctx, w.opA, keep.ID, drop.ID); err != nil {
			t.Fatal(err)
		}
		before := tables(t, db)
		row := kid(2, w.a.ID, "Серіков", "Айбек", keep.BirthDate, people.Male, drop.NationalID)
		outs, rerrs, _ := runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID}, []people.ImportRow{row})
		if len(rerrs) != 0 || len(outs) != 1 || outs[0] == people.Created || tables(t, db)["persons"] != before["persons"] {
			t.Fatalf("import: %v %v", outs, rerrs)
		}
		got, _ := w.s.Get(ctx, admin, keep.ID, people.ViaWeb)
		if got.Sex != people.Male {
			t.Fatalf("import did not reach the kept record: %+v", got)
		}
	})
}

func TestMergeRefusals(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		a := w.mkPerson(t, w.opA, child(w.a, "Ким", "Дана", day(2015, 1, 2)))
		b := w.mkPerson(t, w.opB, child(w.b, "Ким", "Дана", day(2015, 1, 2)))
		if _, err := w.s.Merge(ctx, w.opA, a.ID, b.ID); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("across scopes: %v", err)
		}
		if _, err := w.s.Merge(ctx, w.opA, a.ID, a.ID); !slices.Equal(fieldKeys(err), []string{"person error.merge_self"}) {
			t.Fatalf("self: %v", err)
		}
		c := w.mkPerson(t, w.opA, child(w.a, "Ким", "Дана", day(2015, 1, 2)))
		for _, per := range []people.Person{a, c} {
			h, err := w.s.CreateHousehold(ctx, w.opA, people.HouseholdInput{OrgID: w.a.ID, RegionCode: "KZ-75"})
			if err != nil {
				t.Fatal(err)
			}
			if err := w.s.AddMember(ctx, w.opA, h.ID, people.MemberInput{PersonID: per.ID, Relation: people.Child}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := w.s.Merge(ctx, w.opA, a.ID, c.ID); !slices.Equal(fieldKeys(err), []string{"person error.merge_households"}) {
			t.Fatalf("different households: %v", err)
		}
		if got, _ := w.s.Get(ctx, admin, c.ID, people.ViaWeb); got.MergedInto != 0 {
			t.Fatalf("refused merge left %+v", got)
		}
		// A guardian and their ward are never one person.
		aunt := w.mkPerson(t, w.opA, child(w.a, "Ким", "Алия", day(1990, 3, 4)))
		ward := w.mkPerson(t, w.opA, child(w.a, "Ким", "Алия", day(2014, 3, 4)))
		if _, err := w.s.AddGuardian(ctx, w.opA, ward.ID, people.GuardianInput{PersonID: aunt.ID, Relation: people.Trusteeship}); err != nil {
			t.Fatal(err)
		}
		for _, pair := range [][2]int64{{aunt.ID, ward.ID}, {ward.ID, aunt.ID}} {
			if _, err := w.s.Merge(ctx, w.opA, pair[0], pair[1]); !slices.Equal(fieldKeys(err), []string{"person error.own_guardian"}) {
				t.Fatalf("merging a guardian with their ward (%v): %v", pair, err)
			}
		}
	})
}
