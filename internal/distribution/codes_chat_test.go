package distribution_test

import (
	"context"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/notify"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/telegram"
	"github.com/jolproject/jol/internal/telegram/fakeapi"
	"github.com/jolproject/jol/internal/testworld"
)

// A family that follows its request in a Telegram chat gets the one-time
// code in the chat, in the chat's language, not by text message; the code
// typed at the counter hands over, and the outbox keeps it masked once
// sent. A request of no chat still has its code sent to the phone.
func TestACodeGoesToTheRequestsChat(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		codes := w.Services.Requests.Outbox(requests.SMS)
		codes.FollowChat = true
		f.d.SetSender(codes)
		const chat = int64(5_000_000_042)
		id, other := f.request(t, "Aigerim", f.kit()), f.request(t, "Bolat", f.kit())
		f.scalar(t, "INSERT INTO request_chats (request_id, chat_id, created_at) VALUES ($1, $2, $3) RETURNING request_id",
			id, chat, f.Clock.Now())
		f.scalar(t, "INSERT INTO bot_conversations (chat_id, locale, created_at, updated_at) VALUES ($1, 'fa', $2, $2) RETURNING chat_id",
			chat, f.Clock.Now())
		for _, r := range []int64{id, other} {
			_, err := f.d.SendCode(f.ctx, f.wh, f.event.ID, r)
			must(t, err)
		}
		b, err := bot.New(w.DB, bot.Options{}) // on the wall clock, which the sender's pace needs
		must(t, err)
		fake := fakeapi.New(t)
		c, err := telegram.NewClient(fake.Token, fake.URL)
		must(t, err)
		run, cancel := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		wg.Go(func() { _ = b.Sender(c, bot.Limits{PerChat: time.Millisecond, PerSec: 100, Workers: 1}).Run(run) })
		defer func() { cancel(); wg.Wait() }()
		snd := &notify.Sender{Bot: b, Chats: w.Services.Conversations, Settings: w.Services.Settings,
			Catalog: w.Services.Catalog}
		n, err := w.Services.Requests.Dispatch(f.ctx, snd, 10)
		if err != nil || n != 1 {
			t.Fatalf("handed %d to the bot, %v", n, err)
		}
		fake.WaitCalls(t, "sendMessage", 1)
		sends := fake.Sends()
		m := regexp.MustCompile(`^sendMessage chat_id=5000000042 text="کد دریافت اقلام درخواست .* این است: (\d{6})\. `).
			FindStringSubmatch(sends[0])
		if len(sends) != 1 || m == nil {
			t.Fatalf("the Bot API received %q", sends)
		}
		// Once sent, the bot's outbox keeps the message with the code
		// masked, and no row of it holds the code.
		waitSent(t, b, chat)
		var payload string
		if err := w.DB.R.QueryRowContext(f.ctx, "SELECT payload FROM bot_outbox WHERE chat_id = $1", chat).
			Scan(&payload); err != nil {
			t.Fatal(err)
		}
		var holding int
		if err := w.DB.R.QueryRowContext(f.ctx, "SELECT count(*) FROM bot_outbox WHERE payload LIKE $1", "%"+m[1]+"%").
			Scan(&holding); err != nil {
			t.Fatal(err)
		}
		if holding != 0 || !strings.Contains(payload, "••••••") || !strings.Contains(payload, "کد دریافت اقلام") {
			t.Errorf("%d rows hold the code; the sent message keeps %s", holding, payload)
		}
		h, err := f.d.HandOver(f.ctx, f.wh, f.byCode(id, m[1]))
		must(t, err)
		if !h.Delivered {
			t.Errorf("the chat's code did not hand over: %+v", h)
		}
		ms, err := w.Services.Requests.Messages(f.ctx, id)
		must(t, err)
		for _, msg := range ms {
			if msg.Key == distribution.CodeMessage && (msg.Channel != requests.TelegramCh || msg.State != "sent" ||
				strings.Contains(msg.Args["Code"], m[1])) {
				t.Errorf("the chat's code in the outbox: %+v", msg)
			}
		}
		ms, err = w.Services.Requests.Messages(f.ctx, other)
		must(t, err)
		if last := ms[len(ms)-1]; last.Key != distribution.CodeMessage || last.Channel != requests.SMS || last.State != "pending" {
			t.Errorf("the code of a request of no chat: %+v", last)
		}
	})
}

// waitSent waits until the bot has recorded its message to chat sent.
func waitSent(t *testing.T, b *bot.Service, chat int64) {
	t.Helper()
	for range 500 {
		ms, err := b.Messages(t.Context(), chat, 0)
		must(t, err)
		if len(ms) == 1 && ms[0].State == "sent" {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the message to the chat was never recorded sent")
}
