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
	at     time.Time // when the request was made (request_scores.requested_at)
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
// this year elsewhere. Nothing is read request by request. The requests
// and their items are read on one connection while the three others run
// on a second (the reading is about even so), in two read-only
// transactions begun together; the result is sorted by request id.
func (s *Service) gather(ctx context.Context, q gatherQueries, set any, day time.Time) ([]subject, error) {
	var chunks [][]subject
	var lines []pair
	var more extras
	var g errgroup
	g.Go(func() (err error) {
		chunks, lines, err = s.readRequests(ctx, q, set)
		return err
	})
	g.Go(func() (err error) {
		more, err = s.readExtras(ctx, q, set, day)
		return err
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	subs := byID(chunks)
	at := make(map[int64]int32, len(subs)) // request id to index in subs
	for i, sb := range subs {
		at[sb.id] = int32(i)
	}
	for _, l := range lines {
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

// chunk is how many subjects readRequests puts in one slice: a million
// wide subjects appended to one slice would be copied over and over as it
// grows.
const chunk = 1 << 16

// byID returns the subjects of chunks in one slice sorted by request id,
// each moved once: it sorts their positions, not the wide subjects.
func byID(chunks [][]subject) []subject {
	var pos []int32
	for c, ch := range chunks {
		for i := range ch {
			pos = append(pos, int32(c*chunk+i))
		}
	}
	get := func(p int32) *subject { return &chunks[p/chunk][p%chunk] }
	slices.SortFunc(pos, func(a, b int32) int { return cmp.Compare(get(a).id, get(b).id) })
	out := make([]subject, len(pos))
	for i, p := range pos {
		out[i] = *get(p)
	}
	return out
}

// eachPair runs a query of two integer columns and hands each row to fn.
func eachPair(ctx context.Context, tx *sql.Tx, query string, fn func(a, b int64), args ...any) error {
	return eachRow(ctx, tx, query, func(sc store.Scanner) error {
		var a, b int64
		if err := sc.Scan(&a, &b); err != nil {
			return err
		}
		fn(a, b)
		return nil
	}, args...)
}

// eachRow runs a query and hands each row to fn to scan.
func eachRow(ctx context.Context, tx *sql.Tx, query string, fn func(sc store.Scanner) error, args ...any) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
