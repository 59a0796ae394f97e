package people

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// CreateHousehold registers a household; its members are added with
// AddMember.
func (s *Service) CreateHousehold(ctx context.Context, p access.Principal, in HouseholdInput) (Household, error) {
	return s.writeHousehold(ctx, p, 0, in)
}

// UpdateHousehold changes household id.
func (s *Service) UpdateHousehold(ctx context.Context, p access.Principal, id int64, in HouseholdInput) (Household, error) {
	if id <= 0 {
		return Household{}, errs.ErrNotFound
	}
	return s.writeHousehold(ctx, p, id, in)
}

// writeHousehold creates (id 0) or updates a household.
func (s *Service) writeHousehold(ctx context.Context, p access.Principal, id int64, in HouseholdInput) (Household, error) {
	if err := access.Can(p, access.EditChild, p.Scope()); err != nil {
		return Household{}, err
	}
	h, digits, fs := checkHousehold(in)
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var old Household
		if id != 0 {
			var err error
			if old, err = s.householdByID(ctx, tx, id); err != nil {
				return err
			}
			if err := access.Can(p, access.EditChild, old.Target()); err != nil {
				return err
			}
		}
		pl, pfs, err := s.locate(ctx, tx, p, in.RegionCode, in.OrgID)
		if err != nil {
			return err
		}
		if err := errs.Validation(append(fs, pfs...)...); err != nil {
			return err
		}
		h.OrgID, h.OrgPath, h.RegionPath = pl.orgID, pl.orgPath, pl.regionPath
		if err := access.Can(p, access.EditChild, h.Target()); err != nil {
			return err
		}
		now := s.now().UTC()
		a := []any{store.NullID(h.OrgID), h.OrgPath, pl.regionID, h.RegionPath, h.Address, h.Phone, digits,
			h.IncomeCategory, h.LowIncome, h.Incomplete, h.Dysfunctional, h.Notes, h.ExternalRef}
		if id == 0 {
			err = tx.QueryRowContext(ctx, s.q.InsertHousehold, append(a, store.NullID(p.UserID), now, now)...).Scan(&id)
		} else {
			_, err = tx.ExecContext(ctx, s.q.UpdateHousehold, append(a, now, id)...)
		}
		if store.IsUniqueViolation(err) {
			return duplicateRef()
		} else if err != nil {
			return err
		}
		if h, err = s.householdByID(ctx, tx, id); err != nil {
			return err
		}
		change := audit.Change{Action: "create", Entity: "household", EntityID: itoa(id), OrgPath: h.OrgPath,
			RegionPath: h.RegionPath, After: h}
		if old.ID != 0 {
			change.Action, change.Before = "update", old
		}
		return s.log.Record(ctx, tx, p, change)
	})
	if err != nil {
		return Household{}, err
	}
	return h, nil
}

// duplicateRef is the conflict of a reference another household of the
// same organisation has. PostgreSQL aborts the transaction at the
// violation, so the other household is not looked up.
func duplicateRef() error {
	e := errs.New(errs.Conflict, "error.duplicate_ref")
	e.Fields = []errs.FieldError{errs.Field("external_ref", "error.duplicate_ref")}
	return e
}
