package public_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/notify"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/public"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/telegram"
	"github.com/jolproject/jol/internal/telegram/fakeapi"
	"github.com/jolproject/jol/internal/testworld"
)

// botRig runs the bot's sender against a fake Bot API until the test
// ends, and hands the request outbox's Telegram messages to the bot.
type botRig struct {
	fake   *fakeapi.Server
	notify *notify.Sender
}

func runBot(t *testing.T, w *testworld.World) *botRig {
	t.Helper()
	svc := w.Services
	fake := fakeapi.New(t)
	c, err := telegram.NewClient(fake.Token, fake.URL)
	if err != nil {
		t.Fatal(err)
	}
	// The bot on the wall clock: the world's stands still, and the
	// sender's pace per chat waits for it to move.
	b, err := bot.New(w.DB, bot.Options{})
	if err != nil {
		t.Fatal(err)
	}
	run, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() {
		_ = b.Sender(c, bot.Limits{PerChat: time.Millisecond, PerSec: 2000, Workers: 2}).Run(run)
	})
	t.Cleanup(func() { cancel(); wg.Wait() })
	return &botRig{fake: fake, notify: &notify.Sender{Bot: b, Chats: svc.Conversations, Settings: svc.Settings,
		Catalog: svc.Catalog}}
}

// dispatch hands the pending Telegram messages to the bot and waits for
// the fake Bot API to have n sends in all.
func (r *botRig) dispatch(t *testing.T, w *testworld.World, n int) []string {
	t.Helper()
	if _, err := w.Services.Requests.Dispatch(ctx, r.notify, 100); err != nil {
		t.Fatal(err)
	}
	r.fake.Wait(t, 10*time.Second, func() bool { return len(r.fake.Sends()) >= n })
	return r.fake.Sends()
}

// chose records that chat chose locale in the bot ("" for none).
func (f *fixture) chose(t *testing.T, chat int64, locale string) {
	f.exec(t, `INSERT INTO bot_conversations (chat_id, locale, created_at, updated_at) VALUES ($1, $2, $3, $3)`,
		chat, locale, f.Clock.Now())
}

// idOf is the ID and version of the request of reference ref.
func (f *fixture) idOf(t *testing.T, ref string) (id int64, version int) {
	t.Helper()
	if err := f.DB.R.QueryRowContext(ctx, store.Rebind(f.DB.Engine, "SELECT id, version FROM requests WHERE reference = $1"),
		ref).Scan(&id, &version); err != nil {
		t.Fatal(err)
	}
	return id, version
}

// A request applied for by Telegram that changes status reaches the chat
// in the chat's language: the one it chose in the bot, else the
// application's. The fake Bot API receives exactly these messages.
func TestStatusChangesReachTheChatInItsLanguage(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		rig := runBot(t, w)
		cases := []struct {
			chat            int64
			chose, applied  string
			submitted, move string // the texts, %s for the reference
		}{
			{5_000_000_001, "kk", "ru", "%s өтінімі қабылданды. Оны бақылау үшін осы нөмірді сақтаңыз.", "%s өтінімі қаралуда."},
			{5_000_000_002, "ru", "kk", "Заявка %s принята. Сохраните этот номер, чтобы следить за ней.", "Заявка %s на рассмотрении."},
			{5_000_000_003, "", "fa", "درخواست %s دریافت شد. این شماره را برای پیگیری نگه دارید.", "درخواست %s در حال بررسی است."},
		}
		var want []string
		for i, c := range cases {
			f.chose(t, c.chat, c.chose)
			a := f.application(t)
			iin, err := natid.MakeIIN(birth, natid.Female, 100+i)
			if err != nil {
				t.Fatal(err)
			}
			a.NationalID, a.FirstName, a.Locale = iin, fmt.Sprintf("Айгерім%c", 'А'+i), c.applied
			phone := fmt.Sprintf("7701555120%d", i)
			rc, err := f.s.ApplyByTelegram(ctx, "road", public.Chat{ID: c.chat, Phone: phone}, a)
			if err != nil {
				t.Fatal(err)
			}
			id, v := f.idOf(t, rc.Reference)
			if _, err := w.Services.Requests.Transition(ctx, w.Principal(access.Coordinator), id,
				requests.Move{To: requests.UnderReview, Version: v}); err != nil {
				t.Fatal(err)
			}
			for _, txt := range []string{c.submitted, c.move} {
				want = append(want, fmt.Sprintf("sendMessage chat_id=%d text=%q", c.chat, fmt.Sprintf(txt, rc.Reference)))
			}
		}
		got := rig.dispatch(t, w, len(want))
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("the Bot API received\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		// Handed over once: a second round sends nothing more.
		if n, err := w.Services.Requests.Dispatch(ctx, rig.notify, 100); err != nil || n != 0 {
			t.Fatalf("a second round handed %d over, %v", n, err)
		}
	})
}

