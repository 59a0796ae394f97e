package requests_test

import (
	"database/sql"
	"maps"
	"testing"

	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

const chat = int64(5_123_456_789) // beyond 32 bits, as Telegram's IDs are

// outboxOf lists request id's messages of channel ch, oldest first.
func (w *world) outboxOf(t *testing.T, id int64, ch requests.OutboxChannel) []requests.Message {
	t.Helper()
	ms, err := w.s.Messages(ctx, id)
	must(t, err)
	var out []requests.Message
	for _, m := range ms {
		if m.Channel == ch {
			out = append(out, m)
		}
	}
	return out
}

// Every status change of a request followed in a chat — its submission, a
// reviewer's move, an allocation run's — queues the status page's message
// and the same message for the chat, which the bot's dispatcher takes and
// the status page's leaves; a request of no chat has the page's alone.
func TestAStatusChangeQueuesTheMessageForTheChatToo(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		in := w.input(w.child(t, w.k, "KZ-35", "Sadykov", "Arman").ID)
		in.Channel, in.Chat = requests.Telegram, chat
		r, err := w.s.Submit(ctx, w.opK, in)
		must(t, err)
		other, err := w.s.Submit(ctx, w.opK, w.input(w.child(t, w.k, "KZ-35", "Sadykova", "Dana").ID))
		must(t, err)
		for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
			r, err = w.s.Transition(ctx, w.coord, r.ID, requests.Move{To: to, Version: r.Version})
			must(t, err)
		}
		must(t, db.Tx(ctx, func(tx *sql.Tx) error {
			return w.s.SettleAll(ctx, tx, w.coord, []requests.Settle{{ID: r.ID, Version: r.Version, From: requests.Approved,
				To: requests.Allocated, Reference: r.Reference, Locale: r.Locale}}, "run 1", "allocation")
		}))
		page, tg := w.outboxOf(t, r.ID, requests.StatusPage), w.outboxOf(t, r.ID, requests.TelegramCh)
		if len(page) != 5 || len(tg) != len(page) {
			t.Fatalf("%d messages for the page, %d for the chat; want 5 each", len(page), len(tg))
		}
		for i, m := range tg {
			p := page[i]
			if m.Address != "5123456789" || m.Key != p.Key || !maps.Equal(m.Args, p.Args) || m.Locale != "kk" ||
				m.State != "pending" {
				t.Errorf("message %d for the chat %+v, for the page %+v", i, m, p)
			}
		}
		if tg[4].Key != "requestnotice.allocated" || tg[4].Args["Reference"] != r.Reference {
			t.Errorf("the allocation's message %+v", tg[4])
		}
		if n := len(w.outboxOf(t, other.ID, requests.TelegramCh)); n != 0 {
			t.Errorf("%d chat messages for a request of no chat", n)
		}
		_, err = w.s.Dispatch(ctx, requests.StatusPageSender{}, 100)
		must(t, err)
		bot := requests.NewRecorder(requests.TelegramCh)
		n, err := w.s.Dispatch(ctx, bot, 100)
		must(t, err)
		got := bot.Messages()
		if n != 5 || len(got) != 5 || got[0].Key != "requestnotice.submitted" || got[0].Address != "5123456789" {
			t.Fatalf("the bot was handed %d: %+v", n, got)
		}
		for _, m := range w.outboxOf(t, r.ID, requests.TelegramCh) {
			if m.State != "sent" {
				t.Errorf("after the bot's round %+v", m)
			}
		}
	})
}

// A chat takes an existing request only with the applicant's phone; the
// latest chat replaces the one before. A chat is only for Telegram.
func TestAChatFollowsARequestOfItsPhoneOnly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		r, err := w.s.Submit(ctx, w.opK, w.input(w.child(t, w.k, "KZ-35", "Sadykov", "Arman").ID))
		must(t, err)
		for _, c := range []struct {
			chat  int64
			phone string
			want  bool
		}{
			{chat, "+7 701 123 45 68", false},
			{chat, "", false},
			{chat, "77011234567", true}, // as Telegram's contact gives it
			{chat + 1, "8 701 123 45 67", true},
		} {
			ok, err := w.s.AttachChat(ctx, r.ID, c.chat, c.phone)
			if err != nil || ok != c.want {
				t.Errorf("chat %d, phone %q: %v (%v), want %v", c.chat, c.phone, ok, err, c.want)
			}
		}
		r, err = w.s.Transition(ctx, w.coord, r.ID, requests.Move{To: requests.UnderReview, Version: r.Version})
		must(t, err)
		if tg := w.outboxOf(t, r.ID, requests.TelegramCh); len(tg) != 1 || tg[0].Address != requests.ChatAddress(chat+1) {
			t.Errorf("messages for chats %+v, want one for the latest chat", tg)
		}
		in := w.input(w.child(t, w.k, "KZ-35", "Sadykova", "Dana").ID)
		in.Chat = chat
		if _, err := w.s.Submit(ctx, w.opK, in); keyOf(err) != "invalid error.invalid; channel error.invalid_choice" {
			t.Errorf("a chat on a request made at a centre: %s", keyOf(err))
		}
	})
}

// ForgetChat detaches the chat from all its requests and gives up its
// pending messages; later changes reach the status page only.
func TestAForgottenChatGetsNoMoreMessages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		var rs []requests.Request
		for _, name := range []string{"Arman", "Dana"} {
			in := w.input(w.child(t, w.k, "KZ-35", "Sadykov", name).ID)
			in.Channel, in.Chat = requests.Telegram, chat
			r, err := w.s.Submit(ctx, w.opK, in)
			must(t, err)
			rs = append(rs, r)
		}
		in := w.input(w.child(t, w.k, "KZ-35", "Omarov", "Timur").ID)
		in.Channel, in.Chat = requests.Telegram, chat+1
		kept, err := w.s.Submit(ctx, w.opK, in)
		must(t, err)
		n, err := w.s.ForgetChat(ctx, chat)
		if err != nil || n != 2 {
			t.Fatalf("forgot %d requests (%v), want 2", n, err)
		}
		for _, r := range append(rs, kept) {
			_, err := w.s.Transition(ctx, w.coord, r.ID, requests.Move{To: requests.UnderReview, Version: r.Version})
			must(t, err)
		}
		for _, r := range rs {
			tg := w.outboxOf(t, r.ID, requests.TelegramCh)
			if len(tg) != 1 || tg[0].State != "failed" || tg[0].Key != "requestnotice.submitted" {
				t.Errorf("the forgotten chat's messages %+v, want the submission's, given up", tg)
			}
			if page := w.outboxOf(t, r.ID, requests.StatusPage); len(page) != 2 {
				t.Errorf("%d messages for the status page, want 2", len(page))
			}
		}
		if tg := w.outboxOf(t, kept.ID, requests.TelegramCh); len(tg) != 2 || tg[1].State != "pending" {
			t.Errorf("another chat's messages %+v", tg)
		}
		bot := requests.NewRecorder(requests.TelegramCh)
		if n, err := w.s.Dispatch(ctx, bot, 100); err != nil || n != 2 {
			t.Errorf("the bot was handed %d (%v), want the other chat's 2", n, err)
		}
		if n, err := w.s.ForgetChat(ctx, chat); err != nil || n != 0 {
			t.Errorf("forgetting again: %d (%v)", n, err)
		}
	})
}
