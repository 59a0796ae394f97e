package bot

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jolproject/jol/internal/store"
)

// A message that carries a secret (Message.Sealed: a one-time code of a
// handover) keeps it in the outbox only while it waits to go. Once it is
// sent, or given up, its payload is rewritten with the sealed text in
// place of the secret one, in the statement's transaction, so no row of
// a delivered or failed message holds a code anyone could still use.

// seal rewrites the payload of outbox row id, which holds m, with m's
// sealed text in place of its text; a message with nothing sealed is
// left as it is.
func (s *Service) seal(ctx context.Context, q store.Querier, id int64, m Message) error {
	if m.Sealed == "" {
		return nil
	}
	m.Text, m.Sealed = m.Sealed, ""
	payload, err := json.Marshal(m)
	if err != nil {
		return err
	}
	if _, err := q.ExecContext(ctx, s.q.SealMessage, id, string(payload)); err != nil {
		return fmt.Errorf("bot: seal message %d: %w", id, err)
	}
	return nil
}

// failPending runs query (FailChatPending, FailStoppedPending), which
// fails pending messages and returns their ids and payloads, in q, and
// seals those that carry a secret. It returns how many failed.
func (s *Service) failPending(ctx context.Context, q store.Querier, query string, args ...any) (int64, error) {
	type row struct {
		id int64
		m  Message
	}
	rows, err := store.Select(ctx, q, func(sc store.Scanner) (row, error) {
		var r row
		var payload string
		if err := sc.Scan(&r.id, &payload); err != nil {
			return r, err
		}
		return r, json.Unmarshal([]byte(payload), &r.m)
	}, query, args...)
	if err != nil {
		return 0, err
	}
	for _, r := range rows {
		if err := s.seal(ctx, q, r.id, r.m); err != nil {
			return 0, err
		}
	}
	return int64(len(rows)), nil
}
