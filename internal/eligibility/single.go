package eligibility

import (
	"context"
	"database/sql"

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
	day := store.Day(now)
	subs, err := s.gather(ctx, s.oneQueries(), requestID, day)
	if err != nil {
		return Stored{}, err
	}
	if len(subs) != 1 {
		return Stored{}, store.NotFound(sql.ErrNoRows)
	}
	sb := subs[0]
	st := Stored{Result: EvaluateItems(rs.Rules, rs.Weights, sb.facts, sb.items, day), Version: rs.Version,
		DecidedOn: day, ComputedAt: now}
	detail, err := EncodeDetail(st.Result)
	if err != nil {
		return Stored{}, err
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if st.Result.Status == Eligible && !closed[sb.status] {
			var others, before int
			if err := tx.QueryRowContext(ctx, s.q.PlaceAmong, campaignID, st.Result.RankRegion, st.Result.Score,
				sb.facts.RequestDate, requestID).Scan(&others, &before); err != nil {
				return err
			}
			st.Place = Place{Rank: before + 1, Of: others + 1}
		}
		var run int64
		if err := tx.QueryRowContext(ctx, s.q.NextRun, campaignID).Scan(&run); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.DropOne, requestID); err != nil {
			return err
		}
		r, at := st.Result, sb.facts.RequestDate
		if _, err := tx.ExecContext(ctx, s.q.InsertResult, requestID, run, campaignID, rs.Version, string(r.Status),
			r.Score, r.RankRegion, st.Place.Rank, st.Place.Of, at, string(detail), day, now); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, s.q.InsertScore, requestID, campaignID, run, string(r.Status), r.Score,
			r.RankRegion, st.Place.Rank, st.Place.Of, at)
		return err
	})
	if err != nil {
		return Stored{}, err
	}
	return st, nil
}
