package dedupe

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

// Status is where a pair of the queue stands.
type Status string

// The statuses of a pair.
const (
	Pending  Status = "pending"
	Merged   Status = "merged"   // merged, here or on the registry's merge page
	Distinct Status = "distinct" // a reviewer said the two are different people
)

// Statuses lists the statuses of a pair.
func Statuses() []Status { return []Status{Pending, Merged, Distinct} }

// Side is one record of a pair as the queue lists it.
type Side struct {
	ID         int64     `json:"id"`
	Name       string    `json:"name"`
	BirthDate  time.Time `json:"birth_date,omitzero"`
	RegionPath string    `json:"region_path"`
}

// Pair is a likely pair of records of one person.
type Pair struct {
	ID          int64     `json:"id"`
	A           Side      `json:"a"` // the lower id
	B           Side      `json:"b"`
	Weight      float64   `json:"weight"`      // log2 of the likelihood ratio
	Probability float64   `json:"probability"` // that both are one person
	Agree       []string  `json:"agree"`       // fields that agree or are alike
	Disagree    []string  `json:"disagree"`    // fields that differ
	Status      Status    `json:"status"`
	FoundAt     time.Time `json:"found_at"`
	DecidedBy   int64     `json:"decided_by,omitempty"`
	DecidedName string    `json:"decided_by_name,omitempty"`
	DecidedAt   time.Time `json:"decided_at,omitzero"`
}

// Page asks for a page of the queue: after Cursor (as Queue returned
// it; "" for the first page), at most Limit pairs.
type Page struct {
	Cursor string
	Limit  int
}

// Queue returns a page of the pending pairs p may review, best first:
// both records live and both within p's scope. The cursor of the next
// page is "" after the last one.
func (s *Service) Queue(ctx context.Context, p access.Principal, pg Page) ([]Pair, string, error) {
	if err := access.Can(p, access.ReviewDuplicates, p.Scope()); err != nil {
		return nil, "", err
	}
	w, id := math.Inf(1), int64(0)
	if c := strings.SplitN(pg.Cursor, "_", 2); len(c) == 2 {
		fw, err1 := strconv.ParseFloat(c[0], 64)
		fid, err2 := strconv.ParseInt(c[1], 10, 64)
		if err1 == nil && err2 == nil {
			w, id = fw, fid
		}
	}
	sp := store.ParsePage("", strconv.Itoa(pg.Limit))
	args := append(p.ScopeArgs(), w, id, sp.LimitArg())
	out, err := store.Select(ctx, s.d.DB.R, scanListed, s.q.Queue, args...)
	if err != nil {
		return nil, "", fmt.Errorf("read the duplicate queue: %w", err)
	}
	out, next := store.TrimBy(sp, out, func(r Pair) string {
		return strconv.FormatFloat(r.Weight, 'g', -1, 64) + "_" + itoa(r.ID)
	})
	return out, next, nil
}

// CountQueue is how many pairs Queue pages through for p, up to
// store.CountCap.
func (s *Service) CountQueue(ctx context.Context, p access.Principal) (store.Count, error) {
	if err := access.Can(p, access.ReviewDuplicates, p.Scope()); err != nil {
		return store.Count{}, err
	}
	var n int
	if err := s.d.DB.R.QueryRowContext(ctx, s.q.CountQueue, append(p.ScopeArgs(), store.CountArg())...).Scan(&n); err != nil {
		return store.Count{}, fmt.Errorf("count the duplicate queue: %w", err)
	}
	return store.Counted(n), nil
}

func scanListed(sc store.Scanner) (Pair, error) {
	var pr Pair
	var agree, differ string
	var a, b people.Person
	var ab, bb sql.NullTime
	err := sc.Scan(&pr.ID, &pr.A.ID, &pr.B.ID, &pr.Weight, &pr.Probability, &agree, &differ, &pr.Status, &pr.FoundAt,
		&a.LastName, &a.FirstName, &a.Patronymic, &ab, &pr.A.RegionPath,
		&b.LastName, &b.FirstName, &b.Patronymic, &bb, &pr.B.RegionPath)
	pr.A.Name, pr.B.Name = a.FullName(), b.FullName()
	pr.A.BirthDate, pr.B.BirthDate = store.TimeOf(ab), store.TimeOf(bb)
	pr.Agree, pr.Disagree, pr.FoundAt = split(agree), split(differ), pr.FoundAt.UTC()
	return pr, err
}

func split(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, ",")
}

// pair reads pair id through q.
func (s *Service) pair(ctx context.Context, q store.Querier, id int64) (Pair, error) {
	var pr Pair
	var agree, differ string
	var at sql.NullTime
	err := q.QueryRowContext(ctx, s.q.PairByID, id).Scan(&pr.ID, &pr.A.ID, &pr.B.ID, &pr.Weight, &pr.Probability,
		&agree, &differ, &pr.Status, &pr.FoundAt, &pr.DecidedBy, &pr.DecidedName, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return Pair{}, errs.ErrNotFound
	}
	if err != nil {
		return Pair{}, fmt.Errorf("read duplicate pair %d: %w", id, err)
	}
	pr.Agree, pr.Disagree = split(agree), split(differ)
	pr.FoundAt, pr.DecidedAt = pr.FoundAt.UTC(), store.TimeOf(at)
	return pr, nil
}
