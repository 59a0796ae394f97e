package eligibility

import (
	"context"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// Ranks are derived when read. A request's rank in its region is one more
// than the number ranked there before it: a higher score, or the same
// score and made earlier, or at the same moment with a lower id — Rank's
// order. request_scores marks the ranked (ranked) and keeps them in that
// order in an index; request_rank_tallies counts them by campaign,
// region, score and day made. A place is read in one query: the tallies
// give the number ranked and those before with a higher score or on an
// earlier day, the index those of the same score and day made earlier.
// So a read costs a row per score and day of the region, and one per
// request of its own score made before it the same day: about the same
// among a million spread over weeks as among a thousand. A burst of
// requests of one score on one day is the worst case.
//
// Every transaction that writes request_scores moves the tallies with it
// (writeChanges), so they always agree; a request evaluated alone takes
// its place and moves the others at once.

// placeOf reads the place of request id with current row c in campaign.
func (s *Service) placeOf(ctx context.Context, q store.Querier, campaign, id int64, c current) (Place, error) {
	at := c.at.UTC()
	on := store.Day(at)
	var of, above, ties int
	err := q.QueryRowContext(ctx, s.q.Place, campaign, c.region, c.score, on, s.db.SortableTime(on),
		s.db.SortableTime(at), id).Scan(&of, &above, &ties)
	if err != nil {
		return Place{}, err
	}
	return Place{Rank: above + ties + 1, Of: of}, nil
}

// tallyKey is a row of request_rank_tallies.
type tallyKey struct {
	campaign int64
	region   string
	score    int
	day      int64 // Unix time of the day's midnight, UTC
}

// tallies are changes to request_rank_tallies, by row.
type tallies map[tallyKey]int

// add counts n more (or fewer) ranked in campaign and region with score,
// made at.
func (t tallies) add(campaign int64, region string, score int, at time.Time, n int) {
	t[tallyKey{campaign, region, score, store.Day(at.UTC()).Unix()}] += n
}

// rows are the arguments of AddTally for every change that is not zero.
func (t tallies) rows() [][]any {
	var out [][]any
	for k, n := range t {
		if n != 0 {
			out = append(out, []any{k.campaign, k.region, k.score, time.Unix(k.day, 0).UTC(), n})
		}
	}
	return out
}
