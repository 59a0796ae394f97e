// Package bot is the plumbing of Jol's Telegram bot, with no HTTP and no
// Telegram shapes in it: a durable inbox of updates, a dispatcher that
// hands each chat's updates to the conversations (a Handler) in order,
// an outbox of the messages they answer with, and a sender that delivers
// them within Telegram's rate limits.
//
// The durability rule: an update is stored (Inbox.Store) before Telegram
// is told it arrived, and it is processed in one transaction with the
// conversation's new state, the replies it queues and the update's
// "done", so a crash at any point loses nothing and doubles nothing.
// Delivery is at least once: a crash between a send and its "sent" sends
// that one message again on restart.
//
// The adapter at the edge (internal/telegram) turns Telegram's JSON into
// Update and Message into Bot API calls.
package bot

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	InsertUpdate, PendingUpdates, FinishUpdate, FailedAttempt string
	TouchChat, StopChat, FailChatPending, FailStoppedPending  string
	InsertMessage, DueMessages, MarkSent, ResetFailures       string
	RetryMessage, FailMessage, CountFailure                   string
	UpdateCounts, OutboxCounts, ChatCounts, LastUpdate        string
	RecentFailures, ChatMessages                              string
	StoppedChats, LastSimulatedID, UpdateState                string
	ChatUpdates, ChatOutboxTimes, SealMessage                 string
	ForgetUpdates, ForgetMessages, ForgetChat                 string
}

// Options configure a Service; the zero value is usable.
type Options struct {
	Now     func() time.Time // the clock (time.Now)
	Logger  *slog.Logger     // slog.Default()
	Metrics *Metrics         // counters; nil: counted nowhere
}

// Service holds the bot's tables and wakes the dispatcher and the sender
// when there is work for them.
type Service struct {
	db        *store.DB
	q         queries
	now       func() time.Time
	log       *slog.Logger
	metrics   *Metrics
	updates   chan struct{} // an update was stored
	outgoing  chan struct{} // a message was queued
	transport atomic.Value  // string
	onStop    []StopHook    // set before the bot runs (OnStop)
	onForget  []StopHook    // set before the bot runs (OnStartOver)
}

// StopHook is told, in the transaction that stops it, of a chat whose
// user blocked the bot.
type StopHook func(ctx context.Context, tx *store.Tx, chat int64) error

// OnStop adds h to the hooks of a stopped chat: the requests the chat
// followed forget it, say. Call it before the bot runs.
func (s *Service) OnStop(h StopHook) { s.onStop = append(s.onStop, h) }

// stopped runs the hooks of a stopped chat in tx.
func (s *Service) stopped(ctx context.Context, tx *store.Tx, chat int64) error {
	for _, h := range s.onStop {
		if err := h(ctx, tx, chat); err != nil {
			return fmt.Errorf("bot: a stopped chat's hook: %w", err)
		}
	}
	return nil
}

// New returns the bot's service on db.
func New(db *store.DB, opts Options) (*Service, error) {
	s := &Service{db: db, now: opts.Now, log: opts.Logger, metrics: opts.Metrics,
		updates: make(chan struct{}, 1), outgoing: make(chan struct{}, 1)}
	if s.now == nil {
		s.now = time.Now
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.metrics == nil {
		s.metrics = NewMetrics()
	}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	s.transport.Store(TransportOff)
	return s, nil
}

// Metrics returns the service's counters.
func (s *Service) Metrics() *Metrics { return s.metrics }

// How the bot hears from Telegram, for the operations page.
const (
	TransportOff     = "off" // no token: the bot is off
	TransportPolling = "polling"
	TransportWebhook = "webhook"
)

// SetTransport records how updates arrive (TransportPolling, …).
func (s *Service) SetTransport(t string) { s.transport.Store(t) }

// wake signals ch without blocking: one pending signal is enough.
func wake(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}

// stamp is t as stored: on SQLite sortable UTC text (not_before is
// compared in SQL), on PostgreSQL the time itself.
func stamp(e store.Engine, t time.Time) any {
	if e == store.SQLite {
		return t.UTC().Format("2006-01-02T15:04:05.000000000Z")
	}
	return t.UTC()
}

// Delivery errors a Client returns, so the sender knows what to do.
var (
	// ErrBlocked: the user blocked the bot or deleted their account; the
	// chat is stopped until they come back.
	ErrBlocked = errors.New("bot: blocked by the user")
	// ErrRejected: Telegram refused this message (400); sending it again
	// cannot help.
	ErrRejected = errors.New("bot: message rejected")
)

// RetryAfter is Telegram's 429: no request may be sent for Wait.
type RetryAfter struct{ Wait time.Duration }

func (e *RetryAfter) Error() string {
	return fmt.Sprintf("bot: too many requests, retry after %s", e.Wait)
}

// Client delivers one message to Telegram (internal/telegram.Client).
// Its errors are ErrBlocked, ErrRejected, *RetryAfter, or anything else
// for a failure worth retrying.
type Client interface {
	Send(ctx context.Context, m Message) error
}

// sleep waits for d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
