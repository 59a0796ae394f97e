package people

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// The registry moves its own references to a person when two records are
// merged (household, guardianships, categories, consents, photo). Every
// other domain that refers to persons registers a MergeHook with OnMerge,
// so the registry need not know its tables: the hook moves the domain's
// rows inside the merge's transaction and says what it moved, which is
// kept with the merge, under the hook's name, for the undo.

// MergePair is a merge as its hooks see it: the record kept, the record
// dropped and when the merge, or its undo, happens.
type MergePair struct {
	KeepID, DropID int64
	At             time.Time
}

// MergeHook moves one domain's references to a person from the record
// dropped to the record kept, and back when the merge is undone.
type MergeHook interface {
	// Move moves the references to m.DropID to m.KeepID in tx and returns
	// what it moved, stored as JSON with the merge; nil when nothing moved.
	Move(ctx context.Context, tx *sql.Tx, m MergePair) (any, error)
	// Undo moves back what Move moved, given as Move returned it.
	Undo(ctx context.Context, tx *sql.Tx, m MergePair, moved json.RawMessage) error
}

type namedHook struct {
	name string
	h    MergeHook
}

// OnMerge registers h to run, under name, in the transaction of every
// merge and of every undo. Names are what merges keep what moved under,
// so a name stays the same across versions. Registering a name twice is
// a wiring mistake and panics.
func (s *Service) OnMerge(name string, h MergeHook) {
	if name == "" || slices.ContainsFunc(s.hooks, func(n namedHook) bool { return n.name == name }) {
		panic(fmt.Sprintf("people: merge hook %q registered twice or unnamed", name))
	}
	s.hooks = append(s.hooks, namedHook{name, h})
}

// runMergeHooks runs every hook's Move in the order they were registered
// and returns what each moved, by name.
func (s *Service) runMergeHooks(ctx context.Context, tx *sql.Tx, m MergePair) (map[string]json.RawMessage, error) {
	out := map[string]json.RawMessage{}
	for _, n := range s.hooks {
		moved, err := n.h.Move(ctx, tx, m)
		if err != nil {
			return nil, fmt.Errorf("merge hook %s: %w", n.name, err)
		}
		if moved == nil {
			continue
		}
		b, err := json.Marshal(moved)
		if err != nil {
			return nil, fmt.Errorf("merge hook %s: %w", n.name, err)
		}
		out[n.name] = b
	}
	return out, nil
}

// undoMergeHooks runs the Undo of every hook that moved something, the
// last registered first. What a hook no longer registered moved cannot be
// put back, so the undo is refused rather than left half done.
func (s *Service) undoMergeHooks(ctx context.Context, tx *sql.Tx, m MergePair, moves map[string]json.RawMessage) error {
	for name := range moves {
		if !slices.ContainsFunc(s.hooks, func(n namedHook) bool { return n.name == name }) {
			return fmt.Errorf("undo merge: nothing registered to move back %s", name)
		}
	}
	for _, n := range slices.Backward(s.hooks) {
		moved, ok := moves[n.name]
		if !ok {
			continue
		}
		if err := n.h.Undo(ctx, tx, m, moved); err != nil {
			return fmt.Errorf("undo merge hook %s: %w", n.name, err)
		}
	}
	return nil
}

// mergeMoves reads what the hooks of merge id moved, by hook.
func (s *Service) mergeMoves(ctx context.Context, q store.Querier, id int64) (map[string]json.RawMessage, error) {
	type move struct {
		hook  string
		moved string
	}
	ms, err := store.Select(ctx, q, func(sc store.Scanner) (move, error) {
		var m move
		return m, sc.Scan(&m.hook, &m.moved)
	}, s.q.MergeMoves, id)
	if err != nil {
		return nil, err
	}
	out := map[string]json.RawMessage{}
	for _, m := range ms {
		out[m.hook] = json.RawMessage(m.moved)
	}
	return out, nil
}

// RowMoves is the hook of a plain reference to a person, one row at a
// time: list selects the ids of the rows referring to person $1, move sets
// row $2 to refer to person $1 (both bound by the caller's BindQueries).
// What moved is the ids, so the undo moves exactly those rows back.
func RowMoves(list, move string) MergeHook { return rowMoves{list, move} }

type rowMoves struct{ list, move string }

func (r rowMoves) Move(ctx context.Context, tx *sql.Tx, m MergePair) (any, error) {
	ids, err := store.Select(ctx, tx, store.ScanID, r.list, m.DropID)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	return ids, moveRows(ctx, tx, r.move, m.KeepID, ids)
}

func (r rowMoves) Undo(ctx context.Context, tx *sql.Tx, m MergePair, moved json.RawMessage) error {
	var ids []int64
	if err := json.Unmarshal(moved, &ids); err != nil {
		return err
	}
	return moveRows(ctx, tx, r.move, m.DropID, ids)
}

// moveRows runs move (person, row id) for each row in ids.
func moveRows(ctx context.Context, tx *sql.Tx, move string, to int64, ids []int64) error {
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, move, to, id); err != nil {
			return err
		}
	}
	return nil
}
