package people

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Merge is two records of the same person made into one: the record kept
// took every reference of the record dropped, which stays behind with
// MergedInto set. Moved says what of the registry moved and Moves what the
// merge hooks of other domains moved (see OnMerge), by hook, so an
// administrator can undo it.
type Merge struct {
	ID       int64                      `json:"id"`
	KeepID   int64                      `json:"keep_id"`
	DropID   int64                      `json:"drop_id"`
	Moved    Moved                      `json:"moved"`
	Moves    map[string]json.RawMessage `json:"moves,omitempty"`
	MergedBy int64                      `json:"merged_by,omitempty"`
	MergedAt time.Time                  `json:"merged_at"`
	UndoneBy int64                      `json:"undone_by,omitempty"`
	UndoneAt time.Time                  `json:"undone_at,omitzero"` // zero while the merge stands
}

// Moved is what a merge moved of the registry from the record dropped to
// the record kept: the rows by id, per table, and the fields of the record
// kept it filled. A category the record kept is in already stays with the
// record dropped; where the dropped one's evidence was stronger the record
// kept took it, and Evidence holds what the record kept had before, for
// the undo.
type Moved struct {
	HouseholdID   int64         `json:"household_id,omitempty"` // the household the dropped record lived in
	Relation      Relation      `json:"relation,omitempty"`     // its relation there
	Head          bool          `json:"head,omitempty"`         // it was the head
	KeepJoined    bool          `json:"keep_joined,omitempty"`  // the record kept took its place in the household
	KeepHead      bool          `json:"keep_head,omitempty"`    // the record kept became the head in its place
	Guardianships []int64       `json:"guardianships,omitempty"`
	Guarding      []int64       `json:"guarding,omitempty"`   // guardianships where it was the guardian
	Categories    []int64       `json:"categories,omitempty"` // category ids
	Consents      []int64       `json:"consents,omitempty"`
	ConsentsGiven []int64       `json:"consents_given,omitempty"` // consents it gave for someone else
	Evidence      []CategoryRow `json:"evidence,omitempty"`       // the record kept's rows in categories both were in, replaced
	Photo         bool          `json:"photo,omitempty"`          // it took the dropped record's photo
	Fields        []string      `json:"fields,omitempty"`         // fields of the record kept filled from the dropped one
	IDKind        string        `json:"id_kind,omitempty"`
	NationalID    string        `json:"national_id,omitempty"` // the dropped record's ID number, when it moved
}

// Merge makes person dropID one with person keepID, both live records p
// may edit: every reference to dropID (household membership,
// guardianships either way, categories, consents, and what the merge
// hooks of other domains move) moves to keepID, the empty fields of keepID
// are filled from dropID, and dropID is marked merged into keepID. In a
// category both are in, keepID keeps the better evidence; keepID takes
// dropID's photo when it has none and may have one. When both live in
// different households the merge is refused: one has to leave first.
func (s *Service) Merge(ctx context.Context, p access.Principal, keepID, dropID int64) (Merge, error) {
	if err := access.Can(p, access.EditChild, p.Scope()); err != nil {
		return Merge{}, err
	}
	if keepID == dropID {
		return Merge{}, errs.Validation(errs.Field("person", "error.merge_self"))
	}
	var m Merge
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		keep, drop, err := s.mergePair(ctx, tx, p, keepID, dropID)
		if err != nil {
			return err
		}
		for _, per := range []Person{keep, drop} {
			if per.MergedInto != 0 {
				return errs.New(errs.Conflict, "error.merged", "ID", itoa(per.MergedInto))
			}
		}
		var links int
		if err := tx.QueryRowContext(ctx, s.q.MergeGuardianLinks, keepID, dropID).Scan(&links); err != nil {
			return err
		}
		if links > 0 {
			return errs.Validation(errs.Field("person", "error.own_guardian"))
		}
		now := s.now().UTC()
		m = Merge{KeepID: keepID, DropID: dropID, MergedBy: p.UserID, MergedAt: now}
		if err := s.mergeHousehold(ctx, tx, p, keep, drop, &m.Moved); err != nil {
			return err
		}
		if err := s.moveRefs(ctx, tx, dropID, keepID, &m.Moved); err != nil {
			return err
		}
		if err := s.mergeOverlaps(ctx, tx, keep, drop, now, &m.Moved); err != nil {
			return err
		}
		if m.Moves, err = s.runMergeHooks(ctx, tx, MergePair{KeepID: keepID, DropID: dropID, At: now}); err != nil {
			return err
		}
		after := keep
		for _, f := range mergeFields {
			if fieldEmpty(keep, f) && !fieldEmpty(drop, f) {
				copyField(&after, drop, f)
				m.Moved.Fields = append(m.Moved.Fields, f)
			}
		}
		cleared := drop
		if after.NationalID != keep.NationalID {
			// The partial unique index holds live records: the dropped
			// one gives its ID number up before the kept one takes it.
			m.Moved.IDKind, m.Moved.NationalID = drop.IDKind, drop.NationalID
			cleared.IDKind, cleared.NationalID = "", ""
			if err := s.setMergeFields(ctx, tx, cleared, now); err != nil {
				return err
			}
		}
		if len(m.Moved.Fields) > 0 {
			if err := s.setMergeFields(ctx, tx, after, now); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, s.q.SetMergedInto, keepID, now, dropID, nil); err != nil {
			return err
		}
		moved, err := json.Marshal(m.Moved)
		if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, s.q.InsertMerge, keepID, dropID, string(moved), store.NullID(p.UserID), now).Scan(&m.ID); err != nil {
			return err
		}
		for _, n := range s.hooks {
			if mv, ok := m.Moves[n.name]; ok {
				if _, err := tx.ExecContext(ctx, s.q.InsertMergeMove, m.ID, n.name, string(mv)); err != nil {
					return err
				}
			}
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "merge", Entity: "person", EntityID: itoa(keepID),
			OrgPath: keep.OrgPath, RegionPath: keep.RegionPath, Before: map[string]Person{"keep": keep, "drop": drop}, After: m})
	})
	if errors.Is(err, errHomeElsewhere) {
		if err = s.recordHomeProbe(ctx, p, keepID, "merge"); err == nil {
			err = errs.Validation(errs.Field("person", "error.merge_households_elsewhere"))
		}
	}
	if err != nil {
		return Merge{}, err
	}
	return m, nil
}

// mergePair reads the records of a merge or its undo once p may edit both.
func (s *Service) mergePair(ctx context.Context, tx *sql.Tx, p access.Principal, keepID, dropID int64) (keep, drop Person, err error) {
	if keep, err = s.byID(ctx, tx, keepID); err != nil {
		return keep, drop, err
	}
	if drop, err = s.byID(ctx, tx, dropID); err != nil {
		return keep, drop, err
	}
	if err = access.Can(p, access.EditChild, keep.Target()); err != nil {
		return keep, drop, err
	}
	return keep, drop, access.Can(p, access.EditChild, drop.Target())
}
