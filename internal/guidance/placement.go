package guidance

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

// PlacementOutcome is where a placement stands.
type PlacementOutcome string

// The outcomes of a placement.
const (
	Proposed PlacementOutcome = "proposed" // offered to the child, not decided yet
	Admitted PlacementOutcome = "admitted"
	Declined PlacementOutcome = "declined" // frees the place
	Finished PlacementOutcome = "finished" // the programme is completed
)

// PlacementOutcomes lists every outcome in a stable order.
func PlacementOutcomes() []PlacementOutcome {
	return []PlacementOutcome{Proposed, Admitted, Declined, Finished}
}

// Placement is a child placed on an offer.
type Placement struct {
	ID         int64            `json:"id"`
	OfferID    int64            `json:"offer_id"`
	PersonID   int64            `json:"person_id"`
	PersonName string           `json:"person_name"`
	Outcome    PlacementOutcome `json:"outcome"`
	DecidedOn  time.Time        `json:"decided_on,omitzero"` // when the outcome was set, zero while proposed
	Notes      string           `json:"notes,omitempty"`
	CreatedBy  int64            `json:"created_by,omitempty"`
	CreatedAt  time.Time        `json:"created_at"`
	UpdatedAt  time.Time        `json:"updated_at"`
	OrgID      int64            `json:"org_id"` // the offering organisation
	OrgName    string           `json:"org_name"`
	Year       int              `json:"year"`
	Programme  string           `json:"programme,omitempty"`
}

// Place places person personID on offer offerID, as proposed. It refuses
// a child already placed on the offer and an offer whose places are all
// taken. p must be allowed to edit both the child's record and the
// records of the offering organisation.
func (s *Service) Place(ctx context.Context, p access.Principal, offerID, personID int64) (Placement, error) {
	var l Placement
	err := s.people.EditChild(ctx, p, personID, func(tx *sql.Tx, per people.Person) error {
		o, err := s.lockedOffer(ctx, tx, p, offerID)
		if err != nil {
			return err
		}
		var dup int64
		switch err := tx.QueryRowContext(ctx, s.q.PlacedOn, o.ID, per.ID).Scan(&dup); {
		case err == nil:
			return errs.New(errs.Conflict, "error.already_placed", "ID", itoa(per.ID))
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if o.Free() == 0 {
			return errs.New(errs.Conflict, "error.quota_full", "Max", o.Quota)
		}
		now := s.now().UTC()
		l = Placement{OfferID: o.ID, PersonID: per.ID, PersonName: per.FullName(), Outcome: Proposed, CreatedBy: p.UserID,
			CreatedAt: now, UpdatedAt: now, OrgID: o.OrgID, OrgName: o.OrgName, Year: o.Year, Programme: o.Programme}
		if err := tx.QueryRowContext(ctx, s.q.InsertPlacement, l.OfferID, l.PersonID, l.Outcome, store.NullDate(l.DecidedOn),
			l.Notes, store.NullID(l.CreatedBy), now, now).Scan(&l.ID); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "place", Entity: "placement", EntityID: itoa(l.ID),
			OrgPath: o.orgPath, RegionPath: o.regionPath, After: l})
	})
	if err != nil {
		return Placement{}, err
	}
	return l, nil
}

// SetPlacementOutcome sets the outcome of placement id, decided today
// (no date while proposed). Taking back a declined placement needs a free
// place. p must be allowed to edit the records of the offering
// organisation.
func (s *Service) SetPlacementOutcome(ctx context.Context, p access.Principal, id int64, outcome PlacementOutcome) (Placement, error) {
	if !slices.Contains(PlacementOutcomes(), outcome) {
		return Placement{}, errs.Validation(errs.Field("outcome", "error.invalid_choice"))
	}
	if err := access.Can(p, access.EditChild, p.Scope()); err != nil {
		return Placement{}, err
	}
	var l Placement
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		before, err := s.placement(ctx, tx, id)
		if err != nil {
			return err
		}
		o, err := s.lockedOffer(ctx, tx, p, before.OfferID)
		if err != nil {
			return err
		}
		if before.Outcome == Declined && outcome != Declined && o.Free() == 0 {
			return errs.New(errs.Conflict, "error.quota_full", "Max", o.Quota)
		}
		l = before
		l.Outcome, l.DecidedOn, l.UpdatedAt = outcome, s.today(), s.now().UTC()
		if outcome == Proposed {
			l.DecidedOn = time.Time{}
		}
		if _, err := tx.ExecContext(ctx, s.q.UpdatePlacement, l.Outcome, store.NullDate(l.DecidedOn), l.UpdatedAt, l.ID); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "set_outcome", Entity: "placement", EntityID: itoa(l.ID),
			OrgPath: o.orgPath, RegionPath: o.regionPath, Before: before, After: l})
	})
	if err != nil {
		return Placement{}, err
	}
	return l, nil
}
