package people_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestImportKeepsGoodRowsAndReportsBadOnes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		rows, want := schoolList(t, w)
		before := tables(t, db)
		outs, rerrs, tot := runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID, Source: "school-a.xlsx"}, rows)
		if !slices.Equal(outs, want) || tot != (people.Totals{Created: 4, Rejected: 4}) {
			t.Fatalf("outcomes %v, totals %+v", outs, tot)
		}
		var got []string
		for _, e := range rerrs {
			got = append(got, fmt.Sprintf("%d %s=%s %s %v", e.Line, e.Field, e.Value, e.Key, e.Args))
		}
		if !slices.Equal(got, []string{
			"3 national_id=" + rows[1].Person.NationalID + " natid.check_digit []",
			"4 birth_date=2027-01-01 error.birth_future []",
			"8 guardian_national_id=" + rows[5].Person.NationalID + " error.guardian_minor []",
			"9 categories=mars error.unknown_category [Code mars]",
		}) {
			t.Fatalf("row errors:\n%q", got)
		}
		after := tables(t, db)
		for tb, n := range map[string]int{"persons": 5, "households": 2, "household_members": 4, "person_categories": 1, "audit_log": 1} {
			if after[tb]-before[tb] != n {
				t.Errorf("%s: %d rows written, want %d", tb, after[tb]-before[tb], n)
			}
		}
		hs, _, _ := w.s.Households(ctx, w.opA, people.HouseholdFilter{ExternalRef: "F-1"}, store.Page{})
		if len(hs) != 1 || hs[0].Phone != "+7 701 111 22 33" || hs[0].OrgID != w.a.ID || hs[0].ChildrenUnder18 != 2 {
			t.Fatalf("household F-1: %+v", hs)
		}
		ms, _ := w.s.Members(ctx, w.opA, hs[0].ID)
		if len(ms) != 3 || !ms[0].IsHead || ms[0].Relation != people.Guardian || ms[0].Person.FirstName != "Гүлнар" || ms[1].Relation != people.Child {
			t.Fatalf("members of F-1: %+v", ms)
		}
		ch, _, _ := w.log.Changes(ctx, admin, audit.Filter{Entity: "person_batch", Action: "import"}, store.Page{})
		if len(ch) != 1 || ch[0].EntityID != id(w.a.ID) ||
			ch[0].After != `{"created":5,"household_ids":[[1,2]],"households_created":2,"ids":[[1,5]],"lines":[2,9],"source":"school-a.xlsx"}` {
			t.Fatalf("batch entry %+v", ch)
		}

		// The same file again: nothing new anywhere.
		before = tables(t, db)
		outs, rerrs, tot = runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID}, rows[:4], rows[4:])
		if tot != (people.Totals{Unchanged: 4, Rejected: 4}) || outs[0] != people.Unchanged || len(rerrs) != 4 {
			t.Fatalf("again: %v, %+v, %v", outs, tot, rerrs)
		}
		if after := tables(t, db); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Fatalf("again wrote rows: %v, was %v", after, before)
		}
	})
}

func TestImportUpdatesOnlyWhatTheFileSays(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		rows, _ := schoolList(t, w)
		runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID}, rows)
		moved := rows[3]
		moved.Person.Phone = "+7 705 555 00 02"
		short := people.ImportRow{Line: 3, Person: people.Input{LastName: "Серіков", FirstName: "Айбек",
			BirthDate: day(2014, 5, 6), RegionCode: "KZ", OrgID: w.a.ID}} // fewer columns, a wider place
		more := rows[0]
		more.Line, more.Categories = 4, []string{"orphan", "low-income"}
		outs, rerrs, _ := runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID}, []people.ImportRow{moved, short, more})
		if !slices.Equal(outs, []people.Outcome{people.Updated, people.Unchanged, people.Updated}) || len(rerrs) != 0 {
			t.Fatalf("outcomes %v, %v", outs, rerrs)
		}
		found, _ := w.s.Search(ctx, w.opA, "Нұрланова Аружан", 5)
		if len(found) != 1 || found[0].Phone != "+7 705 555 00 02" || found[0].Grade != 3 {
			t.Fatalf("updated person %+v", found)
		}
		ch, _, _ := w.log.Changes(ctx, admin, audit.Filter{Entity: "person", EntityID: id(found[0].ID)}, store.Page{})
		if len(ch) != 1 || ch[0].Action != "update" || ch[0].Before != `{"phone":"+7 705 555 00 01"}` ||
			ch[0].After != `{"phone":"+7 705 555 00 02"}` {
			t.Fatalf("change log of the update: %+v", ch)
		}
		aibek, _ := w.s.Search(ctx, w.opA, "Серіков Айбек", 5)
		if as, _ := w.s.Assignments(ctx, w.opA, aibek[0].ID); len(as) != 2 {
			t.Fatalf("categories after adding one: %+v", as)
		}
		short.Person.OrgID = 0 // the foundation's list has no school column
		if outs, rerrs, _ := runImport(t, w, admin, people.ImportOptions{OrgID: w.found.ID}, []people.ImportRow{short}); outs[0] != people.Unchanged {
			t.Fatalf("the foundation's list: %v, %+v", outs, rerrs)
		}
		if p, _ := w.s.Get(ctx, w.opA, aibek[0].ID, people.ViaWeb); p.OrgID != w.a.ID {
			t.Fatalf("the pupil left school A for %d", p.OrgID)
		}
	})
}
