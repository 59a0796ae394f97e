package bot

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// Status is the bot's state for the operations page.
type Status struct {
	Transport  string    // TransportOff, TransportPolling or TransportWebhook
	LastUpdate time.Time // when the last update arrived; zero: none yet
	Updates    map[string]int
	Outbox     map[string]int
	Chats      map[string]int
	Failures   []Failure // the last delivery failures, newest first
}

// Queued is how many updates wait to be processed and messages to be sent.
func (s Status) Queued() (updates, messages int) { return s.Updates["pending"], s.Outbox["pending"] }

// Failure is a message that could not be delivered.
type Failure struct {
	MessageID int64
	ChatID    int64
	Error     string
	At        time.Time // when it was queued
}

// Status reads the bot's state.
func (s *Service) Status(ctx context.Context) (Status, error) {
	st := Status{Transport: s.transport.Load().(string)}
	var err error
	counts := func(q string) map[string]int {
		type kv struct {
			k string
			n int
		}
		rows, e := store.Select(ctx, s.db.R, func(sc store.Scanner) (kv, error) {
			var r kv
			return r, sc.Scan(&r.k, &r.n)
		}, q)
		err = errors.Join(err, e)
		out := map[string]int{}
		for _, r := range rows {
			out[r.k] = r.n
		}
		return out
	}
	st.Updates, st.Outbox, st.Chats = counts(s.q.UpdateCounts), counts(s.q.OutboxCounts), counts(s.q.ChatCounts)
	var last sql.NullTime
	if e := s.db.R.QueryRowContext(ctx, s.q.LastUpdate).Scan(&last); e != nil && !errors.Is(e, sql.ErrNoRows) {
		err = errors.Join(err, e)
	}
	st.LastUpdate = store.TimeOf(last)
	fs, e := store.Select(ctx, s.db.R, func(sc store.Scanner) (Failure, error) {
		var f Failure
		return f, sc.Scan(&f.MessageID, &f.ChatID, &f.Error, &f.At)
	}, s.q.RecentFailures, 20)
	st.Failures = fs
	return st, errors.Join(err, e)
}
