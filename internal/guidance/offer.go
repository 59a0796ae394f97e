package guidance

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
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
	fs = valid.Line(fs, "programme", in.Programme, people.MaxName)
	fs = valid.Note(fs, "notes", in.Notes)
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
			OrgPath: org.Path, RegionPath: org.RegionPath, After: o})
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
	return store.Select(ctx, s.db.R, scanOffer, s.q.Offers, p.OrgPath, p.RegionPath, orgID, year)
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
		return Offer{}, errs.ErrNotFound
	}
	return o, err
}

func scanOffer(sc store.Scanner) (Offer, error) {
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
