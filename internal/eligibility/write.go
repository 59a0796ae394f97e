package eligibility

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// change is a request's new result, to be made current under run.
type change struct {
	id, campaign, run int64
	version           int
	at                time.Time // when the request was made
	sc                scored
	ranked            bool
	// before is the place the request held when a recalculation began,
	// with the run of its result then; beforeRun is 0 when not known.
	before    Place
	beforeRun int64
}

var resultColumns = []string{"request_id", "run", "campaign_id", "version", "status", "score", "rank_region", "rank",
	"rank_of", "requested_at", "detail", "decided_on", "computed_at"}

// writeChanges writes changes (sorted by request id) in the transaction
// tx open on conn, which holds the lock of each campaign written (NextRun
// or LockRuns), and returns how many new results it wrote. It reads the
// rows it replaces first, in the transaction, so it always knows what it
// replaces: a request evaluated again under a later run since is left
// alone; a result whose digest has not changed is not written again
// (only whether it is ranked, when that changed); a result replaced keeps
// the place it held, and the tallies move with the ranked.
func (s *Service) writeChanges(ctx context.Context, conn *sql.Conn, tx *sql.Tx, cs []change, day, now time.Time) (int, error) {
	ids := make([]int64, len(cs))
	for i, c := range cs {
		ids[i] = c.id
	}
	olds, err := s.currentRows(ctx, tx, ids)
	if err != nil {
		return 0, err
	}
	var freeze, results, scores [][]any
	t := tallies{}
	for i := range cs {
		c := &cs[i]
		old, had := olds[c.id]
		if had && old.run > c.run {
			continue
		}
		same := had && old.digest == c.sc.digest
		if same && old.ranked == c.ranked {
			continue
		}
		run := c.run
		if same {
			run = old.run
		} else {
			results = append(results, []any{c.id, c.run, c.campaign, c.version, string(c.sc.status), c.sc.score,
				c.sc.region, 0, 0, c.at, string(c.sc.detail), day, now})
			if had && old.ranked {
				pl := c.before
				if c.beforeRun != old.run || pl.Rank == 0 {
					if pl, err = s.placeOf(ctx, tx, old.campaign, c.id, old.current); err != nil {
						return 0, err
					}
				}
				freeze = append(freeze, []any{c.id, old.run, pl.Rank, pl.Of})
			}
		}
		if had && old.ranked {
			t.add(old.campaign, old.region, old.score, old.at, -1)
		}
		if c.ranked {
			t.add(c.campaign, c.sc.region, c.sc.score, c.at, 1)
		}
		scores = append(scores, []any{c.id, c.campaign, run, string(c.sc.status), c.sc.score, c.sc.region, c.ranked,
			s.db.SortableTime(c.at), c.sc.digest})
	}
	if err := store.BulkExec(ctx, conn, s.q.FreezePlace, freeze); err != nil {
		return 0, err
	}
	if err := store.Bulk(ctx, conn, "request_results", resultColumns, results); err != nil {
		return 0, err
	}
	if err := store.BulkExec(ctx, conn, s.q.UpsertScore, scores); err != nil {
		return 0, err
	}
	return len(results), store.BulkExec(ctx, conn, s.q.AddTally, t.rows())
}

// storedRow is a request's current row as the writing transaction reads it.
type storedRow struct {
	campaign int64
	current
}

// currentRows reads the current rows of requests ids, by request id.
func (s *Service) currentRows(ctx context.Context, tx *sql.Tx, ids []int64) (map[int64]storedRow, error) {
	rows, err := tx.QueryContext(ctx, s.q.CurrentRows, idsJSON(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[int64]storedRow)
	for rows.Next() {
		var id int64
		var r storedRow
		if err := rows.Scan(&id, &r.campaign, &r.run, &r.score, &r.region, &r.ranked, &r.at, &r.digest); err != nil {
			return nil, err
		}
		r.at = r.at.UTC()
		out[id] = r
	}
	return out, rows.Err()
}

// writeTx runs fn in a write transaction on a connection of its own, as
// store.Bulk needs.
func (s *Service) writeTx(ctx context.Context, fn func(conn *sql.Conn, tx *sql.Tx) error) error {
	conn, err := s.db.W.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(conn, tx); err != nil {
		return err
	}
	return tx.Commit()
}

// idsJSON is ids as a JSON array, the form set.sql and write.sql take.
func idsJSON(ids []int64) string {
	b := make([]byte, 0, 2+8*len(ids))
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ']'))
}
