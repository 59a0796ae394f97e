package distribution

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
)

// ChatLocales tells the language a Telegram chat chose, "" for none (the
// bot's conversations, conv.Service).
type ChatLocales interface {
	ChatLocale(ctx context.Context, q store.Querier, chat int64) (string, error)
}

// SetChatLocales makes the invitations that go to a family's Telegram
// chat written in the language the chat chose rather than the request's;
// without it, every invitation is in the request's language.
func (s *Service) SetChatLocales(l ChatLocales) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chats = l
}

// messageLocale is the language of a message about request r, read in
// tx: the language of the Telegram chat that follows the request when
// the chat chose one (the message goes there), else the request's.
func (s *Service) messageLocale(ctx context.Context, tx *sql.Tx, r requestRow) (string, error) {
	s.mu.Lock()
	chats := s.chats
	s.mu.Unlock()
	if chats == nil {
		return r.locale, nil
	}
	chat, ok, err := s.requests.ChatOf(ctx, tx, r.id)
	if err != nil || !ok {
		return r.locale, err
	}
	chosen, err := chats.ChatLocale(ctx, tx, chat)
	if err != nil {
		return "", err
	}
	if _, ok := i18n.Parse(chosen); ok {
		return chosen, nil
	}
	return r.locale, nil
}
