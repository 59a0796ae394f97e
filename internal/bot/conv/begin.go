package conv

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strconv"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/store"
)

// ErrBusy is Begin's refusal to break into a chat that is in the middle
// of another flow: its answers so far would be lost.
var ErrBusy = errors.New("conv: the chat is in the middle of another conversation")

// Begin starts flow in chat without a word from the user — a mentor
// asked to accept a match, a young person asked how a session went — at
// its start step with data as the flow's answers so far. It returns the
// question, in the chat's language, for the caller to queue in tx
// (bot.Service.Queue), and writes the chat's new state in tx. A chat
// standing at the main menu, or never seen, is begun; one in the middle
// of another flow is left alone with ErrBusy, and the caller tells it
// in plain words instead.
func (e *Engine) Begin(ctx context.Context, tx *store.Tx, chat int64, flow string, data map[string]string) ([]bot.Message, error) {
	f := e.flows[flow]
	if f == nil {
		return nil, fmt.Errorf("conv: no flow %q", flow)
	}
	cv, err := e.s.lockAndLoad(ctx, tx, chat)
	if err != nil {
		return nil, err
	}
	if cv.flow != "" && cv.flow != menuFlow && e.flows[cv.flow] != nil {
		return nil, ErrBusy
	}
	l, err := e.localizer(ctx, tx, cv.locale, "")
	if err != nil {
		return nil, err
	}
	c := &Chat{Ctx: store.Within(ctx, tx), Tx: tx, ID: chat, Data: maps.Clone(data), L: l, conv: &cv, e: e}
	if c.Data == nil {
		c.Data = map[string]string{}
	}
	cv.flow, cv.step = f.Name, f.Start
	if err := e.ask(c, true); err != nil {
		return nil, err
	}
	cv.data = c.Data
	if err := e.s.save(ctx, tx, cv); err != nil {
		return nil, err
	}
	return c.out, nil
}

// lockAndLoad reads chat's conversation after taking the chat's lock, so
// that Begin, called by a notifier, and the dispatcher's update of the
// same chat do not both read the old state and each write over the
// other's (on PostgreSQL; on SQLite each write transaction runs alone).
func (s *Service) lockAndLoad(ctx context.Context, tx *store.Tx, chat int64) (conversation, error) {
	if err := tx.Lock(ctx, "bot chat "+strconv.FormatInt(chat, 10)); err != nil {
		return conversation{}, fmt.Errorf("conv: lock chat %d: %w", chat, err)
	}
	return s.load(ctx, tx, chat)
}
