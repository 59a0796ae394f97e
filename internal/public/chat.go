package public

import (
	"context"
	"errors"
	"strconv"

	"github.com/jolproject/jol/internal/requests"
)

// The Telegram bot takes applications and answers "/status" with this
// service, as the form and the status page do: the same checks, refusals
// and transaction (ApplyByTelegram), and the same view of each request
// (ForChat). What the bot adds is the chat, which it has verified: the
// request remembers it (requests.Input.Chat) and its messages go there
// too.

// Chat is the Telegram chat an application comes from: its ID, and the
// phone number it shared through Telegram's contact button, which the
// bot has verified as the chat's own.
type Chat struct {
	ID    int64
	Phone string
}

// ChatKey is the key a chat's attempts are counted under.
func ChatKey(op string, chat int64) string { return op + " chat:" + strconv.FormatInt(chat, 10) }

// errNoChat is a caller's mistake: a Telegram application without a chat.
var errNoChat = errors.New("public: a Telegram application without a chat")

// ApplyByTelegram takes an application to campaign slug from chat, as
// Apply takes the form's: the same checks against the campaign and its
// rules, the same refusals with the same message keys, the same one
// transaction. The guardian's phone is the chat's (whatever a says): it
// is recorded as the form records the phone typed. The request comes by
// the channel Telegram and remembers the chat, in the same transaction,
// so its messages go to the chat as well as to the status page. A child
// who has applied before gets the existing request's reference, as on
// the form, and the chat follows that request only when it was made with
// the same phone (requests.Service.AttachChat): the phone is what the
// status page asks for it. Attempts are limited per chat, as the form's
// per client address.
func (s *Service) ApplyByTelegram(ctx context.Context, slug string, chat Chat, a Application) (Receipt, error) {
	if chat.ID == 0 {
		return Receipt{}, errNoChat
	}
	a.GuardianPhone = chat.Phone
	o := origin{channel: requests.Telegram, limit: ChatKey("apply", chat.ID), chat: chat.ID}
	return s.apply(ctx, slug, o, a, false)
}

// Check checks a as an application to campaign slug, by the form's rules,
// without writing anything or counting an attempt: the bot asks it after
// each answer, so that a mistake is told at its question, and keeps only
// the refusals of the fields asked so far. The campaign is returned as
// Campaign returns it; a campaign that does not take applications today
// is ErrClosed.
func (s *Service) Check(ctx context.Context, slug string, a Application) (Campaign, error) {
	c, err := s.Campaign(ctx, slug)
	if err != nil {
		return Campaign{}, err
	}
	today := s.Now().UTC()
	if !c.Open(today) {
		return c, ErrClosed
	}
	_, err = a.check(c, today)
	return c, err
}
