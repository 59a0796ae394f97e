package store_test

import (
	"database/sql"
	"errors"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestSelectCollectsRows(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		if _, err := db.W.ExecContext(ctx, `CREATE TABLE numbers (id INTEGER PRIMARY KEY)`); err != nil {
			t.Fatal(err)
		}
		if _, err := db.W.ExecContext(ctx, `INSERT INTO numbers (id) VALUES (5), (1), (4), (2), (3)`); err != nil {
			t.Fatal(err)
		}
		q := store.Rebind(db.Engine, `SELECT id FROM numbers WHERE id <= $1 ORDER BY id`)
		ids, err := store.Select(ctx, db.R, store.ScanID, q, 3)
		if err != nil || !slices.Equal(ids, []int64{1, 2, 3}) {
			t.Fatalf("ids %v, %v", ids, err)
		}
		none, err := store.Select(ctx, db.R, store.ScanID, q, 0)
		if err != nil || none != nil {
			t.Fatalf("no rows: %v, %v", none, err)
		}
		bad := errors.New("bad row")
		if _, err := store.Select(ctx, db.R, func(store.Scanner) (int64, error) { return 0, bad }, q, 3); !errors.Is(err, bad) {
			t.Fatalf("a failing scan gave %v", err)
		}
	})
}

func TestNotFoundIsOneError(t *testing.T) {
	err := store.NotFound(sql.ErrNoRows)
	if !errors.Is(err, store.ErrNotFound) || !errors.Is(err, errs.ErrNotFound) || errs.CodeOf(err) != errs.NotFound {
		t.Fatalf("NotFound(ErrNoRows) = %v", err)
	}
	purged := errs.New(errs.NotFound, "imports.purged")
	if got := store.NotFound(purged); got != purged || !errors.Is(got, store.ErrNotFound) {
		t.Fatalf("a not-found of its own became %v", got)
	}
	if other := errors.New("disk"); store.NotFound(other) != other {
		t.Fatal("another error changed")
	}
}

// Overrides takes the stored numbers of the keys it knows over the
// defaults, ignores a key it does not know, and leaves the defaults as
// they were.
func TestOverridesKeepKnownKeys(t *testing.T) {
	type step string
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		if _, err := db.W.ExecContext(ctx, `CREATE TABLE step_days (step TEXT PRIMARY KEY, days INTEGER NOT NULL)`); err != nil {
			t.Fatal(err)
		}
		if _, err := db.W.ExecContext(ctx, `INSERT INTO step_days (step, days) VALUES ('visit', 3), ('gone', 9)`); err != nil {
			t.Fatal(err)
		}
		defaults := map[step]int{"visit": 7, "support": 30}
		got, err := store.Overrides(ctx, db.R, `SELECT step, days FROM step_days`, defaults)
		if err != nil || len(got) != 2 || got["visit"] != 3 || got["support"] != 30 {
			t.Fatalf("overrides %v, %v", got, err)
		}
		if defaults["visit"] != 7 {
			t.Fatal("the defaults were changed")
		}
	})
}
