package stock

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// DonorKind is who a donor is.
type DonorKind string

// The kinds of donor.
const (
	DonorOrganisation DonorKind = "organisation"
	DonorCompany      DonorKind = "company"
	DonorPerson       DonorKind = "person"
)

// DonorKinds lists the kinds of donor.
func DonorKinds() []DonorKind { return []DonorKind{DonorOrganisation, DonorCompany, DonorPerson} }

// Donor is who gave stock in kind. A donor is recorded by an organisation
// (OrgID) and seen by its subtree and the organisations above it; the
// sponsors of a later issue grow out of this record.
type Donor struct {
	ID         int64     `json:"id"`
	Name       string    `json:"name"`
	Kind       DonorKind `json:"kind"`
	DonorOrgID int64     `json:"donor_org_id,omitempty"` // the organisation of the registry the donor is
	Contact    string    `json:"contact,omitempty"`
	OrgID      int64     `json:"org_id"`
	CreatedAt  time.Time `json:"created_at"`
	orgPath    string
	regionPath string // of the organisation that recorded the donor
}

// DonorInput records a donor. OrgID is the recording organisation, the
// principal's own when 0.
type DonorInput struct {
	Name       string
	Kind       DonorKind
	DonorOrgID int64
	Contact    string
	OrgID      int64
}

// CreateDonor records a donor; p must record movements of stock.
func (s *Service) CreateDonor(ctx context.Context, p access.Principal, in DonorInput) (Donor, error) {
	if err := access.Can(p, access.MoveStock, p.Scope()); err != nil {
		return Donor{}, err
	}
	var d Donor
	err := s.db.Tx(ctx, func(tx *sql.Tx) (err error) {
		d, err = s.createDonor(ctx, tx, p, in, true)
		return err
	})
	return d, err
}

// CreateDonorTx records a donor in the caller's transaction tx, for a
// domain that keeps more of the same party beside it (a sponsor is a
// donor, and sponsors are seen throughout the organisation subtree,
// whatever the region). The recording organisation must lie in p's
// subtree; which action p needs is the caller's check.
func (s *Service) CreateDonorTx(ctx context.Context, tx *sql.Tx, p access.Principal, in DonorInput) (Donor, error) {
	return s.createDonor(ctx, tx, p, in, false)
}

// createDonor records a donor in tx. With seen, the recording
// organisation must also be one whose donors p sees (donorSeen): for p
// bound to a region, p's own organisation or one of that region, as a
// donor of the ledger recorded for an organisation elsewhere would be
// hidden from p at once.
func (s *Service) createDonor(ctx context.Context, tx *sql.Tx, p access.Principal, in DonorInput, seen bool) (Donor, error) {
	fs := checkDonor(&in)
	if in.OrgID == 0 {
		in.OrgID = p.OrgID
	}
	if in.OrgID == 0 {
		fs = append(fs, errs.Field("org_id", "error.required", "Field", "org_id"))
	}
	if err := errs.Validation(fs...); err != nil {
		return Donor{}, err
	}
	d := Donor{Name: in.Name, Kind: in.Kind, DonorOrgID: in.DonorOrgID, Contact: in.Contact, CreatedAt: s.now().UTC()}
	org, err := s.scopeOrg(ctx, tx, in.OrgID, "org_id")
	if err != nil {
		return Donor{}, err
	}
	if !access.Within(p, access.Target{OrgPath: org.path, RegionPath: p.RegionPath}) {
		return Donor{}, errs.Validation(errs.Field("org_id", "error.org_out_of_scope"))
	}
	if seen && !donorSeen(p, Donor{orgPath: org.path, regionPath: org.regionPath}) {
		return Donor{}, errs.Validation(errs.Field("org_id", "error.stock_donor_region"))
	}
	if in.DonorOrgID != 0 {
		if _, err := s.scopeOrg(ctx, tx, in.DonorOrgID, "donor_org_id"); err != nil {
			return Donor{}, err
		}
	}
	d.OrgID, d.orgPath = org.id, org.path
	if err := tx.QueryRowContext(ctx, s.q.InsertDonor, d.Name, string(d.Kind), store.NullID(d.DonorOrgID), d.Contact,
		d.OrgID, d.orgPath, store.NullID(p.UserID), d.CreatedAt).Scan(&d.ID); err != nil {
		return Donor{}, err
	}
	return d, s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "donor", EntityID: itoa(d.ID),
		OrgPath: d.orgPath, After: d})
}

