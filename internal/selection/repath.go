package selection

import (
	"context"
	"database/sql"
)

// RepathOrgs moves the organisation paths selections, scores and appeals
// copy from old to new, in the transaction of the move (wired to
// orgs.Service.OnMove).
func (s *Service) RepathOrgs(ctx context.Context, tx *sql.Tx, old, new string) error {
	return s.repath(ctx, tx, old, new, s.q.RepathSelectionOrgs, s.q.RepathScoreOrgs, s.q.RepathAppealOrgs)
}

// RepathRegions moves the region paths they copy (wired to
// geo.Service.OnMove).
func (s *Service) RepathRegions(ctx context.Context, tx *sql.Tx, old, new string) error {
	return s.repath(ctx, tx, old, new, s.q.RepathSelectionRegions, s.q.RepathScoreRegions, s.q.RepathAppealRegions)
}

func (s *Service) repath(ctx context.Context, tx *sql.Tx, old, new string, queries ...string) error {
	for _, q := range queries {
		if _, err := tx.ExecContext(ctx, q, new, len(old)+1, old+"%"); err != nil {
			return err
		}
	}
	return nil
}
