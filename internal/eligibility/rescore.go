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
	// Changed is the number of new results written: the others were the
	// same as before and stayed as they were.
	Changed int `json:"changed"`
	// How long reading the facts, evaluating and ranking, and writing took.
	Read     time.Duration `json:"read_ns"`
	Evaluate time.Duration `json:"evaluate_ns"`
	Write    time.Duration `json:"write_ns"`
}

// Rescore recalculates every request of a campaign with its current rule
// set on today's date: it reads the facts and the current results of all
// of them set by set, evaluates them in memory and compares each new
// result's digest with the current one's. Only what changed is written:
// in batches of s.Batch requests, each in its own transaction, the new
// results are appended under a new run number and made current, the ones
// they replace keeping, as history, the place they held when the
// recalculation began; a request whose result is the same keeps it (and
// only whether it is ranked is written, when a withdrawal or a rejection
// changed that). Ranks are not written at all: they are derived when read
// (place.go). Between batches other writers take their turn; a
// recalculation cut short leaves every request with a whole current
// result, of one run or the other, and is finished by running it again.
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
	cs := s.compare(&sum, rs.Version, subs, out)
	sum.Evaluate = time.Since(t0)
	t0 = time.Now()
	if len(cs) > 0 {
		if sum.Changed, err = s.writeRun(ctx, campaignID, cs, day, now); err != nil {
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

// compare counts the new results into sum and returns those to write:
// every request whose result's digest differs from its current one's, or
// that has none, or whose place in a ranking comes or goes. Each carries
// the place it holds now, as the current results rank them.
func (s *Service) compare(sum *Summary, version int, subs []subject, out []scored) []change {
	var entries []Entry
	var at []int32 // index in subs of each entry
	for i, sb := range subs {
		if sb.cur.ranked {
			entries = append(entries, Entry{ID: sb.id, Region: sb.cur.region, Score: sb.cur.score, Requested: sb.cur.at})
			at = append(at, int32(i))
		}
	}
	before := make([]Place, len(subs))
	for k, pl := range Rank(entries) {
		before[at[k]] = pl
	}
	var cs []change
	for i, sc := range out {
		sb := &subs[i]
		switch sc.status {
		case Eligible:
			sum.Eligible++
		case Ineligible:
			sum.Ineligible++
		default:
			sum.Undetermined++
		}
		ranked := sc.status == Eligible && !closed[sb.status]
		if ranked {
			sum.Ranked++
		}
		if sb.cur.run != 0 && sb.cur.digest == sc.digest && sb.cur.ranked == ranked {
			continue
		}
		c := change{id: sb.id, campaign: sb.campaign, version: version, at: sb.facts.RequestDate, sc: sc, ranked: ranked}
		if sb.cur.ranked {
			c.before, c.beforeRun = before[i], sb.cur.run
		}
		cs = append(cs, c)
	}
	return cs
}

// writeRun writes a recalculation's changes under a new run number, in
// batches of s.Batch, and returns how many new results it wrote.
func (s *Service) writeRun(ctx context.Context, campaignID int64, cs []change, day, now time.Time) (int, error) {
	// The batches insert into the place index at random places: keep its
	// pages in memory, as an import does.
	restore, err := s.db.WidenCache(ctx, 128)
	if err != nil {
		return 0, err
	}
	defer restore()
	var run int64
	if err := s.db.W.QueryRowContext(ctx, s.q.NextRun, campaignID).Scan(&run); err != nil {
		return 0, err
	}
	for i := range cs {
		cs[i].run = run
	}
	written, batch := 0, max(s.Batch, 1)
	for lo := 0; lo < len(cs); lo += batch {
		err := s.writeTx(ctx, func(conn *sql.Conn, tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, s.q.LockRuns, campaignID); err != nil {
				return err
			}
			n, err := s.writeChanges(ctx, conn, tx, cs[lo:min(lo+batch, len(cs))], day, now)
			written += n
			return err
		})
		if err != nil {
			return 0, err
		}
	}
	_, err = s.db.W.ExecContext(ctx, s.q.DropEmptyTallies, campaignID)
	return written, err
}
