package people

import (
	"context"
	"errors"
	"reflect"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Create registers a person. An ID number another live person within p's
// scope holds is a Conflict (error.duplicate_id) naming that person's id;
// one held outside it is a Conflict (error.id_elsewhere) that names no one
// and is written to the access log (see IDProbeLimit). Call Matches first
// to find the person already registered under another spelling.
func (s *Service) Create(ctx context.Context, p access.Principal, in Input) (Person, error) {
	return s.write(ctx, p, 0, in)
}

// Update changes person id. The change log keeps the record before and
// after; the photo is never part of it.
func (s *Service) Update(ctx context.Context, p access.Principal, id int64, in Input) (Person, error) {
	if id <= 0 {
		return Person{}, errs.ErrNotFound
	}
	return s.write(ctx, p, id, in)
}

// write creates (id 0) or updates a person.
func (s *Service) write(ctx context.Context, p access.Principal, id int64, in Input) (Person, error) {
	var rec Person
	err := s.db.Atomic(ctx, func(tx *store.Tx) (err error) {
		rec, err = s.writeIn(ctx, tx, p, id, in)
		return err
	})
	if err != nil {
		return Person{}, err
	}
	return s.seenOne(ctx, s.db.R, p, rec)
}

// writeIn is write in transaction tx. An ID number held outside p's
// scope fails the write with errHeldElsewhere, and the probe is recorded
// once tx has been rolled back, in a transaction of its own (refuseID):
// the access log keeps it whatever else tx held.
func (s *Service) writeIn(ctx context.Context, tx *store.Tx, p access.Principal, id int64, in Input) (Person, error) {
	if err := access.Can(p, access.EditChild, p.Scope()); err != nil {
		return Person{}, err
	}
	rec, fs := s.check(in)
	via := "update" // for the access log, should the ID number be a probe
	if id == 0 {
		via = "create"
	}
	err := func() error {
		var old Person
		if id != 0 {
			var err error
			if old, err = s.byID(ctx, tx, id); err != nil {
				return err
			}
			if err := access.Can(p, access.EditChild, old.Target()); err != nil {
				return err
			}
			if old.MergedInto != 0 {
				return errs.New(errs.Conflict, "error.merged", "ID", itoa(old.MergedInto))
			}
		}
		pl, pfs, err := s.locate(ctx, tx, p, in.RegionCode, in.OrgID)
		if err != nil {
			return err
		}
		if err := errs.Validation(append(fs, pfs...)...); err != nil {
			return err
		}
		rec = settle(rec, old, pl)
		if err := access.Can(p, access.EditChild, rec.Target()); err != nil {
			return err
		}
		if id != 0 && reflect.DeepEqual(rec, old) {
			return nil
		}
		if newID(rec, old) {
			if err := s.idFree(ctx, tx, p, rec); err != nil {
				return err
			}
		}
		rec.UpdatedAt = s.now().UTC()
		if id == 0 {
			rec.CreatedBy, rec.CreatedAt = p.UserID, rec.UpdatedAt
			err = tx.QueryRowContext(ctx, s.q.InsertPerson, personArgs(rec, pl.regionID,
				store.NullID(p.UserID), rec.CreatedAt, rec.UpdatedAt)...).Scan(&id)
		} else {
			_, err = tx.ExecContext(ctx, s.q.UpdatePerson, personArgs(rec, pl.regionID, rec.UpdatedAt, id)...)
		}
		if err != nil {
			return err
		}
		if rec, err = s.byID(ctx, tx, id); err != nil {
			return err
		}
		change := audit.Change{Action: "create", Entity: "person", EntityID: itoa(id), OrgPath: rec.OrgPath,
			RegionPath: rec.RegionPath, After: logged(rec)}
		if old.ID != 0 {
			change.Action, change.Before = "update", logged(old)
		}
		return s.log.Record(ctx, tx, p, change)
	}()
	if store.IsUniqueViolation(err) || errors.Is(err, errHeldElsewhere) {
		cause := err
		tx.OnRollback(func(ctx context.Context, end error) error {
			if !errors.Is(end, cause) {
				return end // tx ended for another reason after all
			}
			return s.refuseID(ctx, p, rec, via, cause)
		})
	}
	if err != nil {
		return Person{}, err
	}
	return rec, nil
}

// refuseID turns the failure of a write over rec's ID number into the
// answer, once the write's transaction has been rolled back (so on its
// own connection, and able to write): a number another writer took
// between the check and the write is a duplicate, or a probe when held
// outside p's scope; a probe is recorded (see probe).
func (s *Service) refuseID(ctx context.Context, p access.Principal, rec Person, via string, cause error) error {
	err := cause
	if store.IsUniqueViolation(err) {
		if dup := s.idFree(ctx, s.db.R, p, rec); dup != nil {
			err = dup
		}
	}
	if errors.Is(err, errHeldElsewhere) {
		return s.probe(ctx, p, "national_id", rec.IDKind, rec.NationalID, via)
	}
	return err
}

// settle puts the checked input rec in place pl, keeping what the input
// does not set from old (the stored record, zero on creation).
func settle(rec, old Person, pl place) Person {
	rec.ID, rec.HasPhoto, rec.HouseholdID, rec.MergedInto = old.ID, old.HasPhoto, old.HouseholdID, old.MergedInto
	rec.CreatedBy, rec.CreatedAt, rec.UpdatedAt = old.CreatedBy, old.CreatedAt, old.UpdatedAt
	rec.RegionCode, rec.RegionPath, rec.OrgID, rec.OrgPath = pl.regionCode, pl.regionPath, pl.orgID, pl.orgPath
	if rec.OrgID == old.OrgID {
		rec.OrgName = old.OrgName // the record is read again after a write
	}
	return rec
}

// newID reports whether rec gives an ID number old did not have, which
// must then be checked: keeping one's own number is no probe.
func newID(rec, old Person) bool {
	return rec.NationalID != "" && (rec.NationalID != old.NationalID || rec.IDKind != old.IDKind)
}

// personArgs are the first 21 parameters of InsertPerson and UpdatePerson
// for r in the region with regionID, followed by tail.
func personArgs(r Person, regionID int64, tail ...any) []any {
	return append([]any{r.LastName, r.FirstName, r.Patronymic, r.nameKey, store.NullDate(r.BirthDate), r.Sex,
		r.IDKind, r.NationalID, r.Phone, r.phoneDigits, regionID, r.RegionPath, r.Address,
		strings.Join(r.Languages, ","), store.NullID(r.OrgID), r.OrgPath, r.Grade, r.Status, r.Disability,
		r.SpecialNeeds, r.Notes}, tail...)
}

// logged is what the change log keeps of a person: all but their
// household, which may be of an organisation outside the scope of those
// who read the person's entries. Joining and leaving a household are
// entries of the household.
func logged(p Person) Person {
	p.HouseholdID, p.HouseholdElsewhere = 0, false
	return p
}
