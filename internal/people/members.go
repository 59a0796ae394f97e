package people

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/valid"
)

// Relation is how a member is related to the household's children.
type Relation string

// The relations of a household's members.
const (
	Mother        Relation = "mother"
	Father        Relation = "father"
	Guardian      Relation = "guardian"
	Grandparent   Relation = "grandparent"
	Sibling       Relation = "sibling"
	Child         Relation = "child"
	OtherRelation Relation = "other"
)

// Relations lists every relation in a stable order.
func Relations() []Relation {
	return []Relation{Mother, Father, Guardian, Grandparent, Sibling, Child, OtherRelation}
}

// Member is a person of a household; adults are persons too.
type Member struct {
	Person   Person   `json:"person"`
	Relation Relation `json:"relation"`
	IsHead   bool     `json:"is_head"`
}

// MemberInput adds a person to a household.
type MemberInput struct {
	PersonID int64
	Relation Relation
	Head     bool // make them the head of the household (see SetHead)
}

// membership is a person's row in household_members.
type membership struct {
	householdID int64
	relation    Relation
	head        bool
}

// AddMember adds a person to a household, or changes their relation when
// they are already in it. A person lives in one household: one already in
// another is a Conflict (error.in_other_household) naming it, to be removed
// from there first; one outside p's scope is not named (see probe_home.go).
func (s *Service) AddMember(ctx context.Context, p access.Principal, householdID int64, in MemberInput) error {
	if !slices.Contains(Relations(), in.Relation) {
		return errs.Validation(valid.Choice("relation", Relations()...))
	}
	err := s.member(ctx, p, householdID, in.PersonID, func(tx *sql.Tx, h Household, per Person, m membership) error {
		if m.householdID != 0 && m.householdID != h.ID {
			return s.otherHome(ctx, tx, p, m.householdID)
		}
		if in.Head {
			if err := s.checkHead(per); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, s.q.ClearHead, h.ID); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, s.q.DeleteMember, per.ID, h.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.InsertMember, per.ID, h.ID, in.Relation, in.Head || m.head); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.SetPersonHousehold, h.ID, per.ID); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "add_member", Entity: "household",
			EntityID: itoa(h.ID), OrgPath: h.OrgPath, RegionPath: h.RegionPath, Before: m.view(per.ID),
			After: membership{h.ID, in.Relation, in.Head || m.head}.view(per.ID)})
	})
	if errors.Is(err, errHomeElsewhere) {
		err = s.homeProbe(ctx, p, in.PersonID, "add_member")
	}
	return err
}

// RemoveMember takes a person out of a household.
func (s *Service) RemoveMember(ctx context.Context, p access.Principal, householdID, personID int64) error {
	return s.member(ctx, p, householdID, personID, func(tx *sql.Tx, h Household, per Person, m membership) error {
		if m.householdID != h.ID {
			return errs.New(errs.NotFound, "error.not_member")
		}
		if _, err := tx.ExecContext(ctx, s.q.DeleteMember, per.ID, h.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.SetPersonHousehold, nil, per.ID); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "remove_member", Entity: "household",
			EntityID: itoa(h.ID), OrgPath: h.OrgPath, RegionPath: h.RegionPath, Before: m.view(per.ID)})
	})
}

// member runs fn in a transaction with the household, the person and the
// person's current membership (zero when they are in none), once p may
// edit both records.
func (s *Service) member(ctx context.Context, p access.Principal, householdID, personID int64,
	fn func(tx *sql.Tx, h Household, per Person, m membership) error) error {
	if err := access.Can(p, access.EditChild, p.Scope()); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		h, err := s.householdByID(ctx, tx, householdID)
		if err != nil {
			return err
		}
		if err := access.Can(p, access.EditChild, h.Target()); err != nil {
			return err
		}
		per, err := s.byID(ctx, tx, personID)
		if err != nil {
			return err
		}
		if err := access.Can(p, access.EditChild, per.Target()); err != nil {
			return err
		}
		if per.MergedInto != 0 {
			return errs.New(errs.Conflict, "error.merged", "ID", itoa(per.MergedInto))
		}
		var m membership
		err = tx.QueryRowContext(ctx, s.q.MemberOf, personID).Scan(&m.householdID, &m.relation, &m.head)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		return fn(tx, h, per, m)
	})
}

// view is what the change log keeps of a membership; nil for none.
func (m membership) view(personID int64) any {
	if m.householdID == 0 {
		return nil
	}
	return map[string]any{"person_id": personID, "household_id": m.householdID, "relation": m.relation, "is_head": m.head}
}
