package bot

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jolproject/jol/internal/store"
)

// Queue adds messages to the outbox in tx, in order, so they are sent
// only if tx commits; the sender is woken once it has. A message to a
// simulated chat is never sent: it is stored as sent at once, and the
// simulator reads it back (Messages).
func (s *Service) Queue(ctx context.Context, tx *store.Tx, ms ...Message) error {
	now := s.now()
	at, sent := stamp(tx.Engine, now), stamp(tx.Engine, now)
	real := 0
	for _, m := range ms {
		payload, err := json.Marshal(m)
		if err != nil {
			return err
		}
		state, sentAt := "pending", any(nil)
		if IsSimulated(m.ChatID) {
			state, sentAt = "sent", sent
		} else {
			real++
		}
		if _, err := tx.ExecContext(ctx, s.q.InsertMessage, m.ChatID, string(payload), state, at, sentAt); err != nil {
			return fmt.Errorf("queue a message to chat %d: %w", m.ChatID, err)
		}
	}
	sim := len(ms) - real
	tx.AfterCommit(func(context.Context) {
		for range sim {
			s.metrics.message(ResultSimulated)
		}
		if real > 0 {
			wake(s.outgoing)
		}
	})
	return nil
}

// Queued is a message as the outbox keeps it.
type Queued struct {
	ID       int64
	Message  Message
	State    string // pending, sent, failed
	Attempts int
	Error    string
}

// Messages returns a chat's messages after the one with id after (0: all),
// in order: what the chat simulator shows, and what tests read.
func (s *Service) Messages(ctx context.Context, chatID, after int64) ([]Queued, error) {
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (Queued, error) {
		var q Queued
		var payload string
		if err := sc.Scan(&q.ID, &payload, &q.State, &q.Attempts, &q.Error); err != nil {
			return q, err
		}
		return q, json.Unmarshal([]byte(payload), &q.Message)
	}, s.q.ChatMessages, chatID, after)
}
