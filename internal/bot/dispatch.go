package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// Dispatcher hands stored updates to a Handler: each chat's updates one
// at a time in update_id order, different chats side by side. An update
// is processed in one transaction: the Handler's work, the messages it
// returns (queued in the outbox) and the update's "done". When the
// Handler fails, the update is tried again (Attempts in all), then marked
// failed with the error, and the chat moves on to its next update.
//
// The transaction is carried in the Handler's context (store.Within), so
// the domain operations it calls write in it: an application submitted
// from a conversation commits with the conversation's step, or neither
// does. An update that takes longer than Timeout is failed, not waited
// for: a write that waited for a second transaction (SQLite has one
// writer) would otherwise hold the chat forever.
type Dispatcher struct {
	s        *Service
	h        Handler
	Workers  int           // chats processed side by side (4)
	Batch    int           // updates read at a time (500)
	Attempts int           // tries of a failing update (3)
	Backoff  time.Duration // pause between tries (50ms, doubling)
	Idle     time.Duration // how often to look for work with no signal (1s)
	Timeout  time.Duration // the longest one update may take (30s)
}

// Dispatcher returns a dispatcher of this service's inbox to h.
func (s *Service) Dispatcher(h Handler) *Dispatcher {
	return &Dispatcher{s: s, h: h, Workers: 4, Batch: 500, Attempts: 3,
		Backoff: 50 * time.Millisecond, Idle: time.Second, Timeout: 30 * time.Second}
}

// Run processes updates as they are stored until ctx ends.
func (d *Dispatcher) Run(ctx context.Context) error {
	t := time.NewTicker(d.Idle)
	defer t.Stop()
	for {
		n, err := d.ProcessPending(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			d.s.log.Error("bot: dispatch", "err", err)
		}
		if n > 0 && err == nil {
			continue // there may be more
		}
		select {
		case <-ctx.Done():
			return nil
		case <-d.s.updates:
		case <-t.C:
		}
	}
}

// ProcessPending processes one batch of pending updates and returns how
// many it finished (done or failed).
func (d *Dispatcher) ProcessPending(ctx context.Context) (int, error) {
	batch, err := d.pending(ctx)
	if err != nil || len(batch) == 0 {
		return 0, err
	}
	// Group by chat, each chat's updates in order; chats go to workers.
	var order []int64
	byChat := map[int64][]pendingUpdate{}
	for _, p := range batch {
		if _, ok := byChat[p.u.ChatID]; !ok {
			order = append(order, p.u.ChatID)
		}
		byChat[p.u.ChatID] = append(byChat[p.u.ChatID], p)
	}
	chats := make(chan int64)
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		done  int
		first error
	)
	for range min(max(d.Workers, 1), len(order)) {
		wg.Go(func() {
			for chat := range chats {
				for _, p := range byChat[chat] {
					err := d.process(ctx, p)
					mu.Lock()
					if err == nil {
						done++
					} else if first == nil {
						first = err
					}
					mu.Unlock()
					if err != nil {
						break // the rest of this chat waits: its order is kept
					}
				}
			}
		})
	}
	for _, c := range order {
		chats <- c
	}
	close(chats)
	wg.Wait()
	return done, first
}

type pendingUpdate struct {
	u        Update
	attempts int
}

func (d *Dispatcher) pending(ctx context.Context) ([]pendingUpdate, error) {
	return store.Select(ctx, d.s.db.R, func(sc store.Scanner) (pendingUpdate, error) {
		var p pendingUpdate
		var id int64
		var payload string
		if err := sc.Scan(&id, &payload, &p.attempts); err != nil {
			return p, err
		}
		if err := json.Unmarshal([]byte(payload), &p.u); err != nil {
			return p, fmt.Errorf("update %d: %w", id, err)
		}
		p.u.ID = id
		return p, nil
	}, d.s.q.PendingUpdates, max(d.Batch, 1))
}

// process runs one update to the end: done, or failed after its tries.
// It returns an error only when the database failed (the update stays
// pending and is tried again by the next batch).
func (d *Dispatcher) process(ctx context.Context, p pendingUpdate) error {
	wait := d.Backoff
	for try := p.attempts + 1; ; try++ {
		herr, err := d.handle(ctx, p.u)
		if err != nil {
			return err
		}
		if herr == nil {
			d.s.metrics.updates.Inc()
			return nil
		}
		if try >= max(d.Attempts, 1) {
			d.s.log.Error("bot: update failed", "update", p.u.ID, "chat", p.u.ChatID, "err", herr)
			_, err := d.s.db.W.ExecContext(ctx, d.s.q.FinishUpdate, p.u.ID, "failed", herr.Error(),
				stamp(d.s.db.Engine, d.s.now()))
			d.s.metrics.updates.Inc()
			return err
		}
		if _, err := d.s.db.W.ExecContext(ctx, d.s.q.FailedAttempt, p.u.ID, herr.Error()); err != nil {
			return err
		}
		if err := sleep(ctx, wait); err != nil {
			return err
		}
		wait *= 2
	}
}

// errGone: another dispatcher finished the update first.
var errGone = errors.New("update no longer pending")

// handle runs the Handler in the update's transaction. herr is the
// Handler's failure (the transaction rolled back); err a database one.
func (d *Dispatcher) handle(ctx context.Context, u Update) (herr, err error) {
	if d.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d.Timeout)
		defer cancel()
	}
	err = d.s.db.Atomic(ctx, func(tx *store.Tx) error {
		now := d.s.now()
		res, err := tx.ExecContext(ctx, d.s.q.FinishUpdate, u.ID, "done", "", stamp(tx.Engine, now))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return errors.Join(errGone, err)
		}
		if err := d.touch(ctx, tx, u, now); err != nil {
			return err
		}
		// The Handler's domain operations write in this transaction.
		ms, hErr := d.call(store.Within(ctx, tx), tx, u)
		if hErr != nil {
			herr = hErr
			return hErr
		}
		return d.s.Queue(ctx, tx, ms...)
	})
	switch {
	case errors.Is(err, errGone):
		return nil, nil
	case herr != nil && errors.Is(err, herr):
		return herr, nil
	}
	return nil, err
}

// call runs the Handler, turning a panic into an error.
func (d *Dispatcher) call(ctx context.Context, tx *store.Tx, u Update) (ms []Message, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("handler panicked: %v", p)
		}
	}()
	return d.h.Handle(ctx, tx, u)
}

// touch records that the chat was heard from: a blocked bot (my_chat_member
// "kicked") stops the chat, fails its pending messages and runs the hooks
// of a stopped chat (OnStop); anything else
// means the user is there, so the chat is active again.
func (d *Dispatcher) touch(ctx context.Context, tx *store.Tx, u Update, now time.Time) error {
	at := stamp(tx.Engine, now)
	if u.Kind == KindMember && (u.Member == "kicked" || u.Member == "left") {
		if _, err := tx.ExecContext(ctx, d.s.q.TouchChat, u.ChatID, at, "stopped", at); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, d.s.q.FailChatPending, u.ChatID, "chat stopped: the user blocked the bot"); err != nil {
			return err
		}
		return d.s.stopped(ctx, tx, u.ChatID)
	}
	_, err := tx.ExecContext(ctx, d.s.q.TouchChat, u.ChatID, at, "active", nil)
	return err
}
