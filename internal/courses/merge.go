package courses

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

// When two records of a child are merged (people.Service.Merge), the
// record kept takes the enrolments of the record dropped on the courses
// it is not enrolled on, with their attendance. On a course both are
// enrolled on, the record kept stays enrolled; the dropped record's
// enrolment stays with it but gives its place back and leaves the roster
// (which lists live records only), so one child never takes two places.
// Undoing the merge moves the enrolments back and takes those places
// again, even on a course since filled: the child had them before.

// MergeHook is the name the registry keeps this hook's moves under; it
// stays the same across versions.
const MergeHook = "course_enrolments"

// Moves is the merge hook that moves a child's course enrolments.
func (s *Service) Moves() people.MergeHook { return mergeHook{s} }

// movedEnrolments is what the hook moved: the enrolments that changed
// hands, and the courses whose place the dropped record gave back.
type movedEnrolments struct {
	Enrolments []int64 `json:"enrolments,omitempty"`
	Freed      []int64 `json:"freed,omitempty"`
}

type mergeHook struct{ s *Service }

func (h mergeHook) Move(ctx context.Context, tx *sql.Tx, m people.MergePair) (any, error) {
	q := h.s.q
	var mv movedEnrolments
	var err error
	if mv.Enrolments, err = store.Select(ctx, tx, store.ScanID, q.MergeEnrolments, m.DropID, m.KeepID); err != nil {
		return nil, err
	}
	if mv.Freed, err = store.Select(ctx, tx, store.ScanID, q.SharedCourses, m.DropID, m.KeepID); err != nil {
		return nil, err
	}
	if err := h.apply(ctx, tx, mv, m.KeepID, q.FreeSeat); err != nil {
		return nil, err
	}
	if len(mv.Enrolments) == 0 && len(mv.Freed) == 0 {
		return nil, nil
	}
	return mv, nil
}

func (h mergeHook) Undo(ctx context.Context, tx *sql.Tx, m people.MergePair, moved json.RawMessage) error {
	var mv movedEnrolments
	if err := json.Unmarshal(moved, &mv); err != nil {
		return err
	}
	return h.apply(ctx, tx, mv, m.DropID, h.s.q.RetakeSeat)
}

// apply moves mv's enrolments to person to and runs seat on each course
// whose place changes.
func (h mergeHook) apply(ctx context.Context, tx *sql.Tx, mv movedEnrolments, to int64, seat string) error {
	for _, id := range mv.Enrolments {
		if _, err := tx.ExecContext(ctx, h.s.q.MoveEnrolment, to, id); err != nil {
			return err
		}
	}
	for _, c := range mv.Freed {
		if _, err := tx.ExecContext(ctx, seat, c); err != nil {
			return err
		}
	}
	return nil
}
