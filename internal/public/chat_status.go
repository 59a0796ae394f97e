package public

import (
	"context"
	"math"

	"github.com/jolproject/jol/internal/store"
)

// ChatPageSize is how many requests one answer to "/status" lists.
const ChatPageSize = 20

// ChatPage is one page of the requests a chat follows, newest first.
type ChatPage struct {
	Requests []ChatStatus
	// Next is the before of the next page, 0 on the last.
	Next int64
}

// ChatStatus is one request as the status page shows it, with the name
// of its campaign.
type ChatStatus struct {
	Status
	Campaign Names
}

// ForChat returns the requests Telegram chat follows, newest first,
// ChatPageSize at most from before (a ChatPage's Next; 0 for the
// newest). Each is what the status page shows of it, read by the page's
// own code (show): its reference, status, a rejection's reason code and
// the messages for the page, which are delivered by being shown here as
// there; the bot words them as the page does, in the reader's language.
// Nothing else about the child is read. The chat is the bot's to verify:
// it asks only for the chat it speaks to, which applied (ApplyByTelegram).
// Like the status page, which writes no access log, it reads nothing
// personal; attempts are limited per chat as the page's per address.
func (s *Service) ForChat(ctx context.Context, chat, before int64) (ChatPage, error) {
	if !s.limits.Take(Key{ChatKey("status", chat), StatusPerAddress}) {
		return ChatPage{}, ErrLimited
	}
	if before <= 0 {
		before = math.MaxInt64
	}
	type row struct {
		st   Status
		slug string
	}
	rows, err := store.Select(ctx, s.DB.R, func(sc store.Scanner) (row, error) {
		var r row
		err := sc.Scan(&r.st.RequestID, &r.st.Status, &r.st.Reason, &r.st.Reference, &r.slug)
		return r, err
	}, s.q.StatusesOfChat, chat, before, ChatPageSize+1)
	if err != nil {
		return ChatPage{}, err
	}
	var page ChatPage
	if len(rows) > ChatPageSize {
		rows = rows[:ChatPageSize]
		page.Next = rows[ChatPageSize-1].st.RequestID
	}
	names := map[string]Names{} // a family's requests share a campaign or two
	for _, r := range rows {
		st, err := s.show(ctx, r.st)
		if err != nil {
			return ChatPage{}, err
		}
		n, ok := names[r.slug]
		if !ok {
			c, err := s.Campaigns.PublicCampaign(ctx, r.slug)
			if err != nil {
				return ChatPage{}, err
			}
			n, names[r.slug] = c.Names, c.Names
		}
		page.Requests = append(page.Requests, ChatStatus{Status: st, Campaign: n})
	}
	return page, nil
}
