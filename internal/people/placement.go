package people

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
)

// Bounds of an offer of places.
const (
	MinOfferYear = 2000
	MaxOfferYear = 2100
	MaxQuota     = 100000
)

// Offer is a number of free places (Quota) a school, lyceum or centre
// offers for a year. Used counts the placements that take a place: every
// one but a declined one.
type Offer struct {
	ID         int64     `json:"id"`
	OrgID      int64     `json:"org_id"`
	OrgName    string    `json:"org_name"`
	Year       int       `json:"year"`
	Quota      int       `json:"quota"`
	Used       int       `json:"used"`
	Programme  string    `json:"programme,omitempty"`
	Notes      string    `json:"notes,omitempty"`
	CreatedBy  int64     `json:"created_by,omitempty"`
	CreatedAt  time.Time `json:"created_at"`
	orgPath    string
	regionPath string
}

// Free is the number of places still free.
func (o Offer) Free() int { return max(o.Quota-o.Used, 0) }

// Target is the scope of the offer: its organisation's.
func (o Offer) Target() access.Target {
	return access.Target{OrgPath: o.orgPath, RegionPath: o.regionPath}
}

// OfferInput creates an offer of places.
type OfferInput struct {
	OrgID     int64
	Year      int
	Quota     int
	Programme string
	Notes     string
}

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

// CreateOffer records places organisation in.OrgID offers; p must be
// allowed to edit children's records of that organisation.
func (s *Service) CreateOffer(ctx context.Context, p access.Principal, in OfferInput) (Offer, error) {
	if err := access.Can(p, access.EditChild, p.Scope()); err != nil {
		return Offer{}, err
	}
	in.Programme = text.Clean(in.Programme)
	in.Notes = strings.TrimSpace(in.Notes)
	var fs []errs.FieldError
	if in.OrgID == 0 {
		fs = append(fs, errs.Field("org_id", "error.required", "Field", "org_id"))
	}
	if in.Year < MinOfferYear || in.Year > MaxOfferYear {
		fs = append(fs, errs.Field("year", "error.year_range", "Min", MinOfferYear, "Max", MaxOfferYear))
	}
	if in.Quota < 1 || in.Quota > MaxQuota {
		fs = append(fs, errs.Field("quota", "error.quota_range", "Max", MaxQuota))
	}
	fs = line(fs, "programme", in.Programme, MaxName)
	fs = note(fs, "notes", in.Notes)
	o := Offer{Year: in.Year, Quota: in.Quota, Programme: in.Programme, Notes: in.Notes, CreatedBy: p.UserID,
		CreatedAt: s.now().UTC()}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := errs.Validation(fs...); err != nil {
			return err
		}
		org, err := s.scopeOrg(ctx, tx, in.OrgID, "org_id")
		if err != nil {
			return err
		}
		if access.Can(p, access.EditChild, org.target()) != nil {
			return errs.Validation(errs.Field("org_id", "error.org_out_of_scope"))
		}
		o.OrgID, o.OrgName, o.orgPath, o.regionPath = org.ID, org.Name, org.Path, org.RegionPath
		if err := tx.QueryRowContext(ctx, s.q.InsertOffer, o.OrgID, o.Year, o.Quota, o.Programme, o.Notes,
			store.NullID(o.CreatedBy), o.CreatedAt, o.CreatedAt).Scan(&o.ID); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "place_offer", EntityID: itoa(o.ID),
			OrgPath: org.Path, After: o})
	})
	if err != nil {
		return Offer{}, err
	}
	return o, nil
}

