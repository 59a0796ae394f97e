package bot_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// echo answers each text with "seen: TEXT" and records what it saw, per
// chat, in the order it saw it.
type echo struct {
	mu   sync.Mutex
	seen map[int64][]int64
	fail func(u bot.Update) error
}

func newEcho() *echo { return &echo{seen: map[int64][]int64{}} }

func (e *echo) Handle(ctx context.Context, tx *store.Tx, u bot.Update) ([]bot.Message, error) {
	// A write of the handler's own, to show it commits with the update.
	if _, err := tx.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES ($1, $2)",
		fmt.Sprintf("test.%d", u.ID), u.Text); err != nil {
		return nil, err
	}
	if e.fail != nil {
		if err := e.fail(u); err != nil {
			return nil, err
		}
	}
	e.mu.Lock()
	e.seen[u.ChatID] = append(e.seen[u.ChatID], u.ID)
	e.mu.Unlock()
	return []bot.Message{{ChatID: u.ChatID, Text: "seen: " + u.Text}}, nil
}

func text(id, chat int64, s string) bot.Update {
	return bot.Update{ID: id, ChatID: chat, UserID: chat, Kind: bot.KindText, Text: s,
		At: time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)}
}

func newService(t *testing.T, db *store.DB) *bot.Service {
	t.Helper()
	s, err := bot.New(db, bot.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func settingsCount(t *testing.T, db *store.DB) int {
	t.Helper()
	var n int
	if err := db.R.QueryRowContext(t.Context(), "SELECT count(*) FROM settings WHERE key LIKE 'test.%'").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func drain(t *testing.T, d *bot.Dispatcher) {
	t.Helper()
	for {
		n, err := d.ProcessPending(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return
		}
	}
}

func TestDuplicatesAreStoredAndProcessedOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		s, h := newService(t, db), newEcho()
		n, err := s.Store(t.Context(), text(10, 1, "a"), text(11, 1, "b"))
		if err != nil || n != 2 {
			t.Fatalf("Store = %d, %v; want 2 new", n, err)
		}
		n, err = s.Store(t.Context(), text(11, 1, "b"), text(10, 1, "a"), text(12, 1, "c"))
		if err != nil || n != 1 {
			t.Fatalf("Store again = %d, %v; want 1 new (12)", n, err)
		}
		drain(t, s.Dispatcher(h))
		if _, err := s.Store(t.Context(), text(10, 1, "a")); err != nil {
			t.Fatal(err)
		}
		drain(t, s.Dispatcher(h))
		if got := fmt.Sprint(h.seen[1]); got != "[10 11 12]" {
			t.Errorf("handled %s, want [10 11 12] once each", got)
		}
		ms, err := s.Messages(t.Context(), 1, 0)
		if err != nil || len(ms) != 3 || ms[0].Message.Text != "seen: a" || ms[2].State != "pending" {
			t.Errorf("outbox = %+v, %v; want three pending replies in order", ms, err)
		}
	})
}

func TestNothingIsLostBetweenStoringAndProcessing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		// The process that stored the updates dies before processing them.
		if _, err := newService(t, db).Store(t.Context(), text(1, 7, "x"), text(2, 7, "y")); err != nil {
			t.Fatal(err)
		}
		// A new one, on the same database, finds and processes them.
		s, h := newService(t, db), newEcho()
		drain(t, s.Dispatcher(h))
		if got := fmt.Sprint(h.seen[7]); got != "[1 2]" {
			t.Errorf("after a restart handled %s, want [1 2]", got)
		}
		if n := settingsCount(t, db); n != 2 {
			t.Errorf("handler's writes = %d, want 2", n)
		}
	})
}