// RenameDonorTx changes donor id's name, kind and contact in the caller's
// transaction tx (a sponsor's edit); the recording organisation stays.
// Whether p may is the caller's check.
func (s *Service) RenameDonorTx(ctx context.Context, tx *sql.Tx, p access.Principal, id int64, in DonorInput) (Donor, error) {
	if err := errs.Validation(checkDonor(&in)...); err != nil {
		return Donor{}, err
	}
	before, err := s.donor(ctx, tx, p, id, "")
	if err != nil {
		return Donor{}, err
	}
	d := before
	d.Name, d.Kind, d.Contact = in.Name, in.Kind, in.Contact
	if _, err := tx.ExecContext(ctx, s.q.UpdateDonor, d.Name, string(d.Kind), d.Contact, id); err != nil {
		return Donor{}, err
	}
	return d, s.log.Record(ctx, tx, p, audit.Change{Action: "update", Entity: "donor", EntityID: itoa(d.ID),
		OrgPath: d.orgPath, Before: before, After: d})
}

// checkDonor cleans in and answers its field errors.
func checkDonor(in *DonorInput) []errs.FieldError {
	in.Name, in.Contact = text.Clean(in.Name), text.Clean(in.Contact)
	fs := valid.Name(nil, "name", in.Name, MaxName)
	fs = valid.Line(fs, "contact", in.Contact, MaxName)
	if in.Kind != DonorOrganisation && in.Kind != DonorCompany && in.Kind != DonorPerson {
		fs = append(fs, valid.Choice("kind", DonorKinds()...))
	}
	return fs
}

// Target is the donor's scope: its recording organisation, on no region.
func (d Donor) Target() access.Target { return access.Target{OrgPath: d.orgPath} }

// Donors lists the donors p sees: recorded in p's organisation subtree by
// an organisation of p's region, or above p's organisation, by name.
func (s *Service) Donors(ctx context.Context, p access.Principal) ([]Donor, error) {
	if err := access.Can(p, access.ViewStock, p.Scope()); err != nil {
		return nil, err
	}
	lo, hi := access.Span(p.OrgPath)
	rlo, rhi := access.Span(p.RegionPath)
	return store.Select(ctx, s.db.R, scanDonor, s.q.Donors, lo, hi, p.OrgPath, rlo, rhi)
}

// Donor returns donor id if p sees it.
func (s *Service) Donor(ctx context.Context, p access.Principal, id int64) (Donor, error) {
	if err := access.Can(p, access.ViewStock, p.Scope()); err != nil {
		return Donor{}, err
	}
	return s.donor(ctx, s.db.R, p, id, "")
}

// donor reads donor id for p; with a field, an unknown or unseen donor is
// that field's error, otherwise not found.
func (s *Service) donor(ctx context.Context, q store.Querier, p access.Principal, id int64, field string) (Donor, error) {
	d, err := scanDonor(q.QueryRowContext(ctx, s.q.DonorByID, id))
	if err == nil && !donorSeen(p, d) {
		err = sql.ErrNoRows
	}
	if errors.Is(err, sql.ErrNoRows) {
		if field != "" {
			return Donor{}, errs.Validation(errs.Field(field, "error.stock_donor_unknown"))
		}
		return Donor{}, errs.ErrNotFound
	}
	return d, err
}

// donorSeen: a donor recorded in p's subtree by an organisation of p's
// region, or above p's organisation.
func donorSeen(p access.Principal, d Donor) bool {
	return strings.HasPrefix(d.orgPath, p.OrgPath) && strings.HasPrefix(d.regionPath, p.RegionPath) ||
		strings.HasPrefix(p.OrgPath, d.orgPath)
}

func scanDonor(sc store.Scanner) (Donor, error) {
	var d Donor
	var org sql.NullInt64
	err := sc.Scan(&d.ID, &d.Name, &d.Kind, &org, &d.Contact, &d.OrgID, &d.orgPath, &d.CreatedAt, &d.regionPath)
	d.DonorOrgID, d.CreatedAt = org.Int64, d.CreatedAt.UTC()
	return d, err
}