// silent is a conversation that answers nothing.
type silent struct{}

func (silent) Handle(context.Context, *store.Tx, bot.Update) ([]bot.Message, error) { return nil, nil }

// A chat whose user blocks the bot — found out by a refused message, or
// told by Telegram's my_chat_member — no longer follows its requests:
// their later messages go to the status page only. Unblocking does not
// bring them back; the family asks /status again with its phone.
func TestABlockedChatForgetsItsRequests(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		svc := w.Services
		const refused, kicked = int64(5_000_000_011), int64(5_000_000_012)
		refs := map[int64]string{}
		for i, chat := range []int64{refused, kicked} {
			a := f.application(t)
			iin, err := natid.MakeIIN(birth, natid.Female, 200+i)
			if err != nil {
				t.Fatal(err)
			}
			a.NationalID, a.FirstName = iin, fmt.Sprintf("Дана%c", 'А'+i)
			rc, err := f.s.ApplyByTelegram(ctx, "road", public.Chat{ID: chat, Phone: fmt.Sprintf("7701555130%d", i)}, a)
			if err != nil {
				t.Fatal(err)
			}
			refs[chat] = rc.Reference
		}
		fake := fakeapi.New(t)
		fake.Block(refused)
		c, err := telegram.NewClient(fake.Token, fake.URL)
		if err != nil {
			t.Fatal(err)
		}
		run, cancel := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		wg.Go(func() { _ = svc.Bot.Sender(c, bot.Limits{PerChat: time.Millisecond, PerSec: 100, Workers: 1}).Run(run) })
		wg.Go(func() { _ = svc.Bot.Dispatcher(silent{}).Run(run) })
		defer func() { cancel(); wg.Wait() }()
		// The refused chat: its first message finds the bot blocked.
		snd := &notify.Sender{Bot: svc.Bot, Chats: svc.Conversations, Settings: svc.Settings, Catalog: svc.Catalog}
		if _, err := svc.Requests.Dispatch(ctx, snd, 10); err != nil {
			t.Fatal(err)
		}
		fake.Wait(t, 10*time.Second, func() bool { return f.chatOf(t, refs[refused]) == 0 })
		// The kicked chat: Telegram says so.
		if _, err := svc.Bot.Store(ctx, bot.Update{ID: 1, ChatID: kicked, UserID: kicked, At: f.Clock.Now(),
			Kind: bot.KindMember, Member: "kicked"}); err != nil {
			t.Fatal(err)
		}
		fake.Wait(t, 10*time.Second, func() bool { return f.chatOf(t, refs[kicked]) == 0 })
		// A later status change goes to the status page alone.
		id, v := f.idOf(t, refs[refused])
		if _, err := svc.Requests.Transition(ctx, w.Principal(access.Coordinator), id,
			requests.Move{To: requests.UnderReview, Version: v}); err != nil {
			t.Fatal(err)
		}
		ms, err := svc.Requests.Messages(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			if m.Channel == requests.TelegramCh && m.Key == "requestnotice.under_review" {
				t.Errorf("a message for a forgotten chat: %+v", m)
			}
		}
	})
}
