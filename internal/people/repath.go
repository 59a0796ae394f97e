package people

import (
	"context"
	"database/sql"
)

// Persons and households copy the paths of their organisation and region,
// so that scope checks need no join. When an organisation or a region
// subtree moves, the wiring hands these to orgs.Service.OnMove and
// geo.Service.OnMove, and the copies move in the same transaction.

// RepathOrgs moves the organisation paths under old to new.
func (s *Service) RepathOrgs(ctx context.Context, tx *sql.Tx, old, new string) error {
	return s.repath(ctx, tx, old, new, s.q.RepathPersonOrgs, s.q.RepathHouseholdOrgs)
}

// RepathRegions moves the region paths under old to new.
func (s *Service) RepathRegions(ctx context.Context, tx *sql.Tx, old, new string) error {
	return s.repath(ctx, tx, old, new, s.q.RepathPersonRegions, s.q.RepathHouseholdRegions)
}

func (s *Service) repath(ctx context.Context, tx *sql.Tx, old, new string, queries ...string) error {
	for _, q := range queries {
		if _, err := tx.ExecContext(ctx, q, new, len(old)+1, old+"%"); err != nil {
			return err
		}
	}
	return nil
}
