package conv

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jolproject/jol/internal/store"
)

// ChatLocale is the language chat chose (/language, or its first
// choice), read in q: "" when it chose none or the bot never heard from
// it. Notifications to the chat are written in it.
func (s *Service) ChatLocale(ctx context.Context, q store.Querier, chat int64) (string, error) {
	var l string
	err := q.QueryRowContext(ctx, s.q.ChatLocale, chat).Scan(&l)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return l, err
}

// Restart makes chat start over, in q: it forgets the language it chose
// and the flow it stands in, as a chat the bot never heard from; a link
// to a staff account stays. The chat simulator's "start over" calls it
// (bot.Service.OnStartOver).
func (s *Service) Restart(ctx context.Context, q store.Querier, chat int64) error {
	_, err := q.ExecContext(ctx, s.q.Restart, chat, s.now().UTC())
	return err
}
