package telegram_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/telegram"
	"github.com/jolproject/jol/internal/telegram/fakeapi"
)

func TestPollingEndToEnd(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r := newRig(t, db)
		// Every update below the offset getUpdates confirms is already in
		// the inbox: stored before acknowledged.
		var lost []string
		var mu sync.Mutex
		r.fake.OnConfirm(func(offset int64) {
			in := stored(t, db)
			for id := int64(1); id < offset; id++ {
				if _, ok := in[id]; !ok {
					mu.Lock()
					lost = append(lost, fmt.Sprintf("update %d confirmed (offset %d) before it was stored", id, offset))
					mu.Unlock()
				}
			}
		})
		r.fake.Push(fakeapi.Command(42, "/start campaign-7"), fakeapi.Text(43, "сәлем"), fakeapi.Text(42, "hello"),
			fakeapi.Photo(43), fakeapi.Text(43, "سلام"))
		r.run(t, fast)
		r.poll(t)
		r.fake.WaitCalls(t, "sendMessage", 4)
		r.fake.Wait(t, 10*time.Second, func() bool { return r.fake.Offset() == 6 })
		if got, want := sendsTo(r.fake, 42), []string{
			`sendMessage chat_id=42 text="command start [campaign-7]"`,
			`sendMessage chat_id=42 text="echo: hello"`,
		}; !slices.Equal(got, want) {
			t.Errorf("chat 42 got\n%q\nwant\n%q", got, want)
		}
		if got, want := sendsTo(r.fake, 43), []string{
			`sendMessage chat_id=43 text="echo: сәлем"`,
			`sendMessage chat_id=43 text="echo: سلام"`,
		}; !slices.Equal(got, want) {
			t.Errorf("chat 43 got\n%q\nwant\n%q", got, want)
		}
		if got := r.h.order(43); !slices.Equal(got, []int64{2, 4, 5}) {
			t.Errorf("chat 43 handled %v, want [2 4 5] (the photo too)", got)
		}
		mu.Lock()
		defer mu.Unlock()
		for _, l := range lost {
			t.Error(l)
		}
	})
}

// webhook mounts a Webhook on a test server and points the fake at it.
func webhook(t testing.TB, r *rig) {
	t.Helper()
	secret := telegram.WebhookSecret(r.fake.Token)
	srv := httptest.NewServer(&telegram.Webhook{Inbox: r.svc, Secret: secret})
	t.Cleanup(srv.Close)
	if err := r.client.SetWebhook(context.Background(), srv.URL+"/telegram/webhook", secret); err != nil {
		t.Fatal(err)
	}
}

func TestWebhookEndToEnd(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r := newRig(t, db)
		webhook(t, r)
		set := r.fake.CallsOf("setWebhook")
		if len(set) != 1 || set[0].String() != `setWebhook allowed_updates=["message","callback_query","my_chat_member"] secret_token="`+
			telegram.WebhookSecret(r.fake.Token)+`" url="`+set[0].Params["url"]+`"` {
			t.Fatalf("setWebhook calls: %v", set)
		}
		ids := r.fake.Push(fakeapi.Text(7, "one"), fakeapi.Callback(7, 12, "pick:3"), fakeapi.Text(8, "two"))
		if err := r.fake.Deliver(context.Background()); err != nil {
			t.Fatal(err)
		}
		// Answered 200, so stored, before anything processed them.
		if in := stored(t, db); len(in) != 3 || in[ids[0]] != "pending" {
			t.Fatalf("after the 200s the inbox holds %v, want 3 pending", in)
		}
		r.run(t, fast)
		r.fake.WaitCalls(t, "sendMessage", 2)
		waitDone(t, r, ids...)
		want := []string{`sendMessage chat_id=7 text="echo: one"`, `sendMessage chat_id=8 text="echo: two"`}
		if got := sorted(r.fake.Sends()); !slices.Equal(got, want) {
			t.Errorf("sends\n%q\nwant\n%q", got, want)
		}
		if got := r.h.order(7); !slices.Equal(got, ids[:2]) {
			t.Errorf("chat 7 handled %v, want %v", got, ids[:2])
		}
	})
}

func TestForgedWebhookSecretIsRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r := newRig(t, db)
		webhook(t, r)
		real := telegram.WebhookSecret(r.fake.Token)
		for _, forged := range []string{"", "guess", real[:len(real)-1], real + "x", telegram.WebhookSecret("other:token")} {
			code, err := r.fake.Post(context.Background(), fakeapi.Text(9, "let me in"), forged)
			if err != nil || code != http.StatusUnauthorized {
				t.Errorf("secret %q: %d, %v; want 401", forged, code, err)
			}
		}
		if in := stored(t, db); len(in) != 0 {
			t.Errorf("forged updates stored: %v", in)
		}
		if code, _ := r.fake.Post(context.Background(), fakeapi.Text(9, "hi"), real); code != http.StatusOK {
			t.Errorf("the real secret: %d, want 200", code)
		}
	})
}

