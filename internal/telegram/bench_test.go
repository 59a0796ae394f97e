package telegram_test

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/telegram/fakeapi"
)

// benchUpdates are n texts spread over chats chats, each chat's in order.
func benchUpdates(n, chats int) []models.Update {
	us := make([]models.Update, n)
	for i := range us {
		us[i] = fakeapi.Text(int64(1000+i%chats), fmt.Sprint(i))
	}
	return us
}

// checkOrder fails b unless every chat's updates were handled in
// update_id order, each once.
func checkOrder(b *testing.B, h *echo, n int) {
	b.Helper()
	h.mu.Lock()
	defer h.mu.Unlock()
	total := 0
	for chat, ids := range h.seen {
		for i := 1; i < len(ids); i++ {
			if ids[i] <= ids[i-1] {
				b.Fatalf("chat %d handled out of order: %d after %d", chat, ids[i], ids[i-1])
			}
		}
		total += len(ids)
	}
	if total != n {
		b.Fatalf("handled %d updates, want %d", total, n)
	}
	h.seen = nil
}

// waitAllDone waits until update last is stored and none is pending.
func waitAllDone(b *testing.B, db *store.DB, last int) {
	b.Helper()
	for {
		var top, pending int
		if err := db.R.QueryRow("SELECT COALESCE(max(update_id), 0), "+
			"(SELECT count(*) FROM bot_updates WHERE state = 'pending') FROM bot_updates").Scan(&top, &pending); err != nil {
			b.Fatal(err)
		}
		if top >= last && pending == 0 {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// BenchmarkPollingEndToEnd: updates queued at the fake Bot API are taken
// by getUpdates (100 at a time), stored, and processed by the dispatcher
// (handler, reply queued, done). Every getUpdates that confirms an offset
// checks first that all the updates below it are in the inbox.
func BenchmarkPollingEndToEnd(b *testing.B) {
	const n, chats = 5000, 500
	db := storetest.SQLite(b)
	r := newRig(b, db)
	r.fake.OnConfirm(func(offset int64) {
		var stored int64
		if err := db.R.QueryRow("SELECT count(*) FROM bot_updates WHERE update_id < $1", offset).Scan(&stored); err != nil {
			b.Error(err)
		}
		if stored != offset-1 {
			b.Errorf("offset %d confirmed with %d updates stored", offset, stored)
		}
	})
	stop := r.start(b, true)
	defer stop()
	total := 0
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		r.fake.Push(benchUpdates(n, chats)...)
		total += n
		waitAllDone(b, db, total)
	}
	b.ReportMetric(float64(total)/time.Since(start).Seconds(), "updates/s")
	b.StopTimer()
	checkOrder(b, r.h, total)
}

// BenchmarkWebhookEndToEnd: the fake posts the updates to the webhook
// over 8 connections at once (Telegram uses up to 40); each is stored
// before its 200, then processed.
func BenchmarkWebhookEndToEnd(b *testing.B) {
	const n, chats, conns = 5000, 500, 8
	db := storetest.SQLite(b)
	r := newRig(b, db)
	stop := r.start(b, false)
	defer stop()
	_, secret := r.fake.Webhook()
	total := 0
	next := int64(0)
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		us := benchUpdates(n, chats)
		for i := range us {
			next++
			us[i].ID = next
		}
		// Each connection carries whole chats, in order, as Telegram
		// delivers a chat's updates one after another.
		var wg sync.WaitGroup
		for c := range conns {
			wg.Go(func() {
				for i := range us {
					if us[i].Message.Chat.ID%conns != int64(c) {
						continue
					}
					code, err := r.fake.Post(context.Background(), &us[i], secret)
					if err != nil || code != http.StatusOK {
						b.Errorf("post: %d %v", code, err)
						return
					}
				}
			})
		}
		wg.Wait()
		total += n
		waitAllDone(b, db, total)
	}
	b.ReportMetric(float64(total)/time.Since(start).Seconds(), "updates/s")
	b.StopTimer()
	checkOrder(b, r.h, total)
}

// start runs the dispatcher (no sender: replies wait in the outbox, as
// they would for Telegram's limits) and the poller, or the webhook.
func (r *rig) start(b *testing.B, poll bool) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	d := r.svc.Dispatcher(r.h)
	wg.Go(func() { _ = d.Run(ctx) })
	if poll {
		stopPoll := r.poll(b)
		wg.Go(func() { <-ctx.Done(); stopPoll() })
	} else {
		webhook(b, r)
	}
	return func() { cancel(); wg.Wait() }
}
