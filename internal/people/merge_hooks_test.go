package people_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// A domain the registry does not know (here a table of notes to
// children, made for the test) registers how its references move; the
// merge moves them, keeps what moved under the hook's name, and the undo
// moves exactly those rows back.
func TestMergeHooksMoveAndUndo(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		if _, err := db.W.ExecContext(ctx, `CREATE TABLE child_notes (id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL)`); err != nil {
			t.Fatal(err)
		}
		w.s.OnMerge("letters", people.RowMoves(
			store.Rebind(db.Engine, `SELECT id FROM child_notes WHERE person_id = $1 ORDER BY id`),
			store.Rebind(db.Engine, `UPDATE child_notes SET person_id = $1 WHERE id = $2`)))
		keep, drop, _ := twins(t, w)
		for i, per := range []int64{drop.ID, keep.ID, drop.ID} {
			if _, err := db.W.ExecContext(ctx, store.Rebind(db.Engine, `INSERT INTO child_notes (id, person_id) VALUES ($1, $2)`), i+1, per); err != nil {
				t.Fatal(err)
			}
		}
		letters := func(id int64) []int64 {
			ids, err := store.Select(ctx, db.R, func(sc store.Scanner) (int64, error) {
				var n int64
				return n, sc.Scan(&n)
			}, store.Rebind(db.Engine, `SELECT id FROM child_notes WHERE person_id = $1 ORDER BY id`), id)
			if err != nil {
				t.Fatal(err)
			}
			return ids
		}

		m, err := w.s.Merge(ctx, w.opA, keep.ID, drop.ID)
		if err != nil {
			t.Fatal(err)
		}
		var moved []int64
		if err := json.Unmarshal(m.Moves["letters"], &moved); err != nil || !slices.Equal(moved, []int64{1, 3}) {
			t.Fatalf("moved %s (%v)", m.Moves["letters"], err)
		}
		if got := letters(keep.ID); !slices.Equal(got, []int64{1, 2, 3}) {
			t.Fatalf("kept letters %v", got)
		}
		// A letter written to the kept record after the merge stays there.
		if _, err := db.W.ExecContext(ctx, store.Rebind(db.Engine, `INSERT INTO child_notes (id, person_id) VALUES (4, $1)`), keep.ID); err != nil {
			t.Fatal(err)
		}

		// A registry that no longer knows the hook refuses the undo rather
		// than leave the letters behind.
		bare, err := people.New(db, w.log, clock)
		if err != nil {
			t.Fatal(err)
		}
		if err := bare.Unmerge(ctx, admin, m.ID); err == nil {
			t.Fatal("undo without the hook that moved the letters")
		}
		if got := letters(keep.ID); !slices.Equal(got, []int64{1, 2, 3, 4}) {
			t.Fatalf("refused undo moved letters: %v", got)
		}

		if err := w.s.Unmerge(ctx, admin, m.ID); err != nil {
			t.Fatal(err)
		}
		if k, d := letters(keep.ID), letters(drop.ID); !slices.Equal(k, []int64{2, 4}) || !slices.Equal(d, []int64{1, 3}) {
			t.Fatalf("after the undo: kept %v, dropped %v", k, d)
		}
	})
}

// Two hooks under one name would keep what they moved in one place: the
// wiring is refused.
func TestOnMergeRefusesANameTwice(t *testing.T) {
	s, err := people.New(storetest.SQLite(t), nil, clock)
	if err != nil {
		t.Fatal(err)
	}
	h := people.RowMoves("", "")
	s.OnMerge("letters", h)
	defer func() {
		if recover() == nil {
			t.Fatal("a second hook named letters was registered")
		}
	}()
	s.OnMerge("letters", h)
}