func TestParallelWebhookPostsOfOneUpdateAreProcessedOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r := newRig(t, db)
		webhook(t, r)
		_, secret := r.fake.Webhook()
		u := fakeapi.Text(5, "once")
		u.ID = 777
		var wg sync.WaitGroup
		codes := make([]int, 100)
		for i := range codes {
			wg.Go(func() { codes[i], _ = r.fake.Post(context.Background(), &u, secret) })
		}
		wg.Wait()
		for i, c := range codes {
			if c != http.StatusOK {
				t.Fatalf("post %d answered %d", i, c)
			}
		}
		r.run(t, fast)
		r.fake.WaitCalls(t, "sendMessage", 1)
		r.fake.Wait(t, 10*time.Second, func() bool { return stored(t, db)[777] == "done" })
		if got := r.h.order(5); !slices.Equal(got, []int64{777}) {
			t.Errorf("handled %v, want [777] once", got)
		}
		if got := r.fake.Sends(); len(got) != 1 {
			t.Errorf("sent %q, want one reply", got)
		}
	})
}

func TestOutOfOrderAcrossChatsEachChatInOrder(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r := newRig(t, db)
		webhook(t, r)
		_, secret := r.fake.Webhook()
		r.run(t, fast)
		// Ten chats post at once, each its own updates one after another, as
		// Telegram's parallel webhook connections do: across chats the
		// update_ids arrive in any order.
		const chats, per = 10, 8
		var wg sync.WaitGroup
		for c := range chats {
			wg.Go(func() {
				for i := range per {
					u := fakeapi.Text(int64(100+c), fmt.Sprint(i))
					u.ID = int64(1 + i*chats + (chats - 1 - c)) // chat 109's updates have the lowest ids
					if code, err := r.fake.Post(context.Background(), &u, secret); err != nil || code != 200 {
						t.Errorf("post: %d %v", code, err)
					}
				}
			})
		}
		wg.Wait()
		r.fake.WaitCalls(t, "sendMessage", chats*per)
		for c := range chats {
			chat := int64(100 + c)
			var want []string
			for i := range per {
				want = append(want, fmt.Sprintf(`sendMessage chat_id=%d text="echo: %d"`, chat, i))
			}
			if got := sendsTo(r.fake, chat); !slices.Equal(got, want) {
				t.Errorf("chat %d got %q", chat, got)
			}
		}
	})
}

func TestRestartMidStreamLosesAndDoublesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r := newRig(t, db)
		for i := range 6 {
			r.fake.Push(fakeapi.Text(int64(1+i%2), fmt.Sprint("before ", i)))
		}
		// The first process only stores: it dies before processing
		// anything, and before a next getUpdates confirms the last batch.
		p := telegram.NewPoller(r.fake.Token, r.svc)
		p.Server, p.Timeout = r.fake.URL, 0
		if next, err := p.Once(context.Background(), 0); err != nil || next != 7 {
			t.Fatalf("Once = %d, %v", next, err)
		}
		if in := stored(t, db); len(in) != 6 || in[6] != "pending" || r.fake.Pending() != 6 {
			t.Fatalf("inbox %v, %d still unconfirmed at Telegram", in, r.fake.Pending())
		}
		// A new process on the same database: the unconfirmed batch comes
		// again, and more arrives.
		r2 := newRig(t, db)
		r2.fake, r2.client = r.fake, r.client
		r2.run(t, fast)
		r2.poll(t)
		for i := range 4 {
			r.fake.Push(fakeapi.Text(int64(1+i%2), fmt.Sprint("after ", i)))
		}
		r.fake.WaitCalls(t, "sendMessage", 10)
		waitDone(t, r2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
		for chat, want := range map[int64][]string{
			1: {"before 0", "before 2", "before 4", "after 0", "after 2"},
			2: {"before 1", "before 3", "before 5", "after 1", "after 3"},
		} {
			var lines []string
			for _, w := range want {
				lines = append(lines, fmt.Sprintf(`sendMessage chat_id=%d text="echo: %s"`, chat, w))
			}
			if got := sendsTo(r.fake, chat); !slices.Equal(got, lines) {
				t.Errorf("chat %d got\n%q\nwant\n%q", chat, got, lines)
			}
		}
	})
}
