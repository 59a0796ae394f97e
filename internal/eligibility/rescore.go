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
}

var scoreColumns = []string{"request_id", "campaign_id", "version", "status", "score", "rank_region", "rank",
	"rank_of", "requested_at", "detail", "decided_on", "computed_at"}

// Rescore recalculates every request of a campaign with its current rule
// set on today's date: it reads the facts of all of them set by set,
// evaluates and ranks them in memory, then writes the results in batches
// of s.Batch requests, each in its own transaction that first moves the
// batch's current results to their history. A request's earlier results
// are never rewritten. Between batches other writers take their turn; a
// recalculation cut short leaves every request with a whole result, of
// one version or the other, and is finished by running it again.
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
	subs, err := s.gather(ctx, s.campaignQueries(), campaignID, day)
	if err != nil {
		return Summary{}, fmt.Errorf("eligibility: gather campaign %d: %w", campaignID, err)
	}
	sum := Summary{CampaignID: campaignID, Version: rs.Version, Requests: len(subs)}
	results := make([]Result, len(subs))
	var entries []Entry
	var ranked []int32 // index in subs of each entry
	for i, sb := range subs {
		r := EvaluateItems(rs.Rules, rs.Weights, sb.facts, sb.items, day)
		results[i] = r
		switch r.Status {
		case Eligible:
			sum.Eligible++
			if !closed[sb.status] {
				entries = append(entries, Entry{ID: sb.id, Region: r.RankRegion, Score: r.Score, Requested: sb.facts.RequestDate})
				ranked = append(ranked, int32(i))
			}
		case Ineligible:
			sum.Ineligible++
		default:
			sum.Undetermined++
		}
	}
	places := make([]Place, len(subs))
	for k, pl := range Rank(entries) {
		places[ranked[k]] = pl
	}
	sum.Ranked = len(entries)
	// The batches insert into the rank index at random places: keep its
	// pages in memory, as an import does.
	restore, err := s.db.WidenCache(ctx, 128)
	if err != nil {
		return Summary{}, err
	}
	defer restore()
	batch := max(s.Batch, 1)
	for lo := 0; lo < len(subs); lo += batch {
		hi := min(lo+batch, len(subs))
		if err := s.write(ctx, campaignID, rs.Version, subs[lo:hi], results[lo:hi], places[lo:hi], day, now); err != nil {
			return Summary{}, fmt.Errorf("eligibility: write campaign %d: %w", campaignID, err)
		}
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		return s.log.Record(ctx, tx, p, audit.Change{Action: "rescore", Entity: "eligibility_rules",
			EntityID: fmt.Sprintf("%d/%d", campaignID, rs.Version), OrgPath: scope.OrgPath, After: sum})
	})
	return sum, err
}

// write replaces the current results of one batch of requests (sorted by
// id) in one transaction.
func (s *Service) write(ctx context.Context, campaignID int64, version int, subs []subject, rs []Result, ps []Place,
	day, now time.Time) error {
	rows := make([][]any, len(subs))
	for i, sb := range subs {
		d, err := EncodeDetail(rs[i])
		if err != nil {
			return err
		}
		rows[i] = []any{sb.id, campaignID, version, string(rs[i].Status), rs[i].Score, rs[i].RankRegion,
			ps[i].Rank, ps[i].Of, sb.facts.RequestDate, string(d), day, now}
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
	lo, hi := subs[0].id, subs[len(subs)-1].id
	if _, err := tx.ExecContext(ctx, s.q.KeepHistory, campaignID, lo, hi, now); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, s.q.DropCurrent, campaignID, lo, hi); err != nil {
		return err
	}
	if err := store.Bulk(ctx, conn, "request_scores", scoreColumns, rows); err != nil {
		return err
	}
	return tx.Commit()
}
