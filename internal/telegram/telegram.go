// Package telegram is the bot's adapter to Telegram's Bot API: it decodes
// Telegram's updates into bot.Update, receives them by long polling
// (Poller) or webhook (Webhook), always storing them in the bot's inbox
// before Telegram is told they arrived, and sends bot.Message through
// the Bot API (Client).
//
// The bot's token is a password: whoever has it is the bot. It is never
// logged, and every error that could carry it (the Bot API puts it in
// its URLs) has it replaced by "<token>".
package telegram

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"

	"github.com/jolproject/jol/internal/bot"
)

// DefaultServer is Telegram's Bot API server.
const DefaultServer = "https://api.telegram.org"

// Inbox is where received updates are stored (bot.Service).
type Inbox interface {
	Store(ctx context.Context, us ...bot.Update) (int, error)
}

// WebhookSecret is the secret Telegram is asked to send with every
// webhook request (the X-Telegram-Bot-Api-Secret-Token header), derived
// from the token so it survives restarts and changes with the token;
// it cannot be turned back into the token.
func WebhookSecret(token string) string {
	m := hmac.New(sha256.New, []byte(token))
	m.Write([]byte("jol telegram webhook secret"))
	return hex.EncodeToString(m.Sum(nil))
}

// redacted is an error whose text had the token taken out. It matches
// (errors.Is) what the original matched, but does not unwrap to it, so
// nothing can print the original text.
type redacted struct {
	msg   string
	cause error
}

func (e *redacted) Error() string        { return e.msg }
func (e *redacted) Is(target error) bool { return errors.Is(e.cause, target) }
func redactText(s, token string) string {
	if token == "" {
		return s
	}
	return strings.ReplaceAll(s, token, "<token>")
}

// redact hides token in err's text.
func redact(err error, token string) error {
	if err == nil {
		return nil
	}
	return &redacted{msg: redactText(err.Error(), token), cause: err}
}
