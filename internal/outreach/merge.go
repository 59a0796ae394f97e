package outreach

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

// When two records of a child are merged (people.Service.Merge), the
// record kept takes the cases of the record dropped. A child has at most
// one open case, so where both records have one, the case further on
// (by step, then by attendance checks passed) stays open for the record
// kept and the other is closed with the outcome merged and a line on both
// timelines naming the other. Its needs and referrals stay with it: a
// charity that accepted a need goes on helping the same child, and the
// worker finds them on the closed case the survivor's timeline names.
// Merged cases are left out of the funnel, where they would count a
// child twice. Undoing the merge moves the cases back and reopens the
// closed one as it stood, unless it changed since or its record has an
// open case again (a new run flagged the child): then it stays closed.

// MergeHook is the name under which the registry keeps what a merge did
// to the cases.
const MergeHook = "outreach_cases"

// CaseMoves is the merge hook that moves a child's cases to the record
// kept and settles two open cases.
func (s *Service) CaseMoves() people.MergeHook { return caseMoves{s} }

// movedCases is what the hook did: the cases that changed hands, and the
// open case it closed as merged, as it stood before.
type movedCases struct {
	Moved  []int64  `json:"moved,omitempty"`
	Closed *caseRow `json:"closed,omitempty"`
}

// caseRow is where an open case stands, as the merge hook keeps it.
type caseRow struct {
	ID         int64     `json:"id"`
	Step       Step      `json:"step"`
	ChecksDone int       `json:"checks_done"`
	StepAt     time.Time `json:"step_at"`
	DueOn      time.Time `json:"due_on"`
	Version    int       `json:"version"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// further reports whether case a is further on than case b.
func further(a, b caseRow) bool {
	ia, ib := slices.Index(Steps(), a.Step), slices.Index(Steps(), b.Step)
	return ia > ib || ia == ib && a.ChecksDone > b.ChecksDone
}

type caseMoves struct{ s *Service }

func (h caseMoves) Move(ctx context.Context, tx *sql.Tx, m people.MergePair) (any, error) {
	s := h.s
	var mv movedCases
	kept, kok, err := s.openRow(ctx, tx, m.KeepID)
	if err != nil {
		return nil, err
	}
	dropped, dok, err := s.openRow(ctx, tx, m.DropID)
	if err != nil {
		return nil, err
	}
	if kok && dok {
		loser, winner := dropped, kept
		if further(dropped, kept) {
			loser, winner = kept, dropped
		}
		if _, err := tx.ExecContext(ctx, s.q.CloseMerged, loser.ID, m.At, store.Day(m.At)); err != nil {
			return nil, err
		}
		if err := s.event(ctx, tx, access.System, loser.ID, "merged", fmt.Sprintf("→ №%d", winner.ID)); err != nil {
			return nil, err
		}
		if err := s.event(ctx, tx, access.System, winner.ID, "merged", fmt.Sprintf("№%d", loser.ID)); err != nil {
			return nil, err
		}
		mv.Closed = &loser
	}
	if mv.Moved, err = store.Select(ctx, tx, store.ScanID, s.q.MergeCases, m.DropID); err != nil {
		return nil, err
	}
	for _, id := range mv.Moved {
		if _, err := tx.ExecContext(ctx, s.q.MoveCase, m.KeepID, id); err != nil {
			return nil, err
		}
	}
	if len(mv.Moved) == 0 && mv.Closed == nil {
		return nil, nil
	}
	return mv, nil
}

func (h caseMoves) Undo(ctx context.Context, tx *sql.Tx, m people.MergePair, moved json.RawMessage) error {
	s := h.s
	var mv movedCases
	if err := json.Unmarshal(moved, &mv); err != nil {
		return err
	}
	for _, id := range mv.Moved {
		if _, err := tx.ExecContext(ctx, s.q.MoveCase, m.DropID, id); err != nil {
			return err
		}
	}
	if mv.Closed == nil {
		return nil
	}
	r := *mv.Closed
	var person int64
	if err := tx.QueryRowContext(ctx, s.q.PersonOf, r.ID).Scan(&person); err != nil {
		return err
	}
	if _, open, err := s.openRow(ctx, tx, person); err != nil || open {
		return err // the record has an open case again: the merged one stays closed
	}
	res, err := tx.ExecContext(ctx, s.q.Reopen, r.ID, r.Version+1, r.Step, r.StepAt, r.DueOn, m.At)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return err // changed since the merge: it stays as it is
	}
	return s.event(ctx, tx, access.System, r.ID, "unmerged", "")
}

// openRow reads the open case of person id, if any.
func (s *Service) openRow(ctx context.Context, tx *sql.Tx, id int64) (caseRow, bool, error) {
	var r caseRow
	err := tx.QueryRowContext(ctx, s.q.OpenRow, id).Scan(&r.ID, &r.Step, &r.ChecksDone, &r.StepAt, &r.DueOn, &r.Version,
		&r.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, nil
	}
	r.StepAt, r.DueOn, r.UpdatedAt = r.StepAt.UTC(), r.DueOn.UTC(), r.UpdatedAt.UTC()
	return r, err == nil, err
}
