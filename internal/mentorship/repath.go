package mentorship

import (
	"context"
	"database/sql"
)

// RepathOrgs moves the organisation paths mentorships and concerns copy
// (wired to orgs.Service.OnMove), in the move's transaction.
func (s *Service) RepathOrgs(ctx context.Context, tx *sql.Tx, old, new string) error {
	return s.repath(ctx, tx, old, new, s.q.RepathOrgs, s.q.RepathConcernOrgs)
}

// RepathRegions moves the region paths they copy (wired to
// geo.Service.OnMove).
func (s *Service) RepathRegions(ctx context.Context, tx *sql.Tx, old, new string) error {
	return s.repath(ctx, tx, old, new, s.q.RepathRegions, s.q.RepathConcernRegions)
}

func (s *Service) repath(ctx context.Context, tx *sql.Tx, old, new string, queries ...string) error {
	for _, q := range queries {
		if _, err := tx.ExecContext(ctx, q, new, len(old)+1, old+"%"); err != nil {
			return err
		}
	}
	return nil
}
