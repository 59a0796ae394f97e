package bot

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// Update ids of the chat simulator. Telegram's update_id is a positive
// number that grows by one per update, so the simulator takes negative
// ones, counting up from simulatedFloor: they can never meet an id from
// Telegram, and since the dispatcher works in update_id order within a
// chat, a simulated chat's updates keep the order they were typed in.
const simulatedFloor = -1 << 62

// IsSimulatedUpdate reports whether id was given by the simulator.
func IsSimulatedUpdate(id int64) bool { return id < 0 }

// Simulate stores u as an update in the simulated chat of a Jol user
// (SimulatedChat), as if Telegram had delivered it: the sender is the
// chat's own user, and the id comes from the simulator's range. It
// returns the update as stored; the dispatcher processes it as any
// other, and the answers stay in the outbox (Queue never sends them).
func (s *Service) Simulate(ctx context.Context, userID int64, u Update) (Update, error) {
	u.ChatID = SimulatedChat(userID)
	u.UserID = u.ChatID
	if u.Kind == KindContact {
		u.ContactUserID = u.UserID
	}
	u.At = s.now()
	// Two posts at once may pick the same id: the second one's insert is
	// ignored, and it takes the next.
	for range 5 {
		var last int64
		if err := s.db.R.QueryRowContext(ctx, s.q.LastSimulatedID, int64(simulatedFloor)).Scan(&last); err != nil {
			return u, fmt.Errorf("bot: simulator's update id: %w", err)
		}
		u.ID = last + 1
		n, err := s.Store(ctx, u)
		if err != nil || n == 1 {
			return u, err
		}
	}
	return u, errors.New("bot: simulator: no free update id")
}

// Processed waits until the update with id is processed (done or
// failed) or wait has passed, and reports whether it was. The dispatcher
// is woken when an update is stored, so a simulated update is usually
// processed within milliseconds.
func (s *Service) Processed(ctx context.Context, id int64, wait time.Duration) (bool, error) {
	deadline := time.Now().Add(wait)
	for {
		var state string
		err := s.db.R.QueryRowContext(ctx, s.q.UpdateState, id).Scan(&state)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return false, err
		}
		if state != "" && state != "pending" {
			return true, nil
		}
		if time.Now().After(deadline) {
			return false, nil
		}
		if err := sleep(ctx, 20*time.Millisecond); err != nil {
			return false, err
		}
	}
}

// Entry is one line of a chat's transcript: an update the user sent
// (In) or a message the bot queued (Out).
type Entry struct {
	At    time.Time // when the update was processed (zero while pending) or the message queued
	In    *Update   // what the user sent
	State string    // In: the update's state (pending, done, failed)
	Out   *Queued   // what the bot sent
}

// Transcript returns the last (at most) limit updates and limit messages
// of a chat, oldest first, each message after the update it answers. A
// message is queued in the transaction that processes its update, and
// stamped after it, so an update is placed at the time it was processed,
// before the messages of that time; updates still pending come last.
func (s *Service) Transcript(ctx context.Context, chatID int64, limit int) ([]Entry, error) {
	ins, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (Entry, error) {
		var e Entry
		var payload string
		var id int64
		var at sql.NullTime
		e.In = &Update{}
		if err := sc.Scan(&id, &payload, &e.State, &at); err != nil {
			return e, err
		}
		e.At = store.TimeOf(at)
		if err := json.Unmarshal([]byte(payload), e.In); err != nil {
			return e, fmt.Errorf("update %d: %w", id, err)
		}
		e.In.ID = id
		return e, nil
	}, s.q.ChatUpdates, chatID, limit)
	if err != nil {
		return nil, err
	}
	outs, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (Entry, error) {
		var e Entry
		var payload string
		e.Out = &Queued{}
		if err := sc.Scan(&e.Out.ID, &payload, &e.Out.State, &e.Out.Attempts, &e.Out.Error, &e.At); err != nil {
			return e, err
		}
		return e, json.Unmarshal([]byte(payload), &e.Out.Message)
	}, s.q.ChatOutboxTimes, chatID, limit)
	if err != nil {
		return nil, err
	}
	all := append(ins, outs...)
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.At.IsZero() != b.At.IsZero() { // pending: last
			return b.At.IsZero()
		}
		if !a.At.Equal(b.At) {
			return a.At.Before(b.At)
		}
		if (a.In != nil) != (b.In != nil) {
			return a.In != nil
		}
		if a.In != nil {
			return a.In.ID < b.In.ID
		}
		return a.Out.ID < b.Out.ID
	})
	return all, nil
}
