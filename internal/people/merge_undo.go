package people

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Unmerge undoes merge mergeID: the dropped record is live again with its
// ID number, its household place and the rows that moved, and the fields
// the merge filled on the record kept are emptied again, the evidence and
// outcomes it replaced written back and the photo it copied removed,
// unless they were changed since. Only an administrator may undo a merge: the policy has no
// action of its own for it, so this asks for the Admin role besides the
// right to edit both records; a merge is undone once. When another record
// has taken the dropped one's ID number since, the undo is refused naming
// that record only when p may see it; one outside p's scope is a probe
// (see probe.go), the number being one the dropped record held.
func (s *Service) Unmerge(ctx context.Context, p access.Principal, mergeID int64) error {
	if err := access.Can(p, access.EditChild, p.Scope()); err != nil {
		return err
	}
	if p.Role != access.Admin {
		return errs.New(errs.Forbidden, "error.forbidden")
	}
	var restored Person // the dropped record with the ID number it gets back
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		m, err := s.merge(ctx, tx, mergeID)
		if err != nil {
			return err
		}
		keep, drop, err := s.mergePair(ctx, tx, p, m.KeepID, m.DropID)
		if err != nil {
			return err
		}
		now := s.now().UTC()
		res, err := tx.ExecContext(ctx, s.q.UndoMerge, store.NullID(p.UserID), now, m.ID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 || !m.UndoneAt.IsZero() {
			return errs.New(errs.Conflict, "error.merge_undone")
		}
		mv := m.Moved
		// The fields filled go back to empty where they still hold what the
		// dropped record gave.
		given := drop
		given.IDKind, given.NationalID = mv.IDKind, mv.NationalID
		after := keep
		for _, f := range mv.Fields {
			if sameField(keep, given, f) {
				copyField(&after, Person{Sex: SexUnknown}, f)
			}
		}
		if len(mv.Fields) > 0 {
			if err := s.setMergeFields(ctx, tx, after, now); err != nil {
				return err
			}
		}
		if mv.NationalID != "" {
			given.ID, restored = drop.ID, given
			if _, err := s.idHeld(ctx, tx, p, given); err != nil {
				return err
			}
			if err := s.setMergeFields(ctx, tx, given, now); err != nil {
				return err
			}
		}
		if err := s.undoMergeHooks(ctx, tx, MergePair{KeepID: m.KeepID, DropID: m.DropID, At: now}, m.Moves); err != nil {
			return err
		}
		if err := s.unmoveRefs(ctx, tx, m); err != nil {
			return err
		}
		if err := s.unmergeOverlaps(ctx, tx, m, now); err != nil {
			return err
		}
		if err := s.unmergeHousehold(ctx, tx, m); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.SetMergedInto, nil, now, drop.ID, store.NullID(mv.HouseholdID)); err != nil {
			return err
		}
		m.UndoneBy, m.UndoneAt = p.UserID, now
		return s.log.Record(ctx, tx, p, audit.Change{Action: "unmerge", Entity: "person", EntityID: itoa(keep.ID),
			OrgPath: keep.OrgPath, RegionPath: keep.RegionPath, Before: map[string]Person{"keep": keep, "drop": drop}, After: m})
	})
	if errors.Is(err, errHeldElsewhere) {
		err = s.probe(ctx, p, "national_id", restored.IDKind, restored.NationalID, "unmerge")
	}
	return err
}

// unmoveRefs moves the rows a merge moved back to the dropped record.
func (s *Service) unmoveRefs(ctx context.Context, tx *sql.Tx, m Merge) error {
	mv := m.Moved
	for _, r := range s.refMoves(&mv) {
		if err := moveRows(ctx, tx, r.move, m.DropID, *r.ids); err != nil {
			return err
		}
	}
	for _, c := range mv.Categories {
		if _, err := tx.ExecContext(ctx, s.q.MoveCategory, m.DropID, m.KeepID, c); err != nil {
			return err
		}
	}
	return nil
}

// unmergeHousehold puts the dropped record back in its household.
func (s *Service) unmergeHousehold(ctx context.Context, tx *sql.Tx, m Merge) error {
	mv := m.Moved
	h := mv.HouseholdID
	if h == 0 {
		return nil
	}
	if mv.KeepJoined {
		res, err := tx.ExecContext(ctx, s.q.DeleteMember, m.KeepID, h)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n > 0 {
			if _, err := tx.ExecContext(ctx, s.q.SetPersonHousehold, nil, m.KeepID); err != nil {
				return err
			}
		}
	}
	if mv.Head {
		if _, err := tx.ExecContext(ctx, s.q.ClearHead, h); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, s.q.InsertMember, m.DropID, h, mv.Relation, mv.Head)
	return err
}

// Merges returns the merges person personID took part in, kept or dropped,
// the latest first.
func (s *Service) Merges(ctx context.Context, p access.Principal, personID int64) ([]Merge, error) {
	if _, err := s.ViewChild(ctx, p, personID); err != nil {
		return nil, err
	}
	out, err := store.Select(ctx, s.db.R, scanMerge, s.q.MergesOf, personID)
	if err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Moves, err = s.mergeMoves(ctx, s.db.R, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// merge reads merge id in tx with what its hooks moved.
func (s *Service) merge(ctx context.Context, tx *sql.Tx, id int64) (Merge, error) {
	m, err := scanMerge(tx.QueryRowContext(ctx, s.q.MergeByID, id))
	if err != nil {
		return Merge{}, store.NotFound(err)
	}
	m.Moves, err = s.mergeMoves(ctx, tx, m.ID)
	return m, err
}

func scanMerge(sc store.Scanner) (Merge, error) {
	var m Merge
	var moved string
	var undone sql.NullTime
	if err := sc.Scan(&m.ID, &m.KeepID, &m.DropID, &moved, &m.MergedBy, &m.MergedAt, &m.UndoneBy, &undone); err != nil {
		return Merge{}, err
	}
	m.MergedAt = m.MergedAt.UTC()
	if undone.Valid {
		m.UndoneAt = undone.Time.UTC()
	}
	return m, json.Unmarshal([]byte(moved), &m.Moved)
}
