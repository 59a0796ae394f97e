package bot

import (
	"context"
	"fmt"

	"github.com/jolproject/jol/internal/store"
)

// OnStartOver adds h to the hooks of a simulated chat that starts over
// (StartOver): the conversation forgets where the chat stood, say. Call
// it before the bot runs.
func (s *Service) OnStartOver(h StopHook) { s.onForget = append(s.onForget, h) }

// StartOver forgets the chat simulator's chat of user userID, as if they
// had deleted it and opened the bot afresh: its processed updates, its
// messages and its delivery status go, and the hooks of a chat that
// starts over (OnStartOver) and of a stopped one (OnStop: the requests
// it followed forget it) run, all in one transaction. An update still
// pending stays, for the dispatcher may be working on it. Only a
// simulated chat can start over: no real chat is ever touched.
func (s *Service) StartOver(ctx context.Context, userID int64) error {
	chat := SimulatedChat(userID)
	if !IsSimulated(chat) {
		return fmt.Errorf("bot: start over: chat %d is not simulated", chat)
	}
	return s.db.Atomic(ctx, func(tx *store.Tx) error {
		for _, q := range []string{s.q.ForgetUpdates, s.q.ForgetMessages, s.q.ForgetChat} {
			if _, err := tx.ExecContext(ctx, q, chat); err != nil {
				return fmt.Errorf("bot: start over: %w", err)
			}
		}
		for _, h := range s.onForget {
			if err := h(ctx, tx, chat); err != nil {
				return fmt.Errorf("bot: start over: %w", err)
			}
		}
		return s.stopped(ctx, tx, chat)
	})
}
