package guidance_test

import (
	"database/sql"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/jolproject/jol/internal/guidance"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// oldFormat rewrites merge id as merges were kept before the hooks: the
// assessments, placements and outcomes the merge moved inside
// merges.moved, and no merge_moves. It returns what the hooks had stored.
func oldFormat(t *testing.T, db *store.DB, id int64) map[string]string {
	t.Helper()
	rs, err := db.R.QueryContext(ctx, store.Rebind(db.Engine, `SELECT hook, moved FROM merge_moves WHERE merge_id = $1`), id)
	if err != nil {
		t.Fatal(err)
	}
	hooks := map[string]string{}
	for rs.Next() {
		var h, m string
		if err := rs.Scan(&h, &m); err != nil {
			t.Fatal(err)
		}
		hooks[h] = m
	}
	rs.Close()
	var text string
	if err := db.R.QueryRowContext(ctx, store.Rebind(db.Engine, `SELECT moved FROM merges WHERE id = $1`), id).Scan(&text); err != nil {
		t.Fatal(err)
	}
	moved := map[string]json.RawMessage{}
	if err := json.Unmarshal([]byte(text), &moved); err != nil {
		t.Fatal(err)
	}
	moved["assessments"] = json.RawMessage(hooks[guidance.AssessmentHook])
	var pl map[string]json.RawMessage
	if err := json.Unmarshal([]byte(hooks[guidance.PlacementHook]), &pl); err != nil {
		t.Fatal(err)
	}
	moved["placements"], moved["outcomes"] = pl["placements"], pl["outcomes"]
	old, _ := json.Marshal(moved)
	// The table goes and the migration is marked not applied, so that
	// Migrate runs it again on this merge.
	err = db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, store.Rebind(db.Engine, `UPDATE merges SET moved = $1 WHERE id = $2`), string(old), id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DROP TABLE merge_moves`); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM schema_migrations WHERE name = 'merge_moves'`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return hooks
}

// A merge made before the merge hooks, its assessments and placements in
// merges.moved, undoes exactly once the migration has moved them.
func TestMigratedMergeUndoes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		tw := mkTwins(t, w)
		keepRows, dropRows := rows(t, db, tw.keep.ID), rows(t, db, tw.drop.ID)
		m, err := w.reg.Merge(ctx, w.opA, tw.keep.ID, tw.drop.ID)
		if err != nil {
			t.Fatal(err)
		}
		hooks := oldFormat(t, db, m.ID)
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		ms, err := w.reg.Merges(ctx, admin, tw.keep.ID)
		if err != nil || len(ms) != 1 {
			t.Fatalf("merges %+v, %v", ms, err)
		}
		for h, want := range hooks {
			if !sameJSON(t, string(ms[0].Moves[h]), want) {
				t.Errorf("%s after the migration: %s, want %s", h, ms[0].Moves[h], want)
			}
		}
		var text string
		if err := db.R.QueryRowContext(ctx, store.Rebind(db.Engine, `SELECT moved FROM merges WHERE id = $1`), m.ID).Scan(&text); err != nil {
			t.Fatal(err)
		}
		var left map[string]any
		if err := json.Unmarshal([]byte(text), &left); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"assessments", "placements", "outcomes"} {
			if _, ok := left[k]; ok {
				t.Errorf("merges.moved still holds %s: %s", k, text)
			}
		}
		if err := w.reg.Unmerge(ctx, admin, m.ID); err != nil {
			t.Fatal(err)
		}
		if k, d := rows(t, db, tw.keep.ID), rows(t, db, tw.drop.ID); k != keepRows || d != dropRows {
			t.Errorf("rows after unmerge:\n%s\n%s\nwant\n%s\n%s", k, d, keepRows, dropRows)
		}
	})
}

func sameJSON(t *testing.T, a, b string) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal([]byte(a), &x); err != nil {
		t.Fatalf("%s: %v", a, err)
	}
	if err := json.Unmarshal([]byte(b), &y); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	return reflect.DeepEqual(x, y)
}
