package eligibility

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// subject is a request as Rescore sees it: what the registry knows of its
// person, the items it asks for, whether it may be ranked at all, and its
// current result.
type subject struct {
	id, campaign int64
	status       string // the request's status
	household    int64
	facts        Facts
	items        []int64
	cur          current
}

// current is a request's current result as request_scores keeps it: what
// a new result is compared with, and where it stands. run is 0 when the
// request has none.
type current struct {
	run    int64
	score  int
	region string
	ranked bool
	at     time.Time // when the request was made
	digest int64
}

// closed are the request statuses that take no place in a ranking.
var closed = map[string]bool{"rejected": true, "withdrawn": true}

// gatherQueries read the facts of a set of requests, named by the first
// argument of each: a campaign's id (queries.sql) or a JSON array of
// request ids (set.sql).
type gatherQueries struct{ requests, lines, categories, children, received string }

func (s *Service) campaignQueries() gatherQueries {
	return gatherQueries{s.q.GatherRequests, s.q.GatherLines, s.q.GatherCategories, s.q.GatherChildren, s.q.GatherReceived}
}

func (s *Service) setQueries() gatherQueries {
	return gatherQueries{s.q.SetRequests, s.q.SetLines, s.q.SetCategories, s.q.SetChildren, s.q.SetReceived}
}

// gather reads the facts of every request of a set (a campaign's, or a
// batch's) in five queries, each a single pass over the set: requests with
// person, household and current result, the items asked for, the
// categories held, the children of each household and the items received
// this year elsewhere.
// Nothing is read request by request. The requests are read on one
// connection while the four others run on a second, in two read-only
// transactions begun together; the result is sorted by request id.
func (s *Service) gather(ctx context.Context, q gatherQueries, set any, day time.Time) ([]subject, error) {
	var subs []subject
	var more extras
	var g errgroup
	g.Go(func() (err error) {
		subs, err = s.readRequests(ctx, q.requests, set)
		return err
	})
	g.Go(func() (err error) {
		more, err = s.readExtras(ctx, q, set, day)
		return err
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	subs = byID(subs)
	at := make(map[int64]int32, len(subs)) // request id to index in subs
	for i, sb := range subs {
		at[sb.id] = int32(i)
	}
	for _, l := range more.lines {
		if i, ok := at[l.req]; ok {
			subs[i].items = append(subs[i].items, l.item)
		}
	}
	for _, c := range more.categories {
		if i, ok := at[c.req]; ok {
			subs[i].facts.Categories = append(subs[i].facts.Categories, c.held)
		}
	}
	for _, r := range more.received {
		if i, ok := at[r.req]; ok {
			subs[i].facts.Received = append(subs[i].facts.Received, r.item)
		}
	}
	for i := range subs {
		subs[i].facts.Children = more.children[subs[i].household]
	}
	return subs, nil
}

// readOnly runs fn in a read-only transaction on a connection of its own.
func (s *Service) readOnly(ctx context.Context, fn func(tx *sql.Tx) error) error {
	conn, err := s.db.R.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

func (s *Service) readRequests(ctx context.Context, query string, set any) ([]subject, error) {
	var subs []subject
	err := s.readOnly(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, query, set)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var sb subject
			var birth, at sql.NullTime
			var dist sql.NullInt64
			f, c := &sb.facts, &sb.cur
			if err := rows.Scan(&sb.id, &sb.campaign, &sb.status, &f.RequestDate, &f.RegionPath, &birth, &f.Grade,
				&f.Institution, &f.Disability, &f.Income, &f.SingleGuardian, &sb.household, &dist,
				&c.run, &c.score, &c.region, &c.ranked, &at, &c.digest); err != nil {
				return err
			}
			f.BirthDate, f.RequestDate, c.at = store.TimeOf(birth), f.RequestDate.UTC(), store.TimeOf(at)
			f.DistanceKm, f.DistanceKnown = float64(dist.Int64)/1000, dist.Valid
			subs = append(subs, sb)
		}
		return rows.Err()
	})
	return subs, err
}

// extras are the facts read beside the requests, by request id (children
// by household id).
type extras struct {
	lines, received []pair
	categories      []heldBy
	children        map[int64]int
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
		if err := eachPair(ctx, tx, q.lines, func(req, item int64) { x.lines = append(x.lines, pair{req, item}) }, set); err != nil {
			return err
		}
		if err := eachPair(ctx, tx, q.received, func(req, item int64) { x.received = append(x.received, pair{req, item}) },
			set, from, from.AddDate(1, 0, 0)); err != nil {
			return err
		}
		if err := eachPair(ctx, tx, q.children, func(hh, n int64) { x.children[hh] = int(n) },
			set, day.AddDate(-18, 0, 0)); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, q.categories, set)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var h heldBy
			var exp sql.NullTime
			if err := rows.Scan(&h.req, &h.held.Code, &exp); err != nil {
				return err
			}
			h.held.Expires = store.TimeOf(exp)
			x.categories = append(x.categories, h)
		}
		return rows.Err()
	})
	return x, err
}

// byID returns subs sorted by request id. It sorts positions, not the
// wide subjects, then moves each subject once.
func byID(subs []subject) []subject {
	if slices.IsSortedFunc(subs, func(a, b subject) int { return cmp.Compare(a.id, b.id) }) {
		return subs
	}
	pos := make([]int32, len(subs))
	for i := range pos {
		pos[i] = int32(i)
	}
	slices.SortFunc(pos, func(a, b int32) int { return cmp.Compare(subs[a].id, subs[b].id) })
	out := make([]subject, len(subs))
	for i, p := range pos {
		out[i] = subs[p]
	}
	return out
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
