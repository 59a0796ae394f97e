package eligibility

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"slices"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// EvaluateRequest evaluates one request with its campaign's latest rule
// set on today's date: the check when a request is made or its facts
// change. A new result becomes current, the previous one going to the
// history with the place it held; a result that comes out the same keeps
// the current one as it is. Its place, and every other request's, is
// read from the ranking as it now stands. The principal must be allowed
// to edit the child's records.
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
	if _, err := s.CurrentRuleSet(ctx, campaignID); errs.CodeOf(err) == errs.NotFound {
		return Stored{}, errs.New(errs.Invalid, "error.eligibility_no_rules")
	} else if err != nil {
		return Stored{}, err
	}
	now := s.now().UTC()
	cs, failed, err := s.evaluateSet(ctx, []int64{requestID}, now)
	if err != nil {
		return Stored{}, err
	}
	if failed > 0 || len(cs) == 0 {
		return Stored{}, store.NotFound(sql.ErrNoRows)
	}
	if err := s.writeSet(ctx, cs, now); err != nil {
		return Stored{}, err
	}
	out, err := s.results(ctx, campaignID, s.q.CurrentResult, requestID)
	if err != nil {
		return Stored{}, err
	}
	if len(out) == 0 {
		return Stored{}, store.NotFound(sql.ErrNoRows)
	}
	return out[0], nil
}

// evaluateSet evaluates requests as the installation on the day of now:
// their facts read set by set (one query per kind of fact for all of
// them, as a recalculation reads a campaign's), each campaign's rule set
// read once. A request whose campaign has no rules is skipped; one that
// cannot be read is counted as failed. The changes are sorted by id.
func (s *Service) evaluateSet(ctx context.Context, ids []int64, now time.Time) ([]change, int, error) {
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	day := store.Day(now)
	subs, err := s.gather(ctx, s.setQueries(), idsJSON(ids), day)
	if err != nil {
		return nil, 0, err
	}
	failed := len(ids) - len(subs)
	type set struct {
		rs    RuleSet
		rules [sha256.Size]byte
	}
	sets := map[int64]*set{} // nil: the campaign has no rules
	var cs []change
	for i := range subs {
		sb := &subs[i]
		st, ok := sets[sb.campaign]
		if !ok {
			rs, err := s.CurrentRuleSet(ctx, sb.campaign)
			switch {
			case errs.CodeOf(err) == errs.NotFound:
			case err != nil:
				return nil, failed, err
			default:
				st = &set{rs: rs, rules: rulesDigest(rs.Rules)}
			}
			sets[sb.campaign] = st
		}
		if st == nil {
			continue
		}
		_, sc, err := evaluateSubject(st.rs, st.rules, sb, day)
		if err != nil {
			failed++
			continue
		}
		cs = append(cs, change{id: sb.id, campaign: sb.campaign, version: st.rs.Version, at: sb.facts.RequestDate,
			sc: sc, ranked: sc.status == Eligible && !closed[sb.status]})
	}
	return cs, failed, nil
}

// writeSet writes the changes of evaluateSet in one transaction, under
// one new run number per campaign, so a burst of submissions costs the
// writer one commit.
func (s *Service) writeSet(ctx context.Context, cs []change, now time.Time) error {
	var campaigns []int64
	for _, c := range cs {
		campaigns = append(campaigns, c.campaign)
	}
	// Lock the campaigns' runs in one order, so two writers never wait
	// for each other's.
	campaigns = slices.Compact(slices.Sorted(slices.Values(campaigns)))
	return s.writeTx(ctx, func(conn *sql.Conn, tx *sql.Tx) error {
		runs := make(map[int64]int64, len(campaigns))
		for _, c := range campaigns {
			var run int64
			if err := tx.QueryRowContext(ctx, s.q.NextRun, c).Scan(&run); err != nil {
				return err
			}
			runs[c] = run
		}
		for i := range cs {
			cs[i].run = runs[cs[i].campaign]
		}
		_, err := s.writeChanges(ctx, conn, tx, cs, store.Day(now), now)
		return err
	})
}

// evaluateMany evaluates requests just submitted (follow.go) and writes
// their results in one transaction.
func (s *Service) evaluateMany(ctx context.Context, ids []int64) (failed int, err error) {
	now := s.now().UTC()
	cs, failed, err := s.evaluateSet(ctx, ids, now)
	if err != nil || len(cs) == 0 {
		return failed, err
	}
	return failed, s.writeSet(ctx, cs, now)
}
