package mentoring

import (
	"context"
	"database/sql"
)

// RepathOrgs moves the organisation paths mentors and cohorts copy from
// old to new, in the transaction of the move (wired to
// orgs.Service.OnMove).
func (s *Service) RepathOrgs(ctx context.Context, tx *sql.Tx, old, new string) error {
	return s.repath(ctx, tx, old, new, s.q.RepathMentorOrgs, s.q.RepathCohortOrgs)
}

// RepathRegions moves the region paths mentors and cohorts copy (wired to
// geo.Service.OnMove).
func (s *Service) RepathRegions(ctx context.Context, tx *sql.Tx, old, new string) error {
	return s.repath(ctx, tx, old, new, s.q.RepathMentorRegions, s.q.RepathCohortRegions)
}

func (s *Service) repath(ctx context.Context, tx *sql.Tx, old, new string, queries ...string) error {
	for _, q := range queries {
		if _, err := tx.ExecContext(ctx, q, new, len(old)+1, old+"%"); err != nil {
			return err
		}
	}
	return nil
}
