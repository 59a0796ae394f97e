package people_test

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// A load (the indexes dropped, a batch planned while the one before is
// written) gives every row the outcome and error the batch-by-batch
// import gives it, writes the same registry, and a dry run counts the
// same; the indexes are all there after it.
func TestImportLoadIsTheSameAsBatchByBatch(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		type run struct {
			outs  []people.Outcome
			errs  []people.RowError
			tot   people.Totals
			table string
		}
		do := func(o people.ImportOptions) (run, []string) {
			w := setup(t, another(t, db))
			o.OrgID = w.a.ID
			before := indexes(t, w.db)
			outs, errs, tot := runImport(t, w, w.opA, o, batches(tangled(t, w, 400), 7)...)
			if after := indexes(t, w.db); !slices.Equal(after, before) || len(after) < 10 {
				t.Fatalf("indexes %v after, %v before", after, before)
			}
			return run{outs, errs, tot, registry(t, w.db)}, before
		}
		serial, _ := do(people.ImportOptions{})
		load, _ := do(people.ImportOptions{Load: true})
		dry, _ := do(people.ImportOptions{Load: true, DryRun: true})
		if serial.tot.Created < 200 || serial.tot.Unchanged+serial.tot.Updated < 60 || serial.tot.Rejected < 10 {
			t.Fatalf("the list tests little: %+v", serial.tot)
		}
		if load.tot != serial.tot || dry.tot != serial.tot {
			t.Fatalf("totals: load %+v, dry run %+v, batch by batch %+v", load.tot, dry.tot, serial.tot)
		}
		if !slices.Equal(load.outs, serial.outs) || fmt.Sprint(load.errs) != fmt.Sprint(serial.errs) {
			t.Fatalf("outcomes differ:\nload   %v %v\nserial %v %v", load.outs, load.errs, serial.outs, serial.errs)
		}
		if load.table != serial.table {
			t.Fatalf("registries differ:\nload:\n%s\nbatch by batch:\n%s", load.table, serial.table)
		}
		if dry.table != "" {
			t.Fatalf("the dry run wrote:\n%s", dry.table)
		}
	})
}

// A load into a registry that holds persons finds them, and a registry
// above LoadLimit is imported batch by batch.
func TestImportLoadFindsWhatTheRegistryHeld(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		rows := tangled(t, w, 120)
		first, _, _ := runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID}, rows[:60])
		before := registry(t, db)
		outs, _, tot := runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID, Load: true}, batches(rows, 9)...)
		if !slices.Equal(outs[:60], first) && slices.Contains(outs[:60], people.Created) {
			t.Fatalf("the rows imported before were created again: %v", outs[:60])
		}
		if tot.Created == 0 || registry(t, db) == before {
			t.Fatalf("nothing new: %+v", tot)
		}
		again, _, tot := runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID, Load: true}, batches(rows, 5)...)
		if tot.Created != 0 || tot.Updated != 0 || slices.Contains(again, people.Created) {
			t.Fatalf("the same list again: %+v", tot)
		}
	})
}

// A load is one transaction: nothing of it is seen before Close, and when
// an index cannot be built again - here a unique one, after a person was
// given an ID number another holds - nothing of it is kept, and every
// index is there.
func TestImportLoadIsAllOrNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		rows := tangled(t, w, 60)
		runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID}, rows[:10])
		was, count, idx := registry(t, db), tables(t, db), indexes(t, db)
		reset := people.SetBeforeRebuild(func(ctx context.Context, tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `UPDATE persons SET national_id = (SELECT max(national_id) FROM persons)
WHERE id = (SELECT min(id) FROM persons WHERE national_id <> (SELECT max(national_id) FROM persons))`)
			return err
		})
		defer reset()
		is, err := w.s.BeginImport(ctx, w.opA, people.ImportOptions{OrgID: w.a.ID, Load: true})
		if err != nil {
			t.Fatal(err)
		}
		defer is.Close(ctx)
		for _, b := range batches(rows, 8) {
			if _, _, err := is.Batch(ctx, b); err != nil {
				t.Fatal(err)
			}
		}
		if db.Engine == store.SQLite { // PostgreSQL's readers wait for the tables the load locked
			if now := tables(t, db); fmt.Sprint(now) != fmt.Sprint(count) {
				t.Fatalf("the load is seen before it ends: %v, was %v", now, count)
			}
		}
		if _, err := is.Close(ctx); !store.IsUniqueViolation(err) {
			t.Fatalf("close: %v, want a unique violation", err)
		}
		if registry(t, db) != was || fmt.Sprint(tables(t, db)) != fmt.Sprint(count) {
			t.Fatalf("the failed load left rows: %v, was %v", tables(t, db), count)
		}
		if now := indexes(t, db); !slices.Equal(now, idx) {
			t.Fatalf("indexes %v, were %v", now, idx)
		}
		reset()
		_, _, tot := runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID, Load: true}, batches(rows, 8)...)
		if tot.Created == 0 || registry(t, db) == was {
			t.Fatalf("the load again: %+v", tot)
		}
	})
}
