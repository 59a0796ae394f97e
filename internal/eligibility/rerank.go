package eligibility

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
)

// rerank gives requests whose status changed the place their status
// allows now, their results unchanged: out of the ranking when rejected
// or withdrawn, back in when taken up again (an eligible result only).
// It writes through writeChanges, so the tallies move with them.
func (s *Service) rerank(ctx context.Context, ids []int64) error {
	rows, err := s.db.R.QueryContext(ctx, s.q.StatusRows, idsJSON(ids))
	if err != nil {
		return err
	}
	var cs []change
	var campaigns []int64
	for rows.Next() {
		var c change
		var status, requestStatus string
		var was bool
		if err := rows.Scan(&c.id, &c.campaign, &c.run, &status, &c.sc.score, &c.sc.region, &was, &c.at,
			&c.sc.digest, &requestStatus); err != nil {
			rows.Close()
			return err
		}
		c.sc.status, c.at = Status(status), c.at.UTC()
		if c.ranked = c.sc.status == Eligible && !closed[requestStatus]; c.ranked != was {
			cs = append(cs, c)
			campaigns = append(campaigns, c.campaign)
		}
	}
	err = rows.Err()
	rows.Close()
	if err != nil || len(cs) == 0 {
		return err
	}
	slices.SortFunc(cs, func(a, b change) int { return cmp.Compare(a.id, b.id) })
	campaigns = slices.Compact(slices.Sorted(slices.Values(campaigns)))
	return s.writeTx(ctx, func(conn *sql.Conn, tx *sql.Tx) error {
		for _, c := range campaigns {
			if _, err := tx.ExecContext(ctx, s.q.LockRuns, c); err != nil {
				return err
			}
		}
		now := s.now().UTC()
		_, err := s.writeChanges(ctx, conn, tx, cs, now, now) // writes no result: the digests are the same
		return err
	})
}
