package dedupe

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

// errDecided is the answer to a decision on a pair another reviewer has
// decided since it was opened.
func errDecided() error { return errs.New(errs.Conflict, "error.duplicate_decided") }

// Merge merges pair id, keeping record keepID (either of the pair), with
// the registry's merge (people.Service.Merge), which runs every domain's
// merge hook; this package's hook marks the pair merged, by p, in the
// same transaction. A pair decided meanwhile is a conflict.
func (s *Service) Merge(ctx context.Context, p access.Principal, id, keepID int64) (people.Merge, error) {
	pr, err := s.visible(ctx, p, id)
	if err != nil {
		return people.Merge{}, err
	}
	if pr.Status != Pending {
		return people.Merge{}, errDecided()
	}
	dropID := pr.A.ID
	switch keepID {
	case pr.A.ID:
		dropID = pr.B.ID
	case pr.B.ID:
	default:
		return people.Merge{}, errs.Validation(errs.Field("keep", "error.invalid_choice"))
	}
	m, err := s.d.People.Merge(context.WithValue(ctx, claimKey{}, claim{pair: id, user: p.UserID}), p, keepID, dropID)
	if errs.CodeOf(err) == errs.Conflict {
		// Whoever came first, the reviewer is told the pair is decided.
		if now, rerr := s.pair(ctx, s.d.DB.R, id); rerr == nil && now.Status != Pending {
			return people.Merge{}, errDecided()
		}
	}
	return m, err
}

// Distinct records that pair id is two different people, by p: the pair
// leaves the queue and no scan queues it again.
func (s *Service) Distinct(ctx context.Context, p access.Principal, id int64) (Pair, error) {
	pr, err := s.visible(ctx, p, id)
	if err != nil {
		return Pair{}, err
	}
	if pr.Status != Pending {
		return Pair{}, errDecided()
	}
	per, err := s.d.People.ViewChild(ctx, p, pr.A.ID)
	if err != nil {
		return Pair{}, err
	}
	now := s.clock()
	err = s.d.DB.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q.Decide, id, string(Distinct), store.NullID(p.UserID), now)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return errDecided()
		}
		pr.Status, pr.DecidedBy, pr.DecidedName, pr.DecidedAt = Distinct, p.UserID, p.Name, now
		return s.d.Audit.Record(ctx, tx, p, audit.Change{Action: "mark_distinct", Entity: "duplicate_pair",
			EntityID: itoa(id), OrgPath: per.OrgPath, RegionPath: per.RegionPath, After: pr})
	})
	if err != nil {
		return Pair{}, err
	}
	return pr, nil
}

// HookName is the name this package's merge hook is registered under.
const HookName = "duplicate_pairs"

// claimKey carries, in the context of a merge made from the queue, the
// pair it decides and who decides it.
type claimKey struct{}

type claim struct{ pair, user int64 }

// MergeHook is the hook that decides a queued pair when its records are
// merged, from the queue or anywhere else, and reopens it on undo.
func (s *Service) MergeHook() people.MergeHook { return mergeHook{s} }

type mergeHook struct{ s *Service }

// stood is a pair as it stood before a merge decided it.
type stood struct {
	Pair   int64        `json:"pair"`
	Status Status       `json:"status"`
	By     int64        `json:"by,omitempty"`
	At     sql.NullTime `json:"at"`
}

func (h mergeHook) Move(ctx context.Context, tx *sql.Tx, m people.MergePair) (any, error) {
	s := h.s
	a, b := min(m.KeepID, m.DropID), max(m.KeepID, m.DropID)
	var st stood
	err := tx.QueryRowContext(ctx, s.q.PairOf, a, b).Scan(&st.Pair, &st.Status, &st.By, &st.At)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	c, fromQueue := ctx.Value(claimKey{}).(claim)
	fromQueue = fromQueue && c.pair == st.Pair
	q, args := s.q.MergedPair, []any{st.Pair, store.NullID(c.user), m.At}
	if fromQueue {
		q, args = s.q.Decide, []any{st.Pair, string(Merged), store.NullID(c.user), m.At}
	} else if st.Status == Merged {
		return nil, nil
	}
	res, err := tx.ExecContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	if n, err := res.RowsAffected(); err != nil {
		return nil, err
	} else if n == 0 {
		return nil, errDecided()
	}
	return st, nil
}

func (h mergeHook) Undo(ctx context.Context, tx *sql.Tx, m people.MergePair, moved json.RawMessage) error {
	var st stood
	if err := json.Unmarshal(moved, &st); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, h.s.q.ReopenPair, st.Pair, string(st.Status), store.NullID(st.By), st.At)
	return err
}
