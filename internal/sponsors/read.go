package sponsors

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

// Get returns sponsor id when p may see it: staff of its organisation's
// subtree, or the sponsor's own portal login.
func (s *Service) Get(ctx context.Context, p access.Principal, id int64) (Sponsor, error) {
	sp, err := s.get(ctx, s.db.R, id)
	if err != nil {
		return Sponsor{}, err
	}
	if err := s.canSee(p, sp); err != nil {
		return Sponsor{}, err
	}
	return sp, nil
}

// canSee: staff who may view sponsors within the sponsor's scope, or the
// sponsor's own login. Anyone else is told it does not exist.
func (s *Service) canSee(p access.Principal, sp Sponsor) error {
	if p.Role == access.Sponsor {
		if access.Can(p, access.OwnGiving, access.Target{}) == nil && p.UserID != 0 && sp.UserID == p.UserID {
			return nil
		}
		return errs.ErrNotFound
	}
	if err := access.Can(p, access.ViewSponsors, p.Scope()); err != nil {
		return err
	}
	if access.Can(p, access.ViewSponsors, sp.Target(p)) != nil {
		return errs.ErrNotFound
	}
	return nil
}

// Mine returns the sponsor whose portal login p is; a user of role sponsor
// linked to none is told so (error.sponsor_not_linked).
func (s *Service) Mine(ctx context.Context, p access.Principal) (Sponsor, error) {
	if err := access.Can(p, access.OwnGiving, access.Target{}); err != nil {
		return Sponsor{}, err
	}
	var id int64
	err := s.db.R.QueryRowContext(ctx, s.q.SponsorByUser, p.UserID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Sponsor{}, errs.New(errs.NotFound, "error.sponsor_not_linked")
	}
	if err != nil {
		return Sponsor{}, err
	}
	return s.get(ctx, s.db.R, id)
}

// get reads sponsor id with its contacts and campaigns, unchecked.
func (s *Service) get(ctx context.Context, q store.Querier, id int64) (Sponsor, error) {
	sp, err := scanSponsor(q.QueryRowContext(ctx, s.q.SponsorByID, id))
	if err != nil {
		return Sponsor{}, store.NotFound(err)
	}
	if sp.Contacts, err = store.Select(ctx, q, func(sc store.Scanner) (Contact, error) {
		var c Contact
		return c, sc.Scan(&c.Kind, &c.Value)
	}, s.q.Contacts, id); err != nil {
		return Sponsor{}, err
	}
	if sp.CampaignIDs, err = store.Select(ctx, q, store.ScanID, s.q.Campaigns, id); err != nil {
		return Sponsor{}, err
	}
	if sp.Contacts == nil {
		sp.Contacts = []Contact{}
	}
	if sp.CampaignIDs == nil {
		sp.CampaignIDs = []int64{}
	}
	return sp, nil
}

// Filter narrows the list of sponsors: a search of the name, a campaign
// supported, only those who consented to be named.
type Filter struct {
	Query      string
	CampaignID int64
	Consenting bool
}

func (f Filter) args(p access.Principal) []any {
	lo, hi := access.Span(p.OrgPath)
	pattern := "%"
	if f.Query != "" {
		pattern = geo.ContainsPattern(f.Query)
	}
	consenting := 0
	if f.Consenting {
		consenting = 1
	}
	return []any{lo, hi, pattern, f.CampaignID, consenting}
}

// List is one page of the sponsors p sees, newest first.
func (s *Service) List(ctx context.Context, p access.Principal, f Filter, pg store.Page) ([]Sponsor, string, error) {
	if err := access.Can(p, access.ViewSponsors, p.Scope()); err != nil {
		return nil, "", err
	}
	rows, err := store.Select(ctx, s.db.R, scanSponsor, s.q.Sponsors,
		append(f.args(p), pg.BeforeArg(), pg.LimitArg(), pg.SkipArg())...)
	if err != nil {
		return nil, "", err
	}
	page, next := store.Trim(pg, rows, func(sp Sponsor) int64 { return sp.ID })
	return page, next, nil
}

// Count is how many sponsors the list of f holds, up to store.CountCap.
func (s *Service) Count(ctx context.Context, p access.Principal, f Filter) (store.Count, error) {
	if err := access.Can(p, access.ViewSponsors, p.Scope()); err != nil {
		return store.Count{}, err
	}
	return store.CountRows(ctx, s.db.R, s.q.Sponsors, append(f.args(p), store.Page{}.BeforeArg(), store.CountArg(), 0)...)
}

func scanSponsor(sc store.Scanner) (Sponsor, error) {
	var sp Sponsor
	var at sql.NullTime
	var by, user sql.NullInt64
	err := sc.Scan(&sp.ID, &sp.Name, &sp.Kind, &sp.OrgID, &sp.OrgName, &sp.orgPath, &sp.orgLocale, &sp.Language, &at,
		&by, &sp.ConsentName, &sp.Notes, &user, &sp.Version, &sp.CreatedAt, &sp.UpdatedAt)
	sp.Consent, sp.ConsentAt, sp.ConsentBy, sp.UserID = at.Valid, store.TimeOf(at), by.Int64, user.Int64
	sp.CreatedAt, sp.UpdatedAt = sp.CreatedAt.UTC(), sp.UpdatedAt.UTC()
	return sp, err
}

// InKind lists sponsor id's gifts in kind: the ledger's donations of its
// donor, newest first, with their items and quantities.
func (s *Service) InKind(ctx context.Context, p access.Principal, id int64) ([]stock.Gift, error) {
	if _, err := s.Get(ctx, p, id); err != nil {
		return nil, err
	}
	return s.stock.DonorDonations(ctx, s.db.R, id)
}
