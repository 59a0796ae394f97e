package youthbot

import (
	"context"
	"slices"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// overlap is how long before the previous pass began a pass looks for
// changes: a change stamped just before that pass read, whose transaction
// committed just after, is found by the next. News told twice is not a
// risk (youth_chat_news), only the cost of reading it again.
const overlap = 5 * time.Minute

// pageSize is how many chats the first pass reads at a time.
const pageSize = 200

// all is every young person with a chat, for the first pass: what
// changed before the process started is known to no watermark.
func (n *Notifier) all(ctx context.Context) ([]int64, error) {
	var ids []int64
	for after := int64(0); ; {
		page, err := store.Select(ctx, n.DB.R, scanID, n.f.q[n.DB.Engine].Chats, after, pageSize)
		if err != nil {
			return nil, err
		}
		ids = append(ids, page...)
		if len(page) < pageSize {
			return ids, nil
		}
		after = page[len(page)-1]
	}
}

// changed is the young people with a chat who may have news since the
// pass that began at last, this one beginning at now: their proposals,
// mentorships or sessions changed (or their chat was linked) since a
// little before last, and, once the day has turned since last, those
// whose quiet spell reached RemindAfter in between. A reminder falls due
// only when a day turns, as the last meeting is a day (UTC midnight).
func (n *Notifier) changed(ctx context.Context, last, now time.Time) ([]int64, error) {
	q := n.f.q[n.DB.Engine]
	ids, err := store.Select(ctx, n.DB.R, scanID, q.Changed, last.Add(-overlap).Truncate(time.Second))
	if err != nil {
		return nil, err
	}
	if from, to := store.Day(last), store.Day(now); to.After(from) {
		quiet, err := store.Select(ctx, n.DB.R, scanID, q.Quiet, from.Add(-RemindAfter), to.Add(-RemindAfter))
		if err != nil {
			return nil, err
		}
		ids = append(ids, quiet...)
	}
	slices.Sort(ids)
	return slices.Compact(ids), nil
}

func scanID(sc store.Scanner) (int64, error) {
	var id int64
	return id, sc.Scan(&id)
}
