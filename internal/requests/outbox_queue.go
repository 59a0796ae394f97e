package requests

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"

	"github.com/jolproject/jol/internal/store"
)

// A one-time code of a handover goes to the guardian's phone through the
// outbox like any other message: Queue writes it as a pending message of
// its channel (SMS), and the dispatcher of that channel delivers it when
// there is one (the bot, a text-message gateway). Until then it waits in
// the table, its code in the clear for as long as it is pending; the code
// itself only holds for minutes, and Dispatch blanks it once the message
// went, so a delivered message keeps no usable code. Pages show a
// message's code masked (Masked), but for the demo's handover screen.

// SecretArgs are the arguments of a message nobody but its addressee may
// read: Masked hides them, and Dispatch blanks them once sent.
var SecretArgs = []string{"Code"}

// maskedArg stands for a secret argument.
const maskedArg = "••••••"

// Masked is m with its secret arguments masked.
func (m Message) Masked() Message {
	m.Args = maps.Clone(m.Args)
	for _, k := range SecretArgs {
		if _, ok := m.Args[k]; ok {
			m.Args[k] = maskedArg
		}
	}
	return m
}

// hasSecret says whether m carries a secret argument in the clear.
func (m Message) hasSecret() bool {
	for _, k := range SecretArgs {
		if v, ok := m.Args[k]; ok && v != maskedArg {
			return true
		}
	}
	return false
}

// Outbox is a Sender that queues each message in the outbox as pending,
// for the dispatcher of its channel to deliver.
type Outbox struct {
	s  *Service
	ch OutboxChannel
	// FollowChat sends a message of a request a Telegram chat follows
	// (chat.go) to that chat instead, on channel TelegramCh: the one-time
	// codes of handovers go to the chat the family applied from, and to
	// the phone when there is none.
	FollowChat bool
	// Visible marks the demo's outbox, whose latest code the handover
	// screen shows in place of the phone it was meant for. Never set it
	// in a real installation: it would show the staff a one-time code.
	Visible bool
}

// Outbox returns the outbox of channel ch as a Sender.
func (s *Service) Outbox(ch OutboxChannel) *Outbox { return &Outbox{s: s, ch: ch} }

// Channel is the outbox's channel.
func (o *Outbox) Channel() OutboxChannel { return o.ch }

// Send queues m as a pending message of the outbox's channel.
func (o *Outbox) Send(ctx context.Context, m Message) error {
	_, err := o.QueueIn(ctx, o.s.db.W, m)
	return err
}

// QueueIn queues m as Send does, in the caller's transaction q, so that
// the message is queued if and only if the caller's change commits (an
// invitation to a distribution day and the record of it). It returns the
// channel m went to: the chat's with FollowChat, else the outbox's.
func (o *Outbox) QueueIn(ctx context.Context, q store.Querier, m Message) (OutboxChannel, error) {
	args, err := json.Marshal(m.Args)
	if err != nil {
		return "", err
	}
	if m.CreatedAt.IsZero() {
		m.CreatedAt = o.s.now().UTC()
	}
	ch, addr, err := o.route(ctx, q, m)
	if err != nil {
		return "", fmt.Errorf("requests: queue a message: %w", err)
	}
	if _, err := q.ExecContext(ctx, o.s.q.InsertOutbox, store.NullID(m.RequestID), ch, addr, m.Locale, m.Key,
		string(args), m.CreatedAt); err != nil {
		return "", fmt.Errorf("requests: queue a message: %w", err)
	}
	return ch, nil
}

// route is the channel and address m goes to: the request's chat with
// FollowChat when it has one, else the outbox's channel and m's address.
func (o *Outbox) route(ctx context.Context, q store.Querier, m Message) (OutboxChannel, string, error) {
	if !o.FollowChat || m.RequestID == 0 {
		return o.ch, m.Address, nil
	}
	chat, ok, err := o.s.chatOf(ctx, q, m.RequestID)
	switch {
	case err != nil:
		return "", "", err
	case !ok:
		return o.ch, m.Address, nil
	}
	return TelegramCh, ChatAddress(chat), nil
}

// GoesToChat reports whether a message about request id sent now would
// go to a Telegram chat (FollowChat, and a chat follows the request),
// read in q: a screen says where a code went.
func (o *Outbox) GoesToChat(ctx context.Context, q store.Querier, id int64) (bool, error) {
	if !o.FollowChat || id == 0 {
		return false, nil
	}
	_, ok, err := o.s.chatOf(ctx, q, id)
	return ok, err
}

// chatOf is the chat that follows request id, read in q; false when none.
func (s *Service) chatOf(ctx context.Context, q store.Querier, id int64) (int64, bool, error) {
	var chat int64
	err := q.QueryRowContext(ctx, s.q.ChatOfRequest, id).Scan(&chat)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return chat, err == nil, err
}

// Last returns the latest message of the outbox's channel with key about
// request id, whether it was sent or not.
func (o *Outbox) Last(ctx context.Context, id int64, key string) (Message, bool, error) {
	ms, err := o.s.Messages(ctx, id)
	if err != nil {
		return Message{}, false, err
	}
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].Channel == o.ch && ms[i].Key == key {
			return ms[i], true, nil
		}
	}
	return Message{}, false, nil
}

// blankSecrets rewrites sent message m's arguments with its secrets
// masked.
func (s *Service) blankSecrets(ctx context.Context, q store.Querier, m Message) error {
	if !m.hasSecret() {
		return nil
	}
	args, err := json.Marshal(m.Masked().Args)
	if err != nil {
		return err
	}
	_, err = q.ExecContext(ctx, s.q.SetOutboxArgs, m.ID, string(args))
	return err
}
