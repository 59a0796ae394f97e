package people

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
)

// SetHead makes a member the head of their household, in place of the one
// before. The head must be at least MinHeadAge (16) years old: in
// Kazakhstan and Iran a 16-year-old may work and be emancipated, so an
// older sibling can head a family of orphans, while a younger "head" is
// almost always a form filled in wrongly (a 5-year-old marked as head). A
// head whose date of birth is unknown is accepted.
func (s *Service) SetHead(ctx context.Context, p access.Principal, householdID, personID int64) error {
	return s.member(ctx, p, householdID, personID, func(tx *sql.Tx, h Household, per Person, m membership) error {
		if m.householdID != h.ID {
			return errs.New(errs.NotFound, "error.not_member")
		}
		if m.head {
			return nil
		}
		if err := s.checkHead(per); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.ClearHead, h.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.SetHead, h.ID, per.ID); err != nil {
			return err
		}
		after := m
		after.head = true
		return s.log.Record(ctx, tx, p, audit.Change{Action: "set_head", Entity: "household",
			EntityID: itoa(h.ID), OrgPath: h.OrgPath, RegionPath: h.RegionPath, Before: m.view(per.ID), After: after.view(per.ID)})
	})
}

// checkHead refuses a head of household younger than MinHeadAge.
func (s *Service) checkHead(per Person) error {
	if a, known := per.Age(s.today()); known && a < MinHeadAge {
		return errs.Validation(errs.Field("is_head", "error.head_too_young", "Count", MinHeadAge))
	}
	return nil
}

// Members returns the members of a household p may see, the head first,
// then oldest first, with their relation.
func (s *Service) Members(ctx context.Context, p access.Principal, householdID int64) ([]Member, error) {
	if err := access.Can(p, access.ViewChild, p.Scope()); err != nil {
		return nil, err
	}
	h, err := s.householdByID(ctx, s.db.R, householdID)
	if err != nil {
		return nil, err
	}
	if err := access.Can(p, access.ViewChild, h.Target()); err != nil {
		return nil, err
	}
	rows, err := s.db.R.QueryContext(ctx, s.q.Members, householdID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		var m Member
		if m.Person, err = scanPerson(rows, &m.Relation, &m.IsHead); err != nil {
			return nil, err
		}
		if access.Within(p, m.Person.Target()) {
			out = append(out, m)
		}
	}
	return out, rows.Err()
}
