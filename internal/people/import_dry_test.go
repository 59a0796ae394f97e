package people_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// A dry run of a list whose families and repeated children straddle
// batches counts what the real run then does, row by row, and writes
// nothing: a child again in the next batch is updated or found unchanged,
// or refused when the row puts them in another family. Between its batches other writers are not kept waiting: a dry
// run never holds the write lock, the only one SQLite has.
func TestImportDryRunAcrossBatches(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		rows := importRows(60, w.a.ID)       // families of 2 to 5 sharing a reference and a guardian
		for _, i := range []int{3, 11, 20} { // a child again in the next batch, once with a category more
			again := rows[i]
			again.Line = rows[i+7].Line
			again.Categories = append(slices.Clone(again.Categories), "disability")
			rows[i+7] = again
		}
		noID := rows[5] // a child without an ID number, again a batch later: matched by name
		noID.Person.NationalID = ""
		rows[5], rows[14] = noID, noID
		rows[14].Line = 16
		moved := rows[30] // the same child, without ID number, in another family a batch later: refused
		moved.Person.NationalID, moved.HouseholdRef, moved.Guardian = "", "X-1", nil
		rows[30], rows[37] = moved, moved
		rows[37].Line, rows[37].HouseholdRef = 39, "X-2"
		rows[52] = rows[22] // the same child again four batches later, unchanged
		rows[52].Line = 54
		var batches [][]people.ImportRow
		for rs := rows; len(rs) > 0; rs = rs[min(8, len(rs)):] {
			batches = append(batches, rs[:min(8, len(rs))])
		}
		before := tables(t, db)
		is, err := w.s.BeginImport(ctx, w.opA, people.ImportOptions{OrgID: w.a.ID, DryRun: true})
		if err != nil {
			t.Fatal(err)
		}
		var dry []people.Outcome
		var dryErrs []people.RowError
		for i, b := range batches {
			outs, errs, err := is.Batch(ctx, b)
			if err != nil {
				t.Fatal(err)
			}
			dry, dryErrs = append(dry, outs...), append(dryErrs, errs...)
			if i == 0 {
				wctx, cancel := context.WithTimeout(ctx, 2*time.Second)
				_, err := db.W.ExecContext(wctx, store.Rebind(db.Engine, "INSERT INTO settings (key, value) VALUES ($1, $2)"), "dry-run-test", "x")
				cancel()
				if err != nil {
					t.Fatalf("a write during a dry run: %v", err)
				}
			}
		}
		dryTot, err := is.Close(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if after := tables(t, db); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Fatalf("a dry run wrote rows: %v, was %v", after, before)
		}
		real, realErrs, realTot := runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID}, batches...)
		where := func(es []people.RowError) (out []string) {
			for _, e := range es {
				out = append(out, fmt.Sprint(e.Line, e.Field))
			}
			return out
		}
		if !slices.Equal(dry, real) || dryTot != realTot || !slices.Equal(where(dryErrs), where(realErrs)) {
			t.Fatalf("dry run %v %+v %v,\nreal run %v %+v %v", dry, dryTot, dryErrs, real, realTot, realErrs)
		}
		if realTot.Updated != 3 || realTot.Unchanged != 2 || realTot.Created != 54 || realTot.Rejected != 1 {
			t.Fatalf("real run %+v", realTot)
		}
		// The dry run names the family the child is in by the line that made
		// it up, not by a record number that does not exist.
		if e := dryErrs[0]; e.Key != "error.in_other_household_in_file" || fmt.Sprint(e.Args) != "[Line 32]" {
			t.Fatalf("dry run's reason: %+v", e)
		}
	})
}

// A re-import of a list of more households than one query asks about
// finds every one of them again: nothing is created twice.
func TestImportReadsManyHouseholdsAhead(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		var rows []people.ImportRow
		for i := range 1300 {
			r := kid(i+2, w.a.ID, fmt.Sprint("Сапаров", i), "Арман", day(2012, 1, 1).AddDate(0, 0, i), people.Male, "")
			rows = append(rows, inHome(r, fmt.Sprint("F-", i), "", "", ""))
		}
		_, rerrs, tot := runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID}, rows)
		if tot.Created != len(rows) || len(rerrs) > 0 {
			t.Fatalf("first import %+v %v", tot, rerrs)
		}
		before := tables(t, db)
		for i := range rows {
			rows[i].Person.Grade = 4
		}
		_, rerrs, tot = runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID}, rows)
		if tot.Updated != len(rows) || len(rerrs) > 0 {
			t.Fatalf("again %+v %v", tot, rerrs)
		}
		after := tables(t, db)
		if after["households"] != before["households"] || after["persons"] != before["persons"] {
			t.Fatalf("re-import wrote %v, was %v", after, before)
		}
	})
}
