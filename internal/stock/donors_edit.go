package stock

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// A donor is edited in place: its name, kind, contact and the
// organisation of the registry it is change, its id does not, so every
// gift recorded from it (the ledger's documents and lots name the donor
// by id) stays its own. Who may edit a donor is who may record one there:
// a mover of stock whose organisation subtree holds the donor's recording
// organisation, which stays; a donor recorded above the editor's
// organisation is seen but not edited.

// DonorHook hears of donor d edited, in the edit's transaction tx: a
// domain that keeps more of the same party beside it (a sponsor) brings
// its own copy along. An error undoes the edit.
type DonorHook func(ctx context.Context, tx *sql.Tx, d Donor) error

// OnDonorEdit registers fn to hear of every donor EditDonor edits. Call
// it while the services are built, before they are used.
func (s *Service) OnDonorEdit(fn DonorHook) { s.donorEdited = append(s.donorEdited, fn) }

// EditDonor changes donor id's name, kind, contact and registry
// organisation (DonorOrgID, 0 for none) to in's, and records the change;
// in.OrgID is not read. p must record movements of stock in the donor's
// recording organisation.
func (s *Service) EditDonor(ctx context.Context, p access.Principal, id int64, in DonorInput) (Donor, error) {
	if err := access.Can(p, access.MoveStock, p.Scope()); err != nil {
		return Donor{}, err
	}
	fs := checkDonor(&in)
	var d Donor
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		before, err := s.donor(ctx, tx, p, id, "")
		if err != nil {
			return err
		}
		if err := before.canEdit(p); err != nil {
			return err
		}
		if err := errs.Validation(fs...); err != nil {
			return err
		}
		if in.DonorOrgID != 0 && in.DonorOrgID != before.DonorOrgID {
			if _, err := s.scopeOrg(ctx, tx, in.DonorOrgID, "donor_org_id"); err != nil {
				return err
			}
		}
		d = before
		d.Name, d.Kind, d.Contact, d.DonorOrgID = in.Name, in.Kind, in.Contact, in.DonorOrgID
		if _, err := tx.ExecContext(ctx, s.q.EditDonor, d.Name, string(d.Kind), d.Contact, store.NullID(d.DonorOrgID),
			id); err != nil {
			return err
		}
		for _, fn := range s.donorEdited {
			if err := fn(ctx, tx, d); err != nil {
				return err
			}
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "update", Entity: "donor", EntityID: itoa(d.ID),
			OrgPath: d.orgPath, Before: before, After: d})
	})
	return d, err
}

// canEdit refuses p the edit of d unless p records movements of stock in
// d's recording organisation, as for recording a donor there; a donor
// has no region, so p's own stands for it.
func (d Donor) canEdit(p access.Principal) error {
	return access.Can(p, access.MoveStock, access.Target{OrgPath: d.orgPath, RegionPath: p.RegionPath})
}

// EditableBy reports whether p may edit d (EditDonor).
func (d Donor) EditableBy(p access.Principal) bool { return d.canEdit(p) == nil }
