package telegram_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/telegram"
	"github.com/jolproject/jol/internal/telegram/fakeapi"
)

// storeAndProcess puts updates through the inbox and the dispatcher, as
// if they had arrived, so that their replies wait in the outbox.
func storeAndProcess(t *testing.T, r *rig, us ...models.Update) {
	t.Helper()
	var in []bot.Update
	for _, mu := range us {
		r.nextID++
		mu = roundTrip(t, mu)
		mu.ID = r.nextID
		u, ok := telegram.Decode(mu)
		if !ok {
			t.Fatalf("update %+v not decoded", mu)
		}
		in = append(in, u)
	}
	if _, err := r.svc.Store(context.Background(), in...); err != nil {
		t.Fatal(err)
	}
	d := r.svc.Dispatcher(r.h)
	for {
		n, err := d.ProcessPending(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return
		}
	}
}

func states(t *testing.T, db *store.DB, chat int64) []string {
	t.Helper()
	rows, err := db.R.QueryContext(context.Background(), "SELECT state FROM bot_outbox WHERE chat_id = $1 ORDER BY id", chat)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		_ = rows.Scan(&s)
		out = append(out, s)
	}
	return out
}

func chatStatus(t *testing.T, db *store.DB, chat int64) string {
	t.Helper()
	var s string
	if err := db.R.QueryRowContext(context.Background(), "SELECT status FROM bot_chats WHERE chat_id = $1", chat).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRetryAfterPausesEverySend(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r := newRig(t, db)
		storeAndProcess(t, r, fakeapi.Text(1, "a"), fakeapi.Text(2, "b"), fakeapi.Text(3, "c"))
		r.fake.TooManyRequests(1, 1)
		r.run(t, bot.Limits{PerChat: time.Second, PerSec: 25, Workers: 1})
		r.fake.WaitCalls(t, "sendMessage", 4)
		calls := r.fake.CallsOf("sendMessage")
		// The first was refused; nothing went for the second it asked for,
		// then all three, the refused one among them.
		if gap := calls[1].At.Sub(calls[0].At); gap < time.Second {
			t.Errorf("sent again %s after a 429 with retry_after 1", gap)
		}
		got := []string{calls[1].Params["chat_id"], calls[2].Params["chat_id"], calls[3].Params["chat_id"]}
		slices.Sort(got)
		if !slices.Equal(got, []string{"1", "2", "3"}) {
			t.Errorf("after the pause sent to %v", got)
		}
		// The fake has answered all four calls, but the sender may not yet
		// have marked the last one sent: wait for every chat's row.
		r.fake.Wait(t, 10*time.Second, func() bool {
			for _, c := range []int64{1, 2, 3} {
				if !slices.Equal(states(t, db, c), []string{"sent"}) {
					return false
				}
			}
			return true
		})
		st, err := r.svc.Status(context.Background())
		if err != nil || st.Outbox["sent"] != 3 || st.Outbox["pending"] != 0 {
			t.Errorf("status %+v, %v", st, err)
		}
	})
}

func TestABlockedUserStopsTheChat(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r := newRig(t, db)
		storeAndProcess(t, r, fakeapi.Text(50, "one"), fakeapi.Text(50, "two"), fakeapi.Text(51, "other"))
		block := r.fake.Block(50)
		stop := r.run(t, fast)
		r.fake.Wait(t, 10*time.Second, func() bool {
			return slices.Equal(states(t, db, 50), []string{"failed", "failed"}) && slices.Equal(states(t, db, 51), []string{"sent"})
		})
		if got := sendsTo(r.fake, 50); len(got) != 1 {
			t.Errorf("tried chat 50 %d times, want once: %q", len(got), got)
		}
		if s := chatStatus(t, db, 50); s != "stopped" {
			t.Errorf("chat 50 is %s, want stopped", s)
		}
		st, err := r.svc.Status(context.Background())
		if err != nil || st.Chats["stopped"] != 1 || len(st.Failures) != 2 || st.Failures[0].ChatID != 50 {
			t.Errorf("status %+v, %v", st, err)
		}
		stop()
		// The user unblocks the bot and writes again.
		r.fake.Remove(block)
		r.fake.Reset()
		storeAndProcess(t, r, fakeapi.Member(50, models.ChatMemberTypeMember), fakeapi.Text(50, "back"))
		if s := chatStatus(t, db, 50); s != "active" {
			t.Errorf("after unblocking chat 50 is %s, want active", s)
		}
		r.run(t, fast)
		r.fake.WaitCalls(t, "sendMessage", 1)
		if got := r.fake.Sends(); !slices.Equal(got, []string{`sendMessage chat_id=50 text="echo: back"`}) {
			t.Errorf("after unblocking sent %q", got)
		}
	})
}

func TestMyChatMemberKickedStopsTheChat(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r := newRig(t, db)
		storeAndProcess(t, r, fakeapi.Text(60, "hi"), fakeapi.Member(60, models.ChatMemberTypeBanned))
		if s := chatStatus(t, db, 60); s != "stopped" {
			t.Errorf("chat 60 is %s, want stopped", s)
		}
		if got := states(t, db, 60); !slices.Equal(got, []string{"failed"}) {
			t.Errorf("the reply queued before the block is %v, want failed", got)
		}
		r.run(t, fast)
		storeAndProcess(t, r, fakeapi.Text(61, "x"))
		r.fake.WaitCalls(t, "sendMessage", 1)
		if got := sendsTo(r.fake, 60); len(got) != 0 {
			t.Errorf("sent to a stopped chat: %q", got)
		}
	})
}

