package bot_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// domain writes the way a domain service does, in a transaction of its
// own that it opens on the database; write decides how.
type domain struct {
	db    *store.DB
	write func(ctx context.Context, u bot.Update) error
}

func (d domain) Handle(ctx context.Context, _ *store.Tx, u bot.Update) ([]bot.Message, error) {
	if err := d.write(ctx, u); err != nil {
		return nil, err
	}
	return []bot.Message{{ChatID: u.ChatID, Text: "ok"}}, nil
}

func insert(ctx context.Context, q store.Querier, u bot.Update) error {
	_, err := q.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES ($1, $2)", fmt.Sprintf("test.%d", u.ID), u.Text)
	return err
}

// TestADomainOperationWritesInTheUpdatesTransaction: a domain's own
// transaction joins the update's, on SQLite (one writer) too; when the
// update fails, the domain's write goes with it.
func TestADomainOperationWritesInTheUpdatesTransaction(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		s := newService(t, db)
		h := domain{db: db, write: func(ctx context.Context, u bot.Update) error {
			err := db.Atomic(ctx, func(tx *store.Tx) error { return insert(ctx, tx, u) })
			if err == nil && u.Text == "fail" {
				return fmt.Errorf("the step after the write failed")
			}
			return err
		}}
		if _, err := s.Store(t.Context(), text(1, 5, "a"), text(2, 5, "fail"), text(3, 6, "b")); err != nil {
			t.Fatal(err)
		}
		d := s.Dispatcher(h)
		d.Backoff = time.Millisecond
		drain(t, d)
		if n := settingsCount(t, db); n != 2 {
			t.Errorf("domain writes = %d, want 2: the failed update's undone", n)
		}
	})
}

// TestAWriteOutsideTheTransactionFailsTheUpdate: on SQLite a write that
// waits for the one writer the update holds would wait for ever; the
// update's time limit fails it instead, and the chat moves on.
func TestAWriteOutsideTheTransactionFailsTheUpdate(t *testing.T) {
	db := storetest.SQLite(t)
	s := newService(t, db)
	h := domain{db: db, write: func(ctx context.Context, u bot.Update) error {
		if u.Text == "stuck" {
			return insert(ctx, db.W, u)
		}
		return insert(ctx, db.Writer(ctx), u)
	}}
	if _, err := s.Store(t.Context(), text(1, 7, "stuck"), text(2, 7, "next")); err != nil {
		t.Fatal(err)
	}
	d := s.Dispatcher(h)
	d.Backoff, d.Attempts, d.Timeout = time.Millisecond, 1, 200*time.Millisecond
	drain(t, d)
	var state string
	if err := db.R.QueryRowContext(t.Context(), "SELECT state FROM bot_updates WHERE update_id = 1").Scan(&state); err != nil {
		t.Fatal(err)
	}
	if state != "failed" || settingsCount(t, db) != 1 {
		t.Errorf("the stuck update is %s with %d writes; want failed, and the next one's write", state, settingsCount(t, db))
	}
}
