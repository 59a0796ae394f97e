package eligibility

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// readRequests reads the requests of a set, in chunks, and the items they
// ask for.
func (s *Service) readRequests(ctx context.Context, q gatherQueries, set any) ([][]subject, []pair, error) {
	var chunks [][]subject
	var lines []pair
	err := s.readOnly(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, q.requests, set)
		if err != nil {
			return err
		}
		defer rows.Close()
		var cur []subject
		for rows.Next() {
			if len(cur) == chunk {
				chunks, cur = append(chunks, cur), nil
			}
			cur = append(cur, subject{}) // grows as usual up to a chunk: a batch is a few hundred
			sb := &cur[len(cur)-1]
			var birth sql.NullTime
			var dist sql.NullInt64
			f, c := &sb.facts, &sb.cur
			if err := rows.Scan(&sb.id, &sb.campaign, &sb.status, &f.RequestDate, &f.RegionPath, &birth, &f.Grade,
				&f.Institution, &f.Disability, &f.Income, &f.SingleGuardian, &sb.household, &dist,
				&c.run, &c.score, &c.region, &c.ranked, &c.digest); err != nil {
				return err
			}
			f.BirthDate, f.RequestDate = store.TimeOf(birth), f.RequestDate.UTC()
			f.DistanceKm, f.DistanceKnown = float64(dist.Int64)/1000, dist.Valid
			c.at = f.RequestDate // what request_scores.requested_at copies
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if len(cur) > 0 {
			chunks = append(chunks, cur)
		}
		return eachPair(ctx, tx, q.lines, func(req, item int64) { lines = append(lines, pair{req, item}) }, set)
	})
	return chunks, lines, err
}

// extras are the facts read beside the requests: categories and items
// received by request id, children by household id.
type extras struct {
	received   []pair
	categories []heldBy
	children   map[int64]int
}

type pair struct{ req, item int64 }

type heldBy struct {
	req  int64
	held Held
}

func (s *Service) readExtras(ctx context.Context, q gatherQueries, set any, day time.Time) (extras, error) {
	x := extras{children: map[int64]int{}}
	from := time.Date(day.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	err := s.readOnly(ctx, func(tx *sql.Tx) error {
		if err := eachPair(ctx, tx, q.received, func(req, item int64) { x.received = append(x.received, pair{req, item}) },
			set, from, from.AddDate(1, 0, 0)); err != nil {
			return err
		}
		if err := eachPair(ctx, tx, q.children, func(hh, n int64) { x.children[hh] = int(n) },
			set, day.AddDate(-18, 0, 0)); err != nil {
			return err
		}
		codes := map[int64]string{}
		err := eachRow(ctx, tx, s.q.CategoryIDs, func(sc store.Scanner) error {
			var id int64
			var code string
			err := sc.Scan(&id, &code)
			codes[id] = code
			return err
		})
		if err != nil {
			return err
		}
		return eachRow(ctx, tx, q.categories, func(sc store.Scanner) error {
			var h heldBy
			var id int64
			var exp sql.NullTime
			if err := sc.Scan(&h.req, &id, &exp); err != nil {
				return err
			}
			h.held = Held{Code: codes[id], Expires: store.TimeOf(exp)}
			x.categories = append(x.categories, h)
			return nil
		}, set)
	})
	return x, err
}
