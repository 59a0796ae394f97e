package eligibility

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// EvaluateRequest evaluates one request with its campaign's latest rule
// set on today's date and makes that its current result, the previous
// one staying in its history: the check when a request is made or its
// facts change. An eligible request takes its place among the requests
// of its region ranked so far; the others keep their places until the
// next Rescore, which numbers them all afresh. The principal must be
// allowed to edit the child's records.
func (s *Service) EvaluateRequest(ctx context.Context, p access.Principal, requestID int64) (Stored, error) {
	var campaignID int64
	var t access.Target
	err := s.db.R.QueryRowContext(ctx, s.q.RequestScope, requestID).Scan(&campaignID, &t.OrgPath, &t.RegionPath)
	if err != nil {
		return Stored{}, store.NotFound(err)
	}
	if err := access.Can(p, access.EditChild, t); err != nil {
		return Stored{}, err
	}
	rs, err := s.CurrentRuleSet(ctx, campaignID)
	if errs.CodeOf(err) == errs.NotFound {
		return Stored{}, errs.New(errs.Invalid, "error.eligibility_no_rules")
	} else if err != nil {
		return Stored{}, err
	}
	now := s.now().UTC()
	one, err := s.evaluateOne(ctx, requestID, campaignID, rs, now)
	if err != nil {
		return Stored{}, err
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		var run int64
		if err := tx.QueryRowContext(ctx, s.q.NextRun, campaignID).Scan(&run); err != nil {
			return err
		}
		return s.writeOne(ctx, tx, &one, run)
	})
	if err != nil {
		return Stored{}, err
	}
	return one.st, nil
}

// single is one request evaluated on its own, ready to be written.
type single struct {
	id, campaign int64
	st           Stored
	sb           subject
	detail       []byte
}

// evaluateOne reads one request's facts and evaluates them with rs.
func (s *Service) evaluateOne(ctx context.Context, requestID, campaignID int64, rs RuleSet, now time.Time) (single, error) {
	day := store.Day(now)
	subs, err := s.gather(ctx, s.oneQueries(), requestID, day)
	if err != nil {
		return single{}, err
	}
	if len(subs) != 1 {
		return single{}, store.NotFound(sql.ErrNoRows)
	}
	sb := subs[0]
	st := Stored{Result: EvaluateItems(rs.Rules, rs.Weights, sb.facts, sb.items, day), Version: rs.Version,
		DecidedOn: day, ComputedAt: now}
	detail, err := EncodeDetail(st.Result)
	if err != nil {
		return single{}, err
	}
	return single{id: requestID, campaign: campaignID, st: st, sb: sb, detail: detail}, nil
}

// writeOne places an eligible request among those of its region ranked
// so far and writes its result under run, making it current.
func (s *Service) writeOne(ctx context.Context, tx *sql.Tx, one *single, run int64) error {
	r, at, day, now := one.st.Result, one.sb.facts.RequestDate, one.st.DecidedOn, one.st.ComputedAt
	if r.Status == Eligible && !closed[one.sb.status] {
		var others, before int
		if err := tx.QueryRowContext(ctx, s.q.PlaceAmong, one.campaign, r.RankRegion, r.Score, at, one.id).
			Scan(&others, &before); err != nil {
			return err
		}
		one.st.Place = Place{Rank: before + 1, Of: others + 1}
	}
	if _, err := tx.ExecContext(ctx, s.q.DropOne, one.id); err != nil {
		return err
	}
	pl := one.st.Place
	if _, err := tx.ExecContext(ctx, s.q.InsertResult, one.id, run, one.campaign, one.st.Version, string(r.Status),
		r.Score, r.RankRegion, pl.Rank, pl.Of, at, string(one.detail), day, now); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, s.q.InsertScore, one.id, one.campaign, run, string(r.Status), r.Score,
		r.RankRegion, pl.Rank, pl.Of, at)
	return err
}

// evaluateMany evaluates requests just submitted, as the installation:
// each campaign's rule set read once, every request's facts read on its
// own, and all the results written in one transaction with one run
// number per campaign, so a burst of submissions costs the writer one
// commit. A request whose campaign has no rules is skipped; one that
// cannot be read is counted as failed and skipped.
func (s *Service) evaluateMany(ctx context.Context, ids []int64) (failed int, err error) {
	now := s.now().UTC()
	sets := map[int64]*RuleSet{} // nil: the campaign has no rules
	var ready []single
	for _, id := range ids {
		var campaignID int64
		var t access.Target
		if err := s.db.R.QueryRowContext(ctx, s.q.RequestScope, id).Scan(&campaignID, &t.OrgPath, &t.RegionPath); err != nil {
			failed++
			continue
		}
		rs, ok := sets[campaignID]
		if !ok {
			got, err := s.CurrentRuleSet(ctx, campaignID)
			switch {
			case errs.CodeOf(err) == errs.NotFound:
			case err != nil:
				return failed, err
			default:
				rs = &got
			}
			sets[campaignID] = rs
		}
		if rs == nil {
			continue
		}
		one, err := s.evaluateOne(ctx, id, campaignID, *rs, now)
		if err != nil {
			failed++
			continue
		}
		ready = append(ready, one)
	}
	if len(ready) == 0 {
		return failed, nil
	}
	return failed, s.db.Tx(ctx, func(tx *sql.Tx) error {
		runs := map[int64]int64{}
		for i := range ready {
			one := &ready[i]
			run, ok := runs[one.campaign]
			if !ok {
				if err := tx.QueryRowContext(ctx, s.q.NextRun, one.campaign).Scan(&run); err != nil {
					return err
				}
				runs[one.campaign] = run
			}
			if err := s.writeOne(ctx, tx, one, run); err != nil {
				return err
			}
		}
		return nil
	})
}
