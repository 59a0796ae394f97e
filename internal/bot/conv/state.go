package conv

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// conversation is where one chat stands, as stored in bot_conversations.
type conversation struct {
	chatID   int64
	locale   string // the language the chat chose; "" until it chooses
	userID   int64  // the Jol user the chat is linked to; 0 for none
	linkedAt time.Time
	flow     string
	step     string
	version  int
	data     map[string]string // the flow's answers so far
	linkID   int64             // the deep link the chat was started from; 0 for none
}

// load reads chat's conversation in q; a chat never seen stands nowhere
// (no flow, version 0).
func (s *Service) load(ctx context.Context, q store.Querier, chat int64) (conversation, error) {
	c := conversation{chatID: chat, data: map[string]string{}}
	var linked sql.NullTime
	var data string
	err := q.QueryRowContext(ctx, s.q.Load, chat).Scan(&c.locale, &c.userID, &linked, &c.flow, &c.step, &c.version, &data, &c.linkID)
	if errors.Is(err, sql.ErrNoRows) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("conv: load chat %d: %w", chat, err)
	}
	c.linkedAt = store.TimeOf(linked)
	if err := json.Unmarshal([]byte(data), &c.data); err != nil {
		return c, fmt.Errorf("conv: chat %d's data: %w", chat, err)
	}
	if c.data == nil {
		c.data = map[string]string{}
	}
	return c, nil
}

// save writes c in q.
func (s *Service) save(ctx context.Context, q store.Querier, c conversation) error {
	data, err := json.Marshal(c.data)
	if err != nil {
		return err
	}
	var linked sql.NullTime
	if c.userID != 0 {
		linked = sql.NullTime{Time: c.linkedAt, Valid: true}
	}
	_, err = q.ExecContext(ctx, s.q.Save, c.chatID, c.locale, store.NullID(c.userID), linked, c.flow, c.step,
		c.version, string(data), store.NullID(c.linkID), s.now().UTC())
	if err != nil {
		return fmt.Errorf("conv: save chat %d: %w", c.chatID, err)
	}
	return nil
}
