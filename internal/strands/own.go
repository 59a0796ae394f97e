package strands

import (
	"context"

	"github.com/jolproject/jol/internal/store"
)

// MaxOpen bounds the activities a young person's page offers at once.
const MaxOpen = 50

// Offer is an activity as a young person's own page offers it.
type Offer struct {
	Activity
	Joined bool `json:"joined"` // the young person is enrolled
}

// OpenFor returns the activities young person youthID may look at from
// their own page or the bot: those of their region, or of a region above
// or below it, that are not over yet, the soonest first, each saying
// whether they joined it. Joining is Join; its checks (age, region,
// places) are not repeated here. An unknown young person has none.
func (s *Service) OpenFor(ctx context.Context, youthID int64) ([]Offer, error) {
	as, err := store.Select(ctx, s.db.R, scanActivity, s.q.ActivityFrom+" "+s.q.OpenFor, youthID, s.today(), MaxOpen)
	if err != nil {
		return nil, err
	}
	ids, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (int64, error) {
		var id int64
		return id, sc.Scan(&id)
	}, s.q.JoinedOf, youthID)
	if err != nil {
		return nil, err
	}
	joined := map[int64]bool{}
	for _, id := range ids {
		joined[id] = true
	}
	out := make([]Offer, len(as))
	for i, a := range as {
		out[i] = Offer{Activity: a, Joined: joined[a.ID]}
	}
	return out, nil
}
