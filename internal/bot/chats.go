package bot

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// StoppedChat is a chat that blocked the bot, as the operations page
// lists it: Telegram's chat id and dates, nothing of what was said.
type StoppedChat struct {
	ChatID     int64
	StoppedAt  time.Time
	LastUpdate time.Time // zero: never heard from
	Failures   int       // deliveries that failed in a row
}

// StoppedChats lists the stopped chats a page at a time, highest chat id
// first, and returns the next page's cursor ("" on the last).
func (s *Service) StoppedChats(ctx context.Context, p store.Page) ([]StoppedChat, string, error) {
	rows, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (StoppedChat, error) {
		var c StoppedChat
		var stopped, last sql.NullTime
		err := sc.Scan(&c.ChatID, &stopped, &last, &c.Failures)
		c.StoppedAt, c.LastUpdate = store.TimeOf(stopped), store.TimeOf(last)
		return c, err
	}, s.q.StoppedChats, p.BeforeArg(), p.LimitArg(), p.SkipArg())
	if err != nil {
		return nil, "", err
	}
	rows, next := store.Trim(p, rows, func(c StoppedChat) int64 { return c.ChatID })
	return rows, next, nil
}
