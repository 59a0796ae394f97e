package people

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// mergeHousehold gives the record kept the dropped record's place in its
// household, or takes the dropped record out when both live there. Two
// households are refused, the kept record's named only when p may see it.
func (s *Service) mergeHousehold(ctx context.Context, tx *sql.Tx, p access.Principal, keep, drop Person, mv *Moved) error {
	dm, err := s.membership(ctx, tx, drop.ID)
	if err != nil || dm.householdID == 0 {
		return err
	}
	km, err := s.membership(ctx, tx, keep.ID)
	if err != nil {
		return err
	}
	if km.householdID != 0 && km.householdID != dm.householdID {
		if err := s.homeWithin(ctx, tx, p, km.householdID); err != nil {
			return err
		}
		return errs.Validation(errs.Field("person", "error.merge_households", "ID", itoa(km.householdID)))
	}
	h := dm.householdID
	mv.HouseholdID, mv.Relation, mv.Head = h, dm.relation, dm.head
	if _, err := tx.ExecContext(ctx, s.q.DeleteMember, drop.ID, h); err != nil {
		return err
	}
	if km.householdID == 0 {
		mv.KeepJoined = true
		if _, err := tx.ExecContext(ctx, s.q.InsertMember, keep.ID, h, dm.relation, dm.head); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, s.q.SetPersonHousehold, h, keep.ID)
		return err
	}
	if dm.head && !km.head {
		mv.KeepHead = true
		_, err := tx.ExecContext(ctx, s.q.SetHead, h, keep.ID)
		return err
	}
	return nil
}

// membership reads a person's place in a household; zero for none.
func (s *Service) membership(ctx context.Context, tx *sql.Tx, personID int64) (membership, error) {
	var m membership
	err := tx.QueryRowContext(ctx, s.q.MemberOf, personID).Scan(&m.householdID, &m.relation, &m.head)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
	}
	return m, err
}

// refMove is one kind of reference to a person: the query listing the
// rows of a person and the one moving a row to another person.
type refMove struct {
	list, move string
	ids        *[]int64
}

// refMoves are the references a merge moves, recorded in mv.
func (s *Service) refMoves(mv *Moved) []refMove {
	return []refMove{
		{s.q.MergeGuardianshipsOf, s.q.MoveGuardianshipOf, &mv.Guardianships},
		{s.q.MergeGuardianshipsBy, s.q.MoveGuardianshipBy, &mv.Guarding},
		{s.q.MergeConsentsOf, s.q.MoveConsentOf, &mv.Consents},
		{s.q.MergeConsentsBy, s.q.MoveConsentBy, &mv.ConsentsGiven},
	}
}

// moveRefs moves the references of person from to person to and records
// their ids in mv.
func (s *Service) moveRefs(ctx context.Context, tx *sql.Tx, from, to int64, mv *Moved) error {
	var err error
	for _, r := range s.refMoves(mv) {
		if *r.ids, err = store.Select(ctx, tx, store.ScanID, r.list, from); err != nil {
			return err
		}
		if err := moveRows(ctx, tx, r.move, to, *r.ids); err != nil {
			return err
		}
	}
	if mv.Categories, err = store.Select(ctx, tx, store.ScanID, s.q.MergeCategories, from, to); err != nil {
		return err
	}
	for _, c := range mv.Categories {
		if _, err := tx.ExecContext(ctx, s.q.MoveCategory, to, from, c); err != nil {
			return err
		}
	}
	return nil
}

// setMergeFields writes the fields a merge fills of per.
func (s *Service) setMergeFields(ctx context.Context, tx *sql.Tx, per Person, now time.Time) error {
	_, err := tx.ExecContext(ctx, s.q.SetMergeFields, store.NullDate(per.BirthDate), per.Sex, per.IDKind, per.NationalID,
		per.Phone, per.phoneDigits, per.Address, joinLanguages(per.Languages), per.SpecialNeeds, per.Notes, now, per.ID)
	return err
}
