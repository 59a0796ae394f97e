package volunteers

import (
	"context"
	"database/sql"
)

// RepathOrgs moves the organisation paths needs and hours copy from old
// to new, in the transaction of the move (wired to orgs.Service.OnMove).
func (s *Service) RepathOrgs(ctx context.Context, tx *sql.Tx, old, new string) error {
	return s.repath(ctx, tx, old, new, s.q.RepathNeedOrgs, s.q.RepathHoursOrgs)
}

// RepathRegions moves the region paths needs and hours copy (wired to
// geo.Service.OnMove).
func (s *Service) RepathRegions(ctx context.Context, tx *sql.Tx, old, new string) error {
	return s.repath(ctx, tx, old, new, s.q.RepathNeedRegions, s.q.RepathHoursRegions)
}

func (s *Service) repath(ctx context.Context, tx *sql.Tx, old, new string, queries ...string) error {
	for _, q := range queries {
		if _, err := tx.ExecContext(ctx, q, new, len(old)+1, old+"%"); err != nil {
			return err
		}
	}
	return nil
}
