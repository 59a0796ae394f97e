package campaign

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Create records a draft campaign organised by in.OrganiserID, an
// organisation p manages campaigns of.
func (s *Service) Create(ctx context.Context, p access.Principal, in Input) (Campaign, error) {
	if err := access.Can(p, access.ManageCampaigns, p.Scope()); err != nil {
		return Campaign{}, err
	}
	fs := in.clean()
	var id int64
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		org, regions, fs, err := s.resolve(ctx, tx, p, 0, &in, fs)
		if err != nil {
			return err
		}
		if err := errs.Validation(fs...); err != nil {
			return err
		}
		now := s.now().UTC()
		if err := tx.QueryRowContext(ctx, s.q.InsertCampaign, in.Slug, string(in.Programme), org.id, org.path,
			in.StartsOn, in.EndsOn, store.NullDate(in.ApplyUntil), in.Budget, in.Currency, store.NullID(in.PreviousID),
			store.NullID(p.UserID), now).Scan(&id); err != nil {
			return err
		}
		if err := s.writeParts(ctx, tx, id, in, regions); err != nil {
			return err
		}
		c, err := s.load(ctx, tx, s.q.CampaignByID, id)
		if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "campaign", EntityID: itoa(id),
			OrgPath: c.orgPath, RegionPath: c.regionPath, After: c})
	})
	if err != nil {
		return Campaign{}, err
	}
	return s.Get(ctx, p, id)
}

// Update replaces campaign id, which p read at version, with in. A
// campaign changed since version is not overwritten: the second editor is
// told (error.campaign_changed) and sees the new one when they reload. A
// reported campaign is frozen.
func (s *Service) Update(ctx context.Context, p access.Principal, id int64, version int, in Input) (Campaign, error) {
	fs := in.clean()
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		before, err := s.managed(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if before.Version != version {
			return errChanged(before)
		}
		if before.Status == Reported {
			return errs.New(errs.Conflict, "error.campaign_reported")
		}
		org, regions, fs, err := s.resolve(ctx, tx, p, id, &in, fs)
		if err != nil {
			return err
		}
		if err := errs.Validation(fs...); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q.UpdateCampaign, in.Slug, string(in.Programme), org.id, org.path,
			in.StartsOn, in.EndsOn, store.NullDate(in.ApplyUntil), in.Budget, in.Currency, store.NullID(in.PreviousID),
			s.now().UTC(), id, version)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return errChanged(before)
		}
		if err := s.writeParts(ctx, tx, id, in, regions); err != nil {
			return err
		}
		after, err := s.load(ctx, tx, s.q.CampaignByID, id)
		if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "update", Entity: "campaign", EntityID: itoa(id),
			OrgPath: after.orgPath, RegionPath: after.regionPath, Before: before, After: after})
	})
	if err != nil {
		return Campaign{}, err
	}
	return s.Get(ctx, p, id)
}