func TestSimulatedChatsAreNeverSent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r := newRig(t, db)
		chat := bot.SimulatedChat(12)
		if _, err := r.svc.Store(context.Background(), bot.Update{ID: 1, ChatID: chat, UserID: 12, Kind: bot.KindText, Text: "sim"},
			bot.Update{ID: 2, ChatID: 70, UserID: 70, Kind: bot.KindText, Text: "real"}); err != nil {
			t.Fatal(err)
		}
		r.run(t, fast)
		r.fake.WaitCalls(t, "sendMessage", 1)
		waitDone(t, r, 1, 2)
		ms, err := r.svc.Messages(context.Background(), chat, 0)
		if err != nil || len(ms) != 1 || ms[0].State != "sent" || ms[0].Message.Text != "echo: sim" {
			t.Errorf("simulated chat's outbox %+v, %v", ms, err)
		}
		if got := r.fake.Sends(); !slices.Equal(got, []string{`sendMessage chat_id=70 text="echo: real"`}) {
			t.Errorf("sent %q", got)
		}
	})
}

func TestTheSenderKeepsTelegramsLimits(t *testing.T) {
	db := storetest.SQLite(t)
	r := newRig(t, db)
	var us []models.Update
	for c := range 40 {
		us = append(us, fakeapi.Text(int64(200+c), "x"))
	}
	us = append(us, fakeapi.Text(300, "1"), fakeapi.Text(300, "2"), fakeapi.Text(300, "3"))
	storeAndProcess(t, r, us...)
	r.run(t, bot.DefaultLimits)
	r.fake.WaitCalls(t, "sendMessage", len(us))
	calls := r.fake.CallsOf("sendMessage")
	// At most 25 in any second: the pacer spaces them 40ms apart. The
	// times are when the fake received them, so 100ms is allowed for
	// requests that travel at different speeds on a loaded machine; a
	// sender without limits sends all 43 within a few milliseconds.
	const slack = 100 * time.Millisecond
	for i := range calls {
		n := 0
		for j := i; j < len(calls) && calls[j].At.Sub(calls[i].At) < time.Second-slack; j++ {
			n++
		}
		if n > 25 {
			t.Fatalf("%d sends within a second from send %d", n, i)
		}
	}
	var to300 []time.Time
	for _, c := range calls {
		if c.Params["chat_id"] == "300" {
			to300 = append(to300, c.At)
		}
	}
	for i := 1; i < len(to300); i++ {
		if gap := to300[i].Sub(to300[i-1]); gap < time.Second-slack {
			t.Errorf("two messages to one chat %s apart", gap)
		}
	}
	if got := sendsTo(r.fake, 300); !slices.Equal(got, []string{`sendMessage chat_id=300 text="echo: 1"`,
		`sendMessage chat_id=300 text="echo: 2"`, `sendMessage chat_id=300 text="echo: 3"`}) {
		t.Errorf("chat 300 got %q", got)
	}
}

// sender runs a sender with a short backoff and attempts until the test ends.
func (r *rig) sender(t *testing.T, attempts int) {
	ctx, cancel := context.WithCancel(context.Background())
	s := r.svc.Sender(r.client, fast)
	s.Backoff, s.Attempts = 50*time.Millisecond, attempts
	done := make(chan struct{})
	go func() { defer close(done); _ = s.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
}

func TestAFailedSendHoldsBackTheChatsLaterMessages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r := newRig(t, db)
		storeAndProcess(t, r, fakeapi.Text(80, "1"), fakeapi.Text(80, "2"))
		r.fake.Inject(fakeapi.Rule{ChatID: 80, Times: 1, Code: 502, Desc: "Bad Gateway"})
		r.sender(t, 5)
		r.fake.WaitCalls(t, "sendMessage", 3)
		want := []string{`sendMessage chat_id=80 text="echo: 1"`, `sendMessage chat_id=80 text="echo: 1"`, `sendMessage chat_id=80 text="echo: 2"`}
		if got := r.fake.Sends(); !slices.Equal(got, want) {
			t.Errorf("sends %q, want %q (the retry first)", got, want)
		}
	})
}

func TestASendIsGivenUpAfterItsAttempts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r := newRig(t, db)
		storeAndProcess(t, r, fakeapi.Text(81, "1"), fakeapi.Text(81, "2"))
		rule := r.fake.Inject(fakeapi.Rule{ChatID: 81, Code: 500, Desc: "Internal Server Error"})
		r.sender(t, 2)
		r.fake.Wait(t, 10*time.Second, func() bool { return slices.Equal(states(t, db, 81), []string{"failed", "failed"}) })
		if n := r.fake.Count("sendMessage"); n != 4 {
			t.Errorf("%d sends, want 2 tries of each of 2 messages", n)
		}
		r.fake.Remove(rule)
		st, err := r.svc.Status(context.Background())
		if err != nil || len(st.Failures) != 2 || st.Failures[0].Error == "" || st.Chats["active"] != 1 {
			t.Errorf("status %+v, %v", st, err)
		}
		var failures int
		if err := db.R.QueryRow("SELECT failures FROM bot_chats WHERE chat_id = 81").Scan(&failures); err != nil || failures != 4 {
			t.Errorf("chat's failures = %d, %v; want 4", failures, err)
		}
	})
}
