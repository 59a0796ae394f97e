package tournament

import (
	"context"
	"database/sql"
)

// RepathOrgs moves the organisation paths tournaments copy (wired to
// orgs.Service.OnMove), in the move's transaction.
func (s *Service) RepathOrgs(ctx context.Context, tx *sql.Tx, old, new string) error {
	_, err := tx.ExecContext(ctx, s.q.RepathOrgs, new, len(old)+1, old+"%")
	return err
}

// RepathRegions moves the region paths tournaments copy (wired to
// geo.Service.OnMove).
func (s *Service) RepathRegions(ctx context.Context, tx *sql.Tx, old, new string) error {
	_, err := tx.ExecContext(ctx, s.q.RepathRegions, new, len(old)+1, old+"%")
	return err
}
