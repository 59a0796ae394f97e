package people_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// An import that commits after every row, as a slow disk or a tiny hold
// would make it, writes what one transaction writes: the same rows, the
// same outcomes and errors, a change log entry per slice that together
// name every person and household created, and nothing when run again.
func TestImportInSlicesWritesWhatOneTransactionWould(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		rows, want := schoolList(t, w)
		before := tables(t, db)
		o := people.ImportOptions{OrgID: w.a.ID, Source: "school-a.xlsx", Hold: time.Nanosecond, MaxHold: time.Nanosecond}
		outs, rerrs, tot := runImport(t, w, w.opA, o, rows[:5], rows[5:])
		if !slices.Equal(outs, want) || tot != (people.Totals{Created: 4, Rejected: 4}) || len(rerrs) != 4 {
			t.Fatalf("outcomes %v, totals %+v, errors %v", outs, tot, rerrs)
		}
		after := tables(t, db)
		ch, _, _ := w.log.Changes(ctx, admin, audit.Filter{Entity: "person_batch", Action: "import"}, store.Page{})
		// Every created row is a slice of its own: one entry each.
		for tb, n := range map[string]int{"persons": 5, "households": 2, "household_members": 4, "person_categories": 1, "audit_log": len(ch)} {
			if after[tb]-before[tb] != n {
				t.Errorf("%s: %d rows written, want %d", tb, after[tb]-before[tb], n)
			}
		}
		if len(ch) != 4 {
			t.Fatalf("%d batch entries, want one per created row: %+v", len(ch), ch)
		}
		var persons, homes []int64
		created := 0
		for _, c := range ch {
			var e struct {
				Created      int        `json:"created"`
				IDs          [][2]int64 `json:"ids"`
				HouseholdIDs [][2]int64 `json:"household_ids"`
				Lines        [2]int     `json:"lines"`
			}
			if err := json.Unmarshal([]byte(c.After), &e); err != nil {
				t.Fatal(err)
			}
			created += e.Created
			persons, homes = append(persons, expand(e.IDs)...), append(homes, expand(e.HouseholdIDs)...)
			if e.Lines[0] != e.Lines[1] {
				t.Errorf("entry of lines %v: a slice of one row", e.Lines)
			}
		}
		slices.Sort(persons)
		slices.Sort(homes)
		if created != 5 || fmt.Sprint(persons) != "[1 2 3 4 5]" || fmt.Sprint(homes) != "[1 2]" {
			t.Fatalf("entries name %d created, persons %v, households %v", created, persons, homes)
		}

		before = tables(t, db)
		outs, _, tot = runImport(t, w, w.opA, o, rows)
		if tot != (people.Totals{Unchanged: 4, Rejected: 4}) || outs[0] != people.Unchanged {
			t.Fatalf("again: %v, %+v", outs, tot)
		}
		if after := tables(t, db); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Fatalf("again wrote rows: %v, was %v", after, before)
		}
	})
}

// expand lists the ids of runs [first, last].
func expand(spans [][2]int64) []int64 {
	var ids []int64
	for _, s := range spans {
		for id := s[0]; id <= s[1]; id++ {
			ids = append(ids, id)
		}
	}
	return ids
}

// A row that names, without an ID number, a child an earlier row of the
// batch registered finds them though a slice was committed in between.
func TestImportInSlicesMatchesByNameWhatEarlierSlicesWrote(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		a := w.a.ID
		first := inHome(kid(2, a, "Омарова", "Дана", day(2015, 2, 3), people.Female, ""), "F-9", "Омаров", "Ерлан", "+7 701 222 33 44")
		again := first
		again.Line = 3
		o := people.ImportOptions{OrgID: a, Hold: time.Nanosecond, MaxHold: time.Nanosecond}
		before := tables(t, db)
		outs, rerrs, _ := runImport(t, w, w.opA, o, []people.ImportRow{first, again})
		if !slices.Equal(outs, []people.Outcome{people.Created, people.Unchanged}) || len(rerrs) != 0 {
			t.Fatalf("outcomes %v, %v", outs, rerrs)
		}
		if n := tables(t, db)["persons"] - before["persons"]; n != 2 {
			t.Fatalf("%d persons registered, want the child and the guardian", n)
		}
	})
}

// With no request waiting for the writer, an import commits only when it
// has held it the longest it may: one transaction here, however short the
// hold for a waiting request.
func TestImportAloneCommitsSeldom(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		rows, _ := schoolList(t, w)
		o := people.ImportOptions{OrgID: w.a.ID, Hold: time.Nanosecond, MaxHold: time.Hour}
		if _, _, tot := runImport(t, w, w.opA, o, rows); tot.Created != 4 {
			t.Fatalf("totals %+v", tot)
		}
		ch, _, _ := w.log.Changes(ctx, admin, audit.Filter{Entity: "person_batch", Action: "import"}, store.Page{})
		if len(ch) != 1 {
			t.Fatalf("%d batch entries, want one: %+v", len(ch), ch)
		}
	})
}
