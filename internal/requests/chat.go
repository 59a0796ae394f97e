package requests

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// A family that applies through the Telegram bot follows its request in
// the chat it applied from. The request remembers the chat (the table
// request_chats, one chat per request): a request submitted with
// Input.Chat has it from the start, in the submission's transaction, and
// AttachChat gives an existing request to a chat that proves the
// applicant's phone. From then on every message queued for the status
// page (notify, SettleAll) is queued for the chat as well, on channel
// TelegramCh with the chat ID as its address, the same key and
// arguments; the bot delivers them through Dispatch. ForgetChat detaches
// a chat: its requests' later messages go to the status page only.

// chatGone is the error of the pending messages of a forgotten chat.
const chatGone = "the chat was detached"

// ChatAddress is the outbox address of a Telegram chat: its ID.
func ChatAddress(chat int64) string { return strconv.FormatInt(chat, 10) }

// AttachChat makes chat follow request id, in place of any chat that did,
// when the request's applicant's phone has the same last ten digits as
// phone: the number the chat shared through Telegram's contact button,
// which the bot has verified. It reports whether the chat follows the
// request now; a request of another phone is left alone. The public form
// calls it for an application that found the child's request already.
func (s *Service) AttachChat(ctx context.Context, id, chat int64, phone string) (bool, error) {
	digits := phoneDigits(phone)
	if chat == 0 || len(digits) < 10 {
		return false, nil
	}
	res, err := s.db.Writer(ctx).ExecContext(ctx, s.q.AttachChat, id, chat, s.now().UTC(), digits)
	if err != nil {
		return false, fmt.Errorf("requests: attach a chat: %w", err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// ForgetChat detaches chat from every request that it follows, when the
// family asks the bot to stop or the chat has blocked it: their later
// messages go to the status page only, and the chat's messages still
// pending are given up (failed, "the chat was detached"). It returns how
// many requests the chat followed.
func (s *Service) ForgetChat(ctx context.Context, chat int64) (int, error) {
	var n int
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		n, err = s.ForgetChatIn(ctx, tx, chat)
		return err
	})
	return n, err
}

// ForgetChatIn is ForgetChat in the caller's transaction tx: the bot's,
// which stops the chat in the same one.
func (s *Service) ForgetChatIn(ctx context.Context, tx store.Querier, chat int64) (int, error) {
	res, err := tx.ExecContext(ctx, s.q.ForgetChat, chat)
	if err != nil {
		return 0, fmt.Errorf("requests: forget a chat: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("requests: forget a chat: %w", err)
	}
	if _, err := tx.ExecContext(ctx, s.q.DropChatMessages, ChatAddress(chat), chatGone); err != nil {
		return 0, fmt.Errorf("requests: forget a chat: %w", err)
	}
	return int(n), nil
}

// ChatOf is the Telegram chat that follows request id, read in q; false
// when none does.
func (s *Service) ChatOf(ctx context.Context, q store.Querier, id int64) (int64, bool, error) {
	return s.chatOf(ctx, q, id)
}

// rememberChat records that new request id is followed by chat, if any.
func (s *Service) rememberChat(ctx context.Context, tx store.Querier, id, chat int64, now time.Time) error {
	if chat == 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, s.q.InsertRequestChat, id, chat, now)
	return err
}
