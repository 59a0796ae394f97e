package eligibility

import (
	"context"
	"fmt"
	"strings"

	"github.com/jolproject/jol/internal/store"
)

// PlacePlan returns the engine's plan of the query that reads request
// id's place (Place), for the benchmarks to show what their figures
// come from: EXPLAIN QUERY PLAN on SQLite, EXPLAIN on PostgreSQL.
func (s *Service) PlacePlan(ctx context.Context, id int64) (string, error) {
	var campaign int64
	var c current
	err := s.db.R.QueryRowContext(ctx, store.Rebind(s.db.Engine,
		"SELECT campaign_id, rank_region, score, requested_at FROM request_scores WHERE request_id = $1"), id).
		Scan(&campaign, &c.region, &c.score, &c.at)
	if err != nil {
		return "", err
	}
	at := c.at.UTC()
	on := store.Day(at)
	explain, col := "EXPLAIN ", 0
	if s.db.Engine == store.SQLite {
		explain, col = "EXPLAIN QUERY PLAN ", 3
	}
	rows, err := s.db.R.QueryContext(ctx, explain+s.q.Place, campaign, c.region, c.score, on, s.db.SortableTime(on),
		s.db.SortableTime(at), id)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "%v\n", vals[col])
	}
	return b.String(), rows.Err()
}
