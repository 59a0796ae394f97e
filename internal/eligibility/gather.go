package eligibility

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// subject is a request as Rescore sees it: what the registry knows of its
// person, the items it asks for and whether it may be ranked at all.
type subject struct {
	id        int64
	status    string // the request's status
	household int64
	facts     Facts
	items     []int64
}

// closed are the request statuses that take no place in a ranking.
var closed = map[string]bool{"rejected": true, "withdrawn": true}

// gatherQueries read the facts of a set of requests, named by the first
// argument of each: a campaign (queries.sql) or one request (single.sql).
type gatherQueries struct{ requests, lines, categories, children, received string }

func (s *Service) campaignQueries() gatherQueries {
	return gatherQueries{s.q.GatherRequests, s.q.GatherLines, s.q.GatherCategories, s.q.GatherChildren, s.q.GatherReceived}
}

func (s *Service) oneQueries() gatherQueries {
	return gatherQueries{s.q.OneRequest, s.q.OneLines, s.q.OneCategories, s.q.OneChildren, s.q.OneReceived}
}

// gather reads the facts of every request of a set (a campaign's, sorted
// by id, or one) in five queries, each a single pass over the set, in one
// read-only transaction: requests with person and household, the items
// asked for, the categories held, the children of each household and the
// items received this year elsewhere. Nothing is read request by request.
func (s *Service) gather(ctx context.Context, q gatherQueries, set int64, day time.Time) ([]subject, error) {
	conn, err := s.db.R.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()

	var subs []subject
	at := map[int64]int32{} // request id to index in subs
	rows, err := tx.QueryContext(ctx, q.requests, set)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var sb subject
		var birth sql.NullTime
		f := &sb.facts
		if err := rows.Scan(&sb.id, &sb.status, &f.RequestDate, &f.RegionPath, &birth, &f.Grade, &f.Institution,
			&f.Disability, &f.Income, &f.SingleGuardian, &sb.household); err != nil {
			rows.Close()
			return nil, err
		}
		f.BirthDate, f.RequestDate = store.TimeOf(birth), f.RequestDate.UTC()
		at[sb.id] = int32(len(subs))
		subs = append(subs, sb)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := eachPair(ctx, tx, q.lines, func(req, item int64) {
		if i, ok := at[req]; ok {
			subs[i].items = append(subs[i].items, item)
		}
	}, set); err != nil {
		return nil, err
	}
	if err := s.gatherCategories(ctx, tx, q.categories, set, subs, at); err != nil {
		return nil, err
	}
	children := map[int64]int{}
	if err := eachPair(ctx, tx, q.children, func(hh, n int64) { children[hh] = int(n) },
		set, day.AddDate(-18, 0, 0)); err != nil {
		return nil, err
	}
	for i := range subs {
		subs[i].facts.Children = children[subs[i].household]
	}
	from := time.Date(day.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	err = eachPair(ctx, tx, q.received, func(req, item int64) {
		if i, ok := at[req]; ok {
			subs[i].facts.Received = append(subs[i].facts.Received, item)
		}
	}, set, from, from.AddDate(1, 0, 0))
	return subs, err
}

func (s *Service) gatherCategories(ctx context.Context, tx *sql.Tx, query string, set int64, subs []subject, at map[int64]int32) error {
	rows, err := tx.QueryContext(ctx, query, set)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var req int64
		var h Held
		var exp sql.NullTime
		if err := rows.Scan(&req, &h.Code, &exp); err != nil {
			return err
		}
		h.Expires = store.TimeOf(exp)
		if i, ok := at[req]; ok {
			subs[i].facts.Categories = append(subs[i].facts.Categories, h)
		}
	}
	return rows.Err()
}

// eachPair runs a query of two integer columns and hands each row to fn.
func eachPair(ctx context.Context, tx *sql.Tx, query string, fn func(a, b int64), args ...any) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var a, b int64
		if err := rows.Scan(&a, &b); err != nil {
			return err
		}
		fn(a, b)
	}
	return rows.Err()
}
