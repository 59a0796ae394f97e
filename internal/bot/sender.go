package bot

import (
	"context"
	"encoding/json"
	"maps"
	"sync"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// Sender delivers the outbox through a Client within Limits: each chat's
// messages in order and at least PerChat apart, all chats together at
// most PerSec a second. A 429 holds every send for its retry_after; a
// user who blocked the bot stops the chat and fails its pending messages;
// another failure is tried again later, Attempts times in all.
type Sender struct {
	s        *Service
	c        Client
	l        Limits
	pace     *pacer
	Attempts int           // tries of a message failing for other reasons (5)
	Backoff  time.Duration // first wait before a retry (2s, doubling)
	Batch    int           // messages read at a time (1000)
	Idle     time.Duration // how often to look for due messages with no signal (1s)

	mu       sync.Mutex
	inflight map[int64]bool      // chats with a send under way
	last     map[int64]time.Time // when each chat's last send began
	paused   time.Time           // no send before this (retry_after)
	freed    chan struct{}       // a send finished
}

// Sender returns a sender of this service's outbox through c.
func (s *Service) Sender(c Client, l Limits) *Sender {
	if l.PerSec <= 0 {
		l.PerSec = DefaultLimits.PerSec
	}
	if l.Workers <= 0 {
		l.Workers = DefaultLimits.Workers
	}
	return &Sender{s: s, c: c, l: l, pace: newPacer(l.PerSec), Attempts: 5, Backoff: 2 * time.Second,
		Batch: 1000, Idle: time.Second, inflight: map[int64]bool{}, last: map[int64]time.Time{},
		freed: make(chan struct{}, 1)}
}

type outgoing struct {
	id       int64
	attempts int
	m        Message
}

// Run sends due messages until ctx ends; sends under way are finished
// (or abandoned with ctx: such a message stays pending) before it returns.
func (x *Sender) Run(ctx context.Context) error {
	jobs := make(chan outgoing)
	var wg sync.WaitGroup
	for range x.l.Workers {
		wg.Go(func() {
			for o := range jobs {
				x.deliver(ctx, o)
			}
		})
	}
	defer wg.Wait()
	defer close(jobs)
	t := time.NewTicker(x.Idle)
	defer t.Stop()
	for ctx.Err() == nil {
		due, soon, err := x.due(ctx)
		if err != nil && ctx.Err() == nil {
			x.s.log.Error("bot: read the outbox", "err", err)
		}
		for _, o := range due {
			if err := x.wait(ctx); err != nil {
				return nil
			}
			x.mu.Lock()
			x.inflight[o.m.ChatID] = true
			x.last[o.m.ChatID] = x.s.now()
			x.mu.Unlock()
			select {
			case jobs <- o:
			case <-ctx.Done():
				return nil
			}
		}
		if len(due) > 0 {
			continue
		}
		if soon <= 0 {
			soon = x.Idle
		}
		tm := time.NewTimer(soon) // a chat's next message may go then
		select {
		case <-ctx.Done():
		case <-x.s.outgoing:
		case <-x.freed:
		case <-t.C:
		case <-tm.C:
		}
		tm.Stop()
	}
	return nil
}

// wait blocks until the next send may begin: the global pace and any
// retry_after hold.
func (x *Sender) wait(ctx context.Context) error {
	for {
		now := x.s.now()
		x.mu.Lock()
		paused := x.paused.Sub(now)
		x.mu.Unlock()
		if paused > 0 {
			if err := sleep(ctx, paused); err != nil {
				return err
			}
			continue
		}
		if err := sleep(ctx, x.pace.reserve(now)); err != nil {
			return err
		}
		x.mu.Lock()
		held := x.paused.After(x.s.now())
		x.mu.Unlock()
		if !held {
			return ctx.Err()
		}
	}
}

// due reads the chats' next messages that may be sent now: due, of a chat
// with no send under way, last sent at least PerChat ago. soon is when
// the first chat left out for PerChat may be sent to (0: none was).
func (x *Sender) due(ctx context.Context) (due []outgoing, soon time.Duration, err error) {
	if err := x.s.db.Atomic(ctx, func(tx *store.Tx) error {
		_, err := x.s.failPending(ctx, tx, x.s.q.FailStoppedPending)
		return err
	}); err != nil {
		return nil, 0, err
	}
	// Chats with a send under way before the read are left out even if
	// it has finished since: the read may predate its "sent".
	x.mu.Lock()
	busy := maps.Clone(x.inflight)
	x.mu.Unlock()
	now := x.s.now()
	rows, err := store.Select(ctx, x.s.db.R, func(sc store.Scanner) (outgoing, error) {
		var o outgoing
		var chat int64
		var payload string
		if err := sc.Scan(&o.id, &chat, &payload, &o.attempts); err != nil {
			return o, err
		}
		return o, json.Unmarshal([]byte(payload), &o.m)
	}, x.s.q.DueMessages, stamp(x.s.db.Engine, now), max(x.Batch, 1))
	if err != nil {
		return nil, 0, err
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	out := rows[:0]
	for _, o := range rows {
		if busy[o.m.ChatID] || x.inflight[o.m.ChatID] {
			continue
		}
		if left := x.l.PerChat - now.Sub(x.last[o.m.ChatID]); left > 0 {
			if soon == 0 || left < soon {
				soon = left
			}
			continue
		}
		out = append(out, o)
	}
	for chat, at := range x.last { // forget chats that may be sent to again
		if !x.inflight[chat] && now.Sub(at) >= x.l.PerChat {
			delete(x.last, chat)
		}
	}
	return out, soon, nil
}

// deliver sends one message and records what came of it.
func (x *Sender) deliver(ctx context.Context, o outgoing) {
	// A 429 may have come since this message was handed over: it waits too.
	for {
		x.mu.Lock()
		paused := x.paused.Sub(x.s.now())
		x.mu.Unlock()
		if paused <= 0 {
			break
		}
		if sleep(ctx, paused) != nil {
			x.done(o.m.ChatID)
			return
		}
	}
	err := x.c.Send(ctx, o.m)
	if ctx.Err() != nil && err != nil {
		x.done(o.m.ChatID) // stays pending: sent again after a restart
		return
	}
	if rerr := x.record(ctx, o, err); rerr != nil && ctx.Err() == nil {
		x.s.log.Error("bot: record a delivery", "message", o.id, "chat", o.m.ChatID, "err", rerr)
	}
	x.done(o.m.ChatID)
}

func (x *Sender) done(chat int64) {
	x.mu.Lock()
	delete(x.inflight, chat)
	x.mu.Unlock()
	wake(x.freed)
}