// Offers returns the offers of organisations in p's scope, of
// organisation orgID only when it is not 0 and of year only when it is
// not 0, the latest year first.
func (s *Service) Offers(ctx context.Context, p access.Principal, orgID int64, year int) ([]Offer, error) {
	if err := access.Can(p, access.ViewChild, p.Scope()); err != nil {
		return nil, err
	}
	rows, err := s.db.R.QueryContext(ctx, s.q.Offers, p.OrgPath, p.RegionPath, orgID, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Offer
	for rows.Next() {
		o, err := scanOffer(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// Offer returns offer id if p may see it.
func (s *Service) Offer(ctx context.Context, p access.Principal, id int64) (Offer, error) {
	if err := access.Can(p, access.ViewChild, p.Scope()); err != nil {
		return Offer{}, err
	}
	o, err := s.offer(ctx, s.db.R, id)
	if err != nil {
		return Offer{}, err
	}
	return o, access.Can(p, access.ViewChild, o.Target())
}

func (s *Service) offer(ctx context.Context, q store.Querier, id int64) (Offer, error) {
	o, err := scanOffer(q.QueryRowContext(ctx, s.q.OfferByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Offer{}, errs.Wrap(store.ErrNotFound, errs.NotFound, "error.not_found")
	}
	return o, err
}

func scanOffer(sc scanner) (Offer, error) {
	var o Offer
	err := sc.Scan(&o.ID, &o.OrgID, &o.OrgName, &o.orgPath, &o.regionPath, &o.Year, &o.Quota, &o.Programme, &o.Notes,
		&o.CreatedBy, &o.CreatedAt, &o.Used)
	o.CreatedAt = o.CreatedAt.UTC()
	return o, err
}

// lockedOffer locks offer id in tx and returns it with the places used,
// once p may edit children's records of its organisation.
func (s *Service) lockedOffer(ctx context.Context, tx *sql.Tx, p access.Principal, id int64) (Offer, error) {
	if _, err := tx.ExecContext(ctx, s.q.LockOffer, id); err != nil {
		return Offer{}, err
	}
	o, err := s.offer(ctx, tx, id)
	if err != nil {
		return Offer{}, err
	}
	return o, access.Can(p, access.EditChild, o.Target())
}

// Place places person personID on offer offerID, as proposed. It refuses
// a child already placed on the offer and an offer whose places are all
// taken. p must be allowed to edit both the child's record and the
// records of the offering organisation.
func (s *Service) Place(ctx context.Context, p access.Principal, offerID, personID int64) (Placement, error) {
	var l Placement
	err := s.editChild(ctx, p, personID, func(tx *sql.Tx, per Person) error {
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
		if err := tx.QueryRowContext(ctx, s.q.InsertPlacement, l.OfferID, l.PersonID, l.Outcome, nullDate(l.DecidedOn),
			l.Notes, store.NullID(l.CreatedBy), now, now).Scan(&l.ID); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "place", Entity: "placement", EntityID: itoa(l.ID),
			OrgPath: o.orgPath, After: l})
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
		if _, err := tx.ExecContext(ctx, s.q.UpdatePlacement, l.Outcome, nullDate(l.DecidedOn), l.UpdatedAt, l.ID); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "set_outcome", Entity: "placement", EntityID: itoa(l.ID),
			OrgPath: o.orgPath, Before: before, After: l})
	})
	if err != nil {
		return Placement{}, err
	}
	return l, nil
}

// Placements returns the children placed on offer offerID, in the order
// they were placed. Whoever may see the offering organisation's records
// sees them: the offering school, lyceum or centre receives these children.
func (s *Service) Placements(ctx context.Context, p access.Principal, offerID int64) ([]Placement, error) {
	if _, err := s.Offer(ctx, p, offerID); err != nil {
		return nil, err
	}
	return s.placements(ctx, s.db.R, s.q.PlacementFrom+" "+s.q.PlacementsOnOffer, offerID)
}

// PlacementsOf returns the placements of person personID, the latest
// year first.
func (s *Service) PlacementsOf(ctx context.Context, p access.Principal, personID int64) ([]Placement, error) {
	if _, err := s.viewChild(ctx, p, personID); err != nil {
		return nil, err
	}
	return s.placements(ctx, s.db.R, s.q.PlacementFrom+" "+s.q.PlacementsOfPerson, personID)
}

func (s *Service) placement(ctx context.Context, q store.Querier, id int64) (Placement, error) {
	ls, err := s.placements(ctx, q, s.q.PlacementFrom+" "+s.q.PlacementByID, id)
	if err == nil && len(ls) == 0 {
		err = errs.Wrap(store.ErrNotFound, errs.NotFound, "error.not_found")
	}
	if err != nil {
		return Placement{}, err
	}
	return ls[0], nil
}

func (s *Service) placements(ctx context.Context, q store.Querier, query string, args ...any) ([]Placement, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Placement
	for rows.Next() {
		var l Placement
		var per Person
		var decided sql.NullTime
		if err := rows.Scan(&l.ID, &l.OfferID, &l.PersonID, &per.LastName, &per.FirstName, &per.Patronymic, &l.Outcome,
			&decided, &l.Notes, &l.CreatedBy, &l.CreatedAt, &l.UpdatedAt, &l.OrgID, &l.OrgName, &l.Year, &l.Programme); err != nil {
			return nil, err
		}
		l.PersonName, l.CreatedAt, l.UpdatedAt = per.FullName(), l.CreatedAt.UTC(), l.UpdatedAt.UTC()
		if decided.Valid {
			l.DecidedOn = date(decided.Time.UTC())
		}
		out = append(out, l)
	}
	return out, rows.Err()
}
