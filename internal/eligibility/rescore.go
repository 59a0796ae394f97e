package eligibility

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Summary is what a recalculation did.
type Summary struct {
	CampaignID   int64 `json:"campaign_id"`
	Version      int   `json:"version"`
	Requests     int   `json:"requests"`
	Eligible     int   `json:"eligible"`
	Ineligible   int   `json:"ineligible"`
	Undetermined int   `json:"undetermined"`
	Ranked       int   `json:"ranked"`
	// How long reading the facts, evaluating and ranking, and writing took.
	Read     time.Duration `json:"read_ns"`
	Evaluate time.Duration `json:"evaluate_ns"`
	Write    time.Duration `json:"write_ns"`
}

var (
	resultColumns = []string{"request_id", "run", "campaign_id", "version", "status", "score", "rank_region", "rank",
		"rank_of", "requested_at", "detail", "decided_on", "computed_at"}
	scoreColumns = []string{"request_id", "campaign_id", "run", "status", "score", "rank_region", "rank", "rank_of",
		"requested_at"}
)

// scored is one request's new result as written: its detail encoded.
type scored struct {
	status Status
	score  int
	region string
	place  Place
	detail []byte
}

// Rescore recalculates every request of a campaign with its current rule
// set on today's date: it reads the facts of all of them set by set,
// evaluates and ranks them in memory, then writes the results in batches
// of s.Batch requests, each in its own transaction that appends the
// batch's results under a new run number and makes them current. A
// request's earlier results are never rewritten: they are its history.
// Between batches other writers take their turn; a recalculation cut
// short leaves every request with a whole current result, of one run or
// the other, and is finished by running it again.
func (s *Service) Rescore(ctx context.Context, p access.Principal, campaignID int64) (Summary, error) {
	scope, err := s.campaignScope(ctx, s.db.R, campaignID)
	if err != nil {
		return Summary{}, err
	}
	if err := access.Can(p, ManageAction, scope); err != nil {
		return Summary{}, err
	}
	rs, err := s.CurrentRuleSet(ctx, campaignID)
	if errs.CodeOf(err) == errs.NotFound {
		return Summary{}, errs.New(errs.Invalid, "error.eligibility_no_rules")
	} else if err != nil {
		return Summary{}, err
	}
	now := s.now().UTC()
	day := store.Day(now)
	t0 := time.Now()
	subs, err := s.gather(ctx, s.campaignQueries(), campaignID, day)
	if err != nil {
		return Summary{}, fmt.Errorf("eligibility: gather campaign %d: %w", campaignID, err)
	}
	sum := Summary{CampaignID: campaignID, Version: rs.Version, Requests: len(subs), Read: time.Since(t0)}
	t0 = time.Now()
	out, err := evaluateAll(rs, subs, day)
	if err != nil {
		return Summary{}, err
	}
	var entries []Entry
	var ranked []int32 // index in subs of each entry
	for i, sc := range out {
		switch sc.status {
		case Eligible:
			sum.Eligible++
			if !closed[subs[i].status] {
				entries = append(entries, Entry{ID: subs[i].id, Region: sc.region, Score: sc.score, Requested: subs[i].facts.RequestDate})
				ranked = append(ranked, int32(i))
			}
		case Ineligible:
			sum.Ineligible++
		default:
			sum.Undetermined++
		}
	}
	for k, pl := range Rank(entries) {
		out[ranked[k]].place = pl
	}
	sum.Ranked = len(entries)
	sum.Evaluate = time.Since(t0)
	t0 = time.Now()
	// The batches insert into the rank index at random places: keep its
	// pages in memory, as an import does.
	restore, err := s.db.WidenCache(ctx, 128)
	if err != nil {
		return Summary{}, err
	}
	defer restore()
	var run int64
	if err := s.db.W.QueryRowContext(ctx, s.q.NextRun, campaignID).Scan(&run); err != nil {
		return Summary{}, err
	}
	batch := max(s.Batch, 1)
	for lo := 0; lo < len(subs); lo += batch {
		hi := min(lo+batch, len(subs))
		if err := s.write(ctx, campaignID, run, rs.Version, subs[lo:hi], out[lo:hi], day, now); err != nil {
			return Summary{}, fmt.Errorf("eligibility: write campaign %d: %w", campaignID, err)
		}
	}
	sum.Write = time.Since(t0)
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		return s.log.Record(ctx, tx, p, audit.Change{Action: "rescore", Entity: "eligibility_rules",
			EntityID: fmt.Sprintf("%d/%d", campaignID, rs.Version), OrgPath: scope.OrgPath, After: sum})
	})
	return sum, err
}

// write appends one batch's results (requests sorted by id) and makes
// them current, in one transaction.
func (s *Service) write(ctx context.Context, campaignID, run int64, version int, subs []subject, out []scored,
	day, now time.Time) error {
	results := make([][]any, len(subs))
	scores := make([][]any, len(subs))
	for i, sb := range subs {
		sc := &out[i]
		status := string(sc.status)
		results[i] = []any{sb.id, run, campaignID, version, status, sc.score, sc.region, sc.place.Rank, sc.place.Of,
			sb.facts.RequestDate, string(sc.detail), day, now}
		scores[i] = []any{sb.id, campaignID, run, status, sc.score, sc.region, sc.place.Rank, sc.place.Of,
			sb.facts.RequestDate}
	}
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
	if _, err := tx.ExecContext(ctx, s.q.DropCurrent, campaignID, subs[0].id, subs[len(subs)-1].id); err != nil {
		return err
	}
	if err := store.Bulk(ctx, conn, "request_results", resultColumns, results); err != nil {
		return err
	}
	if err := store.Bulk(ctx, conn, "request_scores", scoreColumns, scores); err != nil {
		return err
	}
	return tx.Commit()
}
