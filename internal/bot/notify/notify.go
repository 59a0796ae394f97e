// Package notify carries the request outbox's Telegram messages (channel
// requests.TelegramCh: status changes, the one-time codes of handovers)
// to the bot. Sender renders each in the chat's language and queues it on
// the bot's outbox in the transaction that marks it sent in the request
// outbox (requests.TxSender), so a message is handed to the bot exactly
// once; from there the bot's sender delivers it at least once, within
// Telegram's limits. A message to a simulated chat is stored for the
// chat simulator, as every bot message is.
package notify

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/settings"
	"github.com/jolproject/jol/internal/store"
)

// Locales tells the language a chat chose, "" for none (conv.Service).
type Locales interface {
	ChatLocale(ctx context.Context, q store.Querier, chat int64) (string, error)
}

// Sender is the requests.TxSender of channel TelegramCh.
type Sender struct {
	Bot      *bot.Service
	Chats    Locales
	Settings *settings.Service // the installation's default language
	Catalog  *i18n.Catalog
}

var _ requests.TxSender = (*Sender)(nil)

// Channel is requests.TelegramCh.
func (*Sender) Channel() requests.OutboxChannel { return requests.TelegramCh }

// errNoTx: Dispatch hands a TxSender's messages over through SendIn.
var errNoTx = errors.New("notify: a Telegram message is handed over in a transaction (SendIn)")

// Send refuses: the outbox's Dispatch calls SendIn.
func (*Sender) Send(context.Context, requests.Message) error { return errNoTx }

// SendIn renders m in its chat's language and queues it for the chat in
// tx; a message with a secret (requests.SecretArgs) is sealed once sent
// (bot.Message.Sealed). A message with no chat or no text is refused for good; the error
// never holds the text, which may hold a code.
func (s *Sender) SendIn(ctx context.Context, tx *store.Tx, m requests.Message) error {
	chat, err := strconv.ParseInt(m.Address, 10, 64)
	if err != nil || chat == 0 {
		return requests.Undeliverable(fmt.Errorf("notify: %q is not a chat", m.Address))
	}
	loc, err := s.locale(ctx, tx, chat, m.Locale)
	if err != nil {
		return fmt.Errorf("notify: %w", err)
	}
	l := s.Catalog.Localizer(loc)
	txt := l.T(m.Key, m.Args)
	if txt == m.Key {
		return requests.Undeliverable(fmt.Errorf("notify: no text for message %q", m.Key))
	}
	msg := bot.Message{ChatID: chat, Text: txt}
	// A message with a code keeps, once sent, the same words with the
	// code masked: the chat's history says what was sent, not the code.
	if masked := l.T(m.Key, m.Masked().Args); masked != txt {
		msg.Sealed = masked
	}
	return s.Bot.Queue(ctx, tx, msg)
}

// locale is the chat's language, else the request's, else the
// installation's.
func (s *Sender) locale(ctx context.Context, q store.Querier, chat int64, request string) (i18n.Locale, error) {
	chosen, err := s.Chats.ChatLocale(ctx, q, chat)
	if err != nil {
		return "", err
	}
	if l, ok := i18n.Parse(chosen); ok {
		return l, nil
	}
	if l, ok := i18n.Parse(request); ok {
		return l, nil
	}
	set, err := s.Settings.GetIn(ctx, q)
	if err != nil {
		return "", err
	}
	l, _ := i18n.Parse(set.DefaultLocale)
	return l, nil
}
