package bot

import (
	"context"
	"errors"

	"github.com/jolproject/jol/internal/store"
)

// record writes the outcome of sending o: err is the Client's.
func (x *Sender) record(ctx context.Context, o outgoing, err error) error {
	db, q := x.s.db, &x.s.q
	now := x.s.now()
	var ra *RetryAfter
	switch {
	case err == nil:
		x.s.metrics.message(ResultSent)
		return db.Atomic(ctx, func(tx *store.Tx) error {
			if _, err := tx.ExecContext(ctx, q.MarkSent, o.id, stamp(tx.Engine, now)); err != nil {
				return err
			}
			if err := x.s.seal(ctx, tx, o.id, o.m); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, q.ResetFailures, o.m.ChatID)
			return err
		})
	case errors.As(err, &ra):
		until := now.Add(ra.Wait)
		x.pace.hold(until)
		x.mu.Lock()
		if x.paused.Before(until) {
			x.paused = until
		}
		x.mu.Unlock()
		x.s.log.Warn("bot: Telegram asked to slow down", "retry_after", ra.Wait)
		x.s.metrics.message(ResultRetried)
		_, err := db.W.ExecContext(ctx, q.RetryMessage, o.id, stamp(db.Engine, until), err.Error())
		return err
	case errors.Is(err, ErrBlocked):
		return x.stop(ctx, o, err)
	case errors.Is(err, ErrRejected), o.attempts+1 >= max(x.Attempts, 1):
		x.s.log.Warn("bot: message not delivered", "message", o.id, "chat", o.m.ChatID, "err", err)
		x.s.metrics.message(ResultFailed)
		return db.Atomic(ctx, func(tx *store.Tx) error {
			if _, err := tx.ExecContext(ctx, q.FailMessage, o.id, err.Error()); err != nil {
				return err
			}
			if err := x.s.seal(ctx, tx, o.id, o.m); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, q.CountFailure, o.m.ChatID)
			return err
		})
	default:
		wait := x.Backoff << min(o.attempts, 10)
		x.s.metrics.message(ResultRetried)
		return db.Atomic(ctx, func(tx *store.Tx) error {
			if _, err := tx.ExecContext(ctx, q.RetryMessage, o.id, stamp(db.Engine, now.Add(wait)), err.Error()); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, q.CountFailure, o.m.ChatID)
			return err
		})
	}
}

// stop marks a chat whose user blocked the bot stopped, and fails this
// message and the chat's other pending ones: nothing can reach them
// until the user comes back (an update from them makes the chat active).
// The hooks of a stopped chat (OnStop) run in the same transaction.
func (x *Sender) stop(ctx context.Context, o outgoing, cause error) error {
	db, q := x.s.db, &x.s.q
	var failed int64
	err := db.Atomic(ctx, func(tx *store.Tx) error {
		if _, err := tx.ExecContext(ctx, q.StopChat, o.m.ChatID, stamp(tx.Engine, x.s.now())); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, q.FailMessage, o.id, cause.Error()); err != nil {
			return err
		}
		if err := x.s.seal(ctx, tx, o.id, o.m); err != nil {
			return err
		}
		var err error
		if failed, err = x.s.failPending(ctx, tx, q.FailChatPending, o.m.ChatID, "chat stopped: the user blocked the bot"); err != nil {
			return err
		}
		return x.s.stopped(ctx, tx, o.m.ChatID)
	})
	if err != nil {
		return err
	}
	x.s.log.Info("bot: chat stopped, the user blocked the bot", "chat", o.m.ChatID)
	for range failed + 1 {
		x.s.metrics.message(ResultFailed)
	}
	return nil
}