func TestEachChatInOrderChatsInParallel(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		s, h := newService(t, db), newEcho()
		const chats, per = 20, 15
		var us []bot.Update
		id := int64(1000)
		for i := range per {
			for c := range chats {
				id++
				us = append(us, text(id, int64(c+1), fmt.Sprint(i)))
			}
		}
		// Stored out of order across chats and in several batches.
		for i := len(us) - 1; i >= 0; i -= 50 {
			lo := max(0, i-49)
			if _, err := s.Store(t.Context(), us[lo:i+1]...); err != nil {
				t.Fatal(err)
			}
		}
		d := s.Dispatcher(h)
		d.Batch, d.Workers = 37, 6
		drain(t, d)
		for c := int64(1); c <= chats; c++ {
			got := h.seen[c]
			if len(got) != per {
				t.Fatalf("chat %d: %d updates handled, want %d", c, len(got), per)
			}
			for i := 1; i < len(got); i++ {
				if got[i] <= got[i-1] {
					t.Fatalf("chat %d handled out of order: %v", c, got)
				}
			}
		}
	})
}

func TestAFailingUpdateIsRetriedThenFailedAndTheChatMovesOn(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		s, h := newService(t, db), newEcho()
		tries := 0
		h.fail = func(u bot.Update) error {
			if u.ID == 2 {
				tries++
				return errors.New("conversation broke")
			}
			return nil
		}
		if _, err := s.Store(t.Context(), text(1, 3, "a"), text(2, 3, "b"), text(3, 3, "c")); err != nil {
			t.Fatal(err)
		}
		d := s.Dispatcher(h)
		d.Backoff = time.Millisecond
		drain(t, d)
		if tries != 3 || fmt.Sprint(h.seen[3]) != "[1 3]" {
			t.Errorf("tries = %d, handled %v; want 3 tries of 2, then [1 3]", tries, h.seen[3])
		}
		var state, msg string
		var attempts int
		if err := db.R.QueryRowContext(t.Context(), "SELECT state, attempts, error FROM bot_updates WHERE update_id = 2").
			Scan(&state, &attempts, &msg); err != nil {
			t.Fatal(err)
		}
		if state != "failed" || attempts != 3 || msg != "conversation broke" {
			t.Errorf("update 2: %s after %d attempts (%q)", state, attempts, msg)
		}
		// The failed tries' writes were rolled back with them.
		if n := settingsCount(t, db); n != 2 {
			t.Errorf("handler's writes = %d, want 2 (the failing update's rolled back)", n)
		}
		if ms, _ := s.Messages(t.Context(), 3, 0); len(ms) != 2 {
			t.Errorf("replies = %d, want 2", len(ms))
		}
	})
}

func TestAPanickingHandlerFailsItsUpdateOnly(t *testing.T) {
	db := storetest.SQLite(t)
	s, h := newService(t, db), newEcho()
	h.fail = func(u bot.Update) error {
		if u.Text == "boom" {
			panic("conversation bug")
		}
		return nil
	}
	if _, err := s.Store(t.Context(), text(1, 4, "boom"), text(2, 4, "fine")); err != nil {
		t.Fatal(err)
	}
	d := s.Dispatcher(h)
	d.Backoff = time.Millisecond
	drain(t, d)
	st, err := s.Status(t.Context())
	if err != nil || st.Updates["failed"] != 1 || st.Updates["done"] != 1 || fmt.Sprint(h.seen[4]) != "[2]" {
		t.Errorf("status %+v, %v; handled %v", st, err, h.seen[4])
	}
}

func TestStatus(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		at := time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC)
		s, err := bot.New(db, bot.Options{Now: func() time.Time { return at }})
		if err != nil {
			t.Fatal(err)
		}
		st, err := s.Status(t.Context())
		if err != nil || st.Transport != bot.TransportOff || !st.LastUpdate.IsZero() || len(st.Updates) != 0 {
			t.Fatalf("empty status %+v, %v", st, err)
		}
		s.SetTransport(bot.TransportWebhook)
		if _, err := s.Store(t.Context(), text(5, 1, "a"), text(6, 2, "b")); err != nil {
			t.Fatal(err)
		}
		drain(t, s.Dispatcher(newEcho()))
		st, err = s.Status(t.Context())
		if err != nil || st.Transport != bot.TransportWebhook || !st.LastUpdate.Equal(at) ||
			st.Updates["done"] != 2 || st.Chats["active"] != 2 {
			t.Errorf("status %+v, %v", st, err)
		}
		if u, m := st.Queued(); u != 0 || m != 2 {
			t.Errorf("queued %d updates, %d messages; want 0, 2", u, m)
		}
	})
}
