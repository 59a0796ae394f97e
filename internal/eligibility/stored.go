package eligibility

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Stored is a request's result as kept: the result with the rule set
// version that produced it, its place in its region, the date it was
// decided on and when it was computed.
type Stored struct {
	Result     Result    `json:"result"`
	Place      Place     `json:"place"`
	Version    int       `json:"version"`
	DecidedOn  time.Time `json:"decided_on"`
	ComputedAt time.Time `json:"computed_at"`
}

// Explain is the stored result's long explanation for operators.
func (st Stored) Explain() []Message { return Long(st.Result, st.Place) }

// ExplainShort is its one sentence for the family's status page.
func (st Stored) ExplainShort() Message { return Short(st.Result, st.Place) }

// Current returns the request's current result, or a not-found error
// when it has not been evaluated. The principal must be allowed to see
// the child the request is for.
func (s *Service) Current(ctx context.Context, p access.Principal, requestID int64) (Stored, error) {
	campaignID, err := s.requestAccess(ctx, p, requestID)
	if err != nil {
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

// History returns the request's earlier results, the latest first.
func (s *Service) History(ctx context.Context, p access.Principal, requestID int64) ([]Stored, error) {
	campaignID, err := s.requestAccess(ctx, p, requestID)
	if err != nil {
		return nil, err
	}
	return s.results(ctx, campaignID, s.q.ResultHistory, requestID)
}

func (s *Service) requestAccess(ctx context.Context, p access.Principal, requestID int64) (int64, error) {
	var campaignID int64
	var t access.Target
	err := s.db.R.QueryRowContext(ctx, s.q.RequestScope, requestID).Scan(&campaignID, &t.OrgPath, &t.RegionPath)
	if err != nil {
		return 0, store.NotFound(err)
	}
	return campaignID, access.Can(p, access.ViewChild, t)
}

// results reads stored results and decodes each with the rule set of its
// version, read once per version. A current result's place is read from
// the ranking as it stands (place.go); an earlier one's is the place it
// held when it was replaced, kept with it.
func (s *Service) results(ctx context.Context, campaignID int64, query string, requestID int64) ([]Stored, error) {
	type row struct {
		st                  Stored
		status, region, det string
		live                bool
		at                  time.Time
	}
	rows, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (row, error) {
		var r row
		err := sc.Scan(&r.st.Version, &r.status, &r.st.Result.Score, &r.region, &r.st.Place.Rank, &r.st.Place.Of,
			&r.det, &r.st.DecidedOn, &r.st.ComputedAt, &r.live, &r.at)
		return r, err
	}, query, requestID)
	if err != nil {
		return nil, err
	}
	sets := map[int]RuleSet{}
	out := make([]Stored, len(rows))
	for i, r := range rows {
		rs, ok := sets[r.st.Version]
		if !ok {
			if rs, err = s.RuleSetAt(ctx, campaignID, r.st.Version); err != nil {
				return nil, err
			}
			sets[r.st.Version] = rs
		}
		res, err := DecodeDetail([]byte(r.det), rs.Rules, Status(r.status), r.st.Result.Score, r.region)
		if err != nil {
			return nil, err
		}
		st := r.st
		st.Result, st.DecidedOn, st.ComputedAt = res, st.DecidedOn.UTC(), st.ComputedAt.UTC()
		if r.live {
			c := current{score: res.Score, region: res.RankRegion, ranked: true, at: r.at}
			if st.Place, err = s.placeOf(ctx, s.db.R, campaignID, requestID, c); err != nil {
				return nil, err
			}
		}
		out[i] = st
	}
	return out, nil
}
