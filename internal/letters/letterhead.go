package letters

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/letterhead"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
)

// Letterhead is how an organisation heads and signs its letters, kept by
// package letterhead, which the sponsors' receipts read too.
type Letterhead = letterhead.Letterhead

// Letterhead returns organisation org's letterhead.
func (s *Service) Letterhead(ctx context.Context, p access.Principal, org int64) (Letterhead, error) {
	o, err := s.orgFor(ctx, p, org, access.ViewLetters)
	if err != nil {
		return Letterhead{}, err
	}
	return s.letterhead(ctx, s.db.R, o)
}

func (s *Service) letterhead(ctx context.Context, q store.Querier, o orgs.Organisation) (Letterhead, error) {
	return s.heads.Of(ctx, q, o.ID, o.Name)
}

// SaveLetterhead writes organisation org's letterhead; in.Version is the
// version read.
func (s *Service) SaveLetterhead(ctx context.Context, p access.Principal, org int64, in Letterhead) (Letterhead, error) {
	o, err := s.orgFor(ctx, p, org, access.ManageLetters)
	if err != nil {
		return Letterhead{}, err
	}
	in.OrgID = org
	if in, err = letterhead.Clean(in); err != nil {
		return Letterhead{}, err
	}
	var out Letterhead
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := s.heads.Save(ctx, tx, in, p.UserID, s.Now()); err != nil {
			return err
		}
		if out, err = s.letterhead(ctx, tx, o); err != nil {
			return err
		}
		return s.Audit.Record(ctx, tx, p, audit.Change{Action: "save", Entity: "letterhead", EntityID: itoa(org),
			OrgPath: o.Path, After: out})
	})
	return out, err
}

// orgFor returns organisation id when p may do a on its letters: staff of
// its subtree. Anyone else is told it does not exist.
func (s *Service) orgFor(ctx context.Context, p access.Principal, id int64, a access.Action) (orgs.Organisation, error) {
	if err := access.Can(p, a, p.Scope()); err != nil {
		return orgs.Organisation{}, err
	}
	o, err := s.Orgs.Get(ctx, access.System, id)
	if err != nil {
		return orgs.Organisation{}, err
	}
	if access.Can(p, a, access.Target{OrgPath: o.Path, RegionPath: p.RegionPath}) != nil {
		return orgs.Organisation{}, errs.ErrNotFound
	}
	return o, nil
}
