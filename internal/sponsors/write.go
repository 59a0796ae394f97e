package sponsors

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

// Create records a new sponsor and its donor in one transaction.
func (s *Service) Create(ctx context.Context, p access.Principal, in Input) (Sponsor, error) {
	if err := access.Can(p, access.ManageSponsors, p.Scope()); err != nil {
		return Sponsor{}, err
	}
	if err := errs.Validation(check(&in)...); err != nil {
		return Sponsor{}, err
	}
	var id int64
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		d, err := s.stock.CreateDonorTx(ctx, tx, p, stock.DonorInput{Name: in.Name, Kind: in.Kind, OrgID: in.OrgID})
		if err != nil {
			return err
		}
		id = d.ID
		return s.insert(ctx, tx, p, id, in)
	})
	if err != nil {
		return Sponsor{}, err
	}
	return s.Get(ctx, p, id)
}

// Adopt makes an existing donor of the ledger a sponsor, so its stock
// receipts count as its gifts in kind; in's name and kind replace the
// donor's.
func (s *Service) Adopt(ctx context.Context, p access.Principal, donor int64, in Input) (Sponsor, error) {
	if err := access.Can(p, access.ManageSponsors, p.Scope()); err != nil {
		return Sponsor{}, err
	}
	if err := errs.Validation(check(&in)...); err != nil {
		return Sponsor{}, err
	}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var path string
		if err := tx.QueryRowContext(ctx, s.q.DonorFree, donor).Scan(&path); err != nil {
			return store.NotFound(err)
		}
		if path == "" {
			return errs.New(errs.Conflict, "error.sponsor_exists")
		}
		if err := access.Can(p, access.ManageSponsors, access.Target{OrgPath: path, RegionPath: p.RegionPath}); err != nil {
			return errs.ErrNotFound
		}
		if _, err := s.stock.RenameDonorTx(ctx, tx, p, donor, stock.DonorInput{Name: in.Name, Kind: in.Kind}); err != nil {
			return err
		}
		return s.insert(ctx, tx, p, donor, in)
	})
	if err != nil {
		return Sponsor{}, err
	}
	return s.Get(ctx, p, donor)
}

// insert writes the sponsor row of donor id with its contacts and
// campaigns, and its change log entry.
func (s *Service) insert(ctx context.Context, tx *sql.Tx, p access.Principal, id int64, in Input) error {
	if err := s.checkRefs(ctx, tx, in, id); err != nil {
		return err
	}
	now := s.now().UTC()
	c := consentOf(p, in.Consent, Sponsor{}, now)
	if _, err := tx.ExecContext(ctx, s.q.InsertSponsor, id, in.Language, c.at, store.NullID(c.by), c.name, in.Notes,
		store.NullID(in.UserID), geo.Fold(in.Name), store.NullID(p.UserID), now); err != nil {
		if store.IsUniqueViolation(err) {
			return errs.Validation(errs.Field("user_id", "error.sponsor_login_taken"))
		}
		return err
	}
	if err := s.writeLists(ctx, tx, id, in); err != nil {
		return err
	}
	after, err := s.get(ctx, tx, id)
	if err != nil {
		return err
	}
	return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "sponsor", EntityID: itoa(id),
		OrgPath: after.orgPath, After: after})
}

// Update edits sponsor id from the version the caller read; another edit
// in between answers error.sponsor_changed.
func (s *Service) Update(ctx context.Context, p access.Principal, id int64, in Input) (Sponsor, error) {
	if err := access.Can(p, access.ManageSponsors, p.Scope()); err != nil {
		return Sponsor{}, err
	}
	if err := errs.Validation(check(&in)...); err != nil {
		return Sponsor{}, err
	}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		before, err := s.get(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := access.Can(p, access.ManageSponsors, before.Target(p)); err != nil {
			return errs.ErrNotFound
		}
		if err := s.checkRefs(ctx, tx, in, id); err != nil {
			return err
		}
		if _, err := s.stock.RenameDonorTx(ctx, tx, p, id, stock.DonorInput{Name: in.Name, Kind: in.Kind}); err != nil {
			return err
		}
		now := s.now().UTC()
		c := consentOf(p, in.Consent, before, now)
		res, err := tx.ExecContext(ctx, s.q.UpdateSponsor, in.Language, c.at, store.NullID(c.by), c.name, in.Notes,
			store.NullID(in.UserID), geo.Fold(in.Name), now, id, in.Version)
		if err != nil {
			if store.IsUniqueViolation(err) {
				return errs.Validation(errs.Field("user_id", "error.sponsor_login_taken"))
			}
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return errs.New(errs.Conflict, "error.sponsor_changed")
		}
		if err := s.writeLists(ctx, tx, id, in); err != nil {
			return err
		}
		after, err := s.get(ctx, tx, id)
		if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "update", Entity: "sponsor", EntityID: itoa(id),
			OrgPath: after.orgPath, Before: before, After: after})
	})
	if err != nil {
		return Sponsor{}, err
	}
	return s.Get(ctx, p, id)
}

// writeLists replaces the sponsor's contacts and campaigns.
func (s *Service) writeLists(ctx context.Context, tx *sql.Tx, id int64, in Input) error {
	for _, q := range []string{s.q.DeleteContacts, s.q.DeleteCampaigns} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return err
		}
	}
	for i, c := range in.Contacts {
		if _, err := tx.ExecContext(ctx, s.q.InsertContact, id, i+1, string(c.Kind), c.Value); err != nil {
			return err
		}
	}
	for _, c := range in.CampaignIDs {
		if _, err := tx.ExecContext(ctx, s.q.InsertCampaign, id, c); err != nil {
			return err
		}
	}
	return nil
}

// consent is what the consent columns hold.
type consent struct {
	at   sql.NullTime
	by   int64
	name string
}

// consentOf keeps the date and recorder of a consent already given,
// records p now for a new one, and clears them when it is withdrawn.
func consentOf(p access.Principal, given bool, before Sponsor, now time.Time) consent {
	switch {
	case !given:
		return consent{}
	case before.Consent:
		return consent{at: sql.NullTime{Time: before.ConsentAt, Valid: true}, by: before.ConsentBy, name: before.ConsentName}
	}
	return consent{at: sql.NullTime{Time: now, Valid: true}, by: p.UserID, name: p.Name}
}

// DonorEdited brings a sponsor along when its donor d is edited on the
// stock's donor page (stock.Service.OnDonorEdit), in that edit's
// transaction tx: the sponsor's search key follows the new name and its
// version moves on. A donor who is no sponsor is left alone.
func (s *Service) DonorEdited(ctx context.Context, tx *sql.Tx, d stock.Donor) error {
	_, err := tx.ExecContext(ctx, s.q.DonorEdited, geo.Fold(d.Name), s.now().UTC(), d.ID)
	return err
}
