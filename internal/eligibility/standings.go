package eligibility

import (
	"context"

	"github.com/jolproject/jol/internal/store"
)

// Standing is a request's current result as a campaign-wide reader needs
// it: the verdict, the score, the region it is ranked in, when it was
// made and its place there (zero when it is not ranked).
type Standing struct {
	RequestID int64
	Status    Status
	Score     int
	Region    string
	Place     Place
}

// standingsQuery reads the current result of every request of campaign $1
// with the request's own status and date. It names only columns every
// version of request_scores keeps, and places are derived here with Rank,
// so it does not depend on how places are stored.
const standingsQuery = `
SELECT s.request_id, s.status, s.score, s.rank_region, r.submitted_at, r.status
FROM request_scores s JOIN requests r ON r.id = s.request_id
WHERE s.campaign_id = $1`

// Standings returns the current result of every evaluated request of a
// campaign, in one query through q (a transaction of the caller's, or nil
// for the read pool), with places computed as Rescore ranks: eligible
// requests neither rejected nor withdrawn, by region, higher score first,
// then the earlier request, then the lower id. It checks no principal:
// allocation reads it for a campaign its caller may allocate, and gives
// no child's details to anyone. Requests not yet evaluated are absent.
func (s *Service) Standings(ctx context.Context, q store.Querier, campaignID int64) ([]Standing, error) {
	if q == nil {
		q = s.db.R
	}
	var entries []Entry
	var at []int // index in out of each entry
	var out []Standing
	rows, err := q.QueryContext(ctx, store.Rebind(s.db.Engine, standingsQuery), campaignID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var st Standing
		var e Entry
		var requestStatus string
		if err := rows.Scan(&st.RequestID, &st.Status, &st.Score, &st.Region, &e.Requested, &requestStatus); err != nil {
			return nil, err
		}
		if st.Status == Eligible && !closed[requestStatus] {
			e.ID, e.Region, e.Score, e.Requested = st.RequestID, st.Region, st.Score, e.Requested.UTC()
			entries = append(entries, e)
			at = append(at, len(out))
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for k, pl := range Rank(entries) {
		out[at[k]].Place = pl
	}
	return out, nil
}
