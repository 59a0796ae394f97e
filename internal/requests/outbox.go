package requests

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// Every status change leaves a message to the applicant in the outbox, in
// their language: a message key ("requestnotice.approved") and its
// arguments, rendered by the channel that delivers it. The status page
// shows a request's messages when it is asked, and marks them delivered
// then. A request followed in a Telegram chat (chat.go) gets each message
// twice, once for the page and once for the chat (channel TelegramCh,
// address the chat ID); the bot delivers the chat's through Dispatch.

// OutboxChannel is a way messages reach applicants.
type OutboxChannel string

// The channels of the outbox.
const (
	StatusPage OutboxChannel = "status_page"
	TelegramCh OutboxChannel = "telegram"
	// SMS is a text message to a phone: the one-time codes of handovers
	// go this way (see outbox_queue.go).
	SMS OutboxChannel = "sms"
)

// Message is one message of the outbox.
type Message struct {
	ID        int64             `json:"id"`
	RequestID int64             `json:"request_id"`
	Channel   OutboxChannel     `json:"channel"`
	Address   string            `json:"address,omitempty"` // the chat or number; the reference for the status page
	Locale    string            `json:"locale"`
	Key       string            `json:"message_key"`
	Args      map[string]string `json:"args"`
	State     string            `json:"state"` // pending, sent, failed
	Attempts  int               `json:"attempts"`
	LastError string            `json:"last_error,omitempty"`
	CreatedAt time.Time         `json:"created_at"`
}

// notify queues the message for r's status: for the status page, and for
// the Telegram chat that follows r when one does (see chat.go).
func (s *Service) notify(ctx context.Context, tx store.Querier, r Request, now time.Time) error {
	args, err := json.Marshal(map[string]string{"Reference": r.Reference, "Status": string(r.Status)})
	if err != nil {
		return err
	}
	key := "requestnotice." + string(r.Status)
	if _, err = tx.ExecContext(ctx, s.q.InsertOutbox, r.ID, StatusPage, r.Reference, r.Locale, key, string(args), now); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, s.q.InsertChatOutbox, r.ID, r.Locale, key, string(args), now)
	return err
}

// Sender delivers messages of one channel: the status page, a text
// message gateway, the bot; Outbox is the Sender that queues them for
// those. Send returns an error to have the message tried again.
type Sender interface {
	Channel() OutboxChannel
	Send(ctx context.Context, m Message) error
}

// TxSender is a Sender that hands a message over inside the database: the
// bot, whose own outbox is in the same database. Dispatch calls SendIn in
// the transaction that marks the message sent, so a message is handed
// over exactly once, crash or not; Send is not called.
type TxSender interface {
	Sender
	SendIn(ctx context.Context, tx *store.Tx, m Message) error
}

// maxAttempts is how often a message is tried before it is given up;
// one refused with ErrUndeliverable is given up at once.
const maxAttempts = 5

// Dispatch hands up to limit pending messages of snd's channel to it, in
// order, and records each outcome: sent, or a failed attempt (given up
// after maxAttempts). It returns how many were sent.
func (s *Service) Dispatch(ctx context.Context, snd Sender, limit int) (int, error) {
	ms, err := store.Select(ctx, s.db.R, scanMessage, s.q.PendingOutbox, snd.Channel(), 0, limit)
	if err != nil {
		return 0, fmt.Errorf("requests: outbox: %w", err)
	}
	sent := 0
	for _, m := range ms {
		if err := s.hand(ctx, snd, m); err != nil {
			if err := s.markFailed(ctx, m, err); err != nil {
				return sent, fmt.Errorf("requests: outbox: %w", err)
			}
			continue
		}
		sent++
	}
	return sent, nil
}

// hand gives m to snd and marks it sent: in one transaction with a
// TxSender, after Send with another.
func (s *Service) hand(ctx context.Context, snd Sender, m Message) error {
	if ts, ok := snd.(TxSender); ok {
		return s.db.Atomic(ctx, func(tx *store.Tx) error {
			if err := ts.SendIn(ctx, tx, m); err != nil {
				return err
			}
			return s.markSent(ctx, tx, m)
		})
	}
	if err := snd.Send(ctx, m); err != nil {
		return err
	}
	if err := s.markSent(ctx, s.db.W, m); err != nil {
		return fmt.Errorf("requests: outbox: %w", err)
	}
	return nil
}

// markSent records m sent, its secrets blanked.
func (s *Service) markSent(ctx context.Context, q store.Querier, m Message) error {
	if _, err := q.ExecContext(ctx, s.q.MarkSent, m.ID, s.now().UTC()); err != nil {
		return err
	}
	return s.blankSecrets(ctx, q, m)
}

// markFailed records a failed attempt at m, cause its error; a message
// given up keeps no code in the clear either.
func (s *Service) markFailed(ctx context.Context, m Message, cause error) error {
	tries := maxAttempts
	if errors.Is(cause, ErrUndeliverable) {
		tries = 1 // given up at once
	}
	if _, err := s.db.W.ExecContext(ctx, s.q.MarkFailed, m.ID, cause.Error(), tries); err != nil {
		return err
	}
	if m.Attempts+1 >= tries {
		return s.blankSecrets(ctx, s.db.W, m)
	}
	return nil
}

// Messages returns the messages queued for request id, oldest first; the
// status page shows the latest.
func (s *Service) Messages(ctx context.Context, id int64) ([]Message, error) {
	return store.Select(ctx, s.db.R, scanMessage, s.q.OutboxOfRequest, id)
}

func scanMessage(sc store.Scanner) (Message, error) {
	var m Message
	var args string
	if err := sc.Scan(&m.ID, &m.RequestID, &m.Channel, &m.Address, &m.Locale, &m.Key, &args, &m.State, &m.Attempts,
		&m.LastError, &m.CreatedAt); err != nil {
		return Message{}, err
	}
	m.CreatedAt = m.CreatedAt.UTC()
	return m, json.Unmarshal([]byte(args), &m.Args)
}

// StatusPageSender is the status page's channel: the page reads a
// request's messages itself, so handing one over is marking it delivered.
type StatusPageSender struct{}

// Channel is StatusPage.
func (StatusPageSender) Channel() OutboxChannel { return StatusPage }

// Send delivers nothing: the page shows the message when it is asked.
func (StatusPageSender) Send(context.Context, Message) error { return nil }
