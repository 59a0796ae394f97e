package distribution_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/notify"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// A request assigned to an event invites its family once, however often
// it is assigned, by text message in the request's language, with the
// event's place and its time in the installation's zone (Almaty, five
// hours ahead of UTC).
func TestAssigningInvitesOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		want := map[string]string{"kk": "Қайда: School №1, gym\nҚашан: 02.09.2026 13:00 – 21:00",
			"ru": "Где: School №1, gym\nКогда: 02.09.2026 13:00 – 21:00",
			"fa": "کجا: School №1, gym\nکی: ۱۴۰۵/۰۶/۱۱ ۱۳:۰۰ تا ۲۱:۰۰"}
		for loc, text := range want {
			id := f.request(t, "Child-"+loc, f.kit(), f.uniform())
			f.scalar(t, "UPDATE requests SET locale = $2 WHERE id = $1 RETURNING id", id, loc)
			ref := f.reference(t, id)
			_, err := f.d.Assign(f.ctx, f.coord, f.event.ID, []string{ref, " " + ref})
			must(t, err)
			_, err = f.d.Assign(f.ctx, f.coord, f.event.ID, []string{ref})
			must(t, err)
			ms := f.messages(t, id, distribution.InvitationMessage)
			if len(ms) != 1 || ms[0].Channel != requests.SMS || ms[0].Address != "+7 701 555 12 34" || ms[0].Locale != loc {
				t.Fatalf("%s: the invitations of a request assigned twice: %+v", loc, ms)
			}
			got := w.Services.Catalog.Localizer(i18n.Locale(loc)).T(ms[0].Key, ms[0].Args)
			if !strings.Contains(got, text) || !strings.Contains(got, ref) {
				t.Errorf("%s: the invitation reads %q", loc, got)
			}
		}
	})
}

// A request followed in a Telegram chat is invited in the chat, in the
// chat's language, through the bot's outbox; nothing goes to its phone.
func TestAnInvitationGoesToTheRequestsChat(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ms, qs := inviteInChat(t, w, 5_000_000_077, "fa")
		if len(ms) != 1 || ms[0].Channel != requests.TelegramCh || ms[0].Address != "5000000077" {
			t.Fatalf("the invitation of a chat's request: %+v", ms)
		}
		if len(qs) != 1 || !strings.Contains(qs[0].Message.Text, "دعوت شده\u200cاید") ||
			!strings.Contains(qs[0].Message.Text, "۱۴۰۵/۰۶/۱۱ ۱۳:۰۰") {
			t.Errorf("the bot's outbox holds %+v", qs)
		}
	})
}

// A family whose request is in Persian but whose chat chose Russian is
// invited in Russian: the words and the day (Gregorian, Latin digits)
// alike, not a Persian date in a Russian sentence.
func TestAnInvitationTakesTheChatsLanguage(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ms, qs := inviteInChat(t, w, 5_000_000_078, "ru")
		if len(ms) != 1 || ms[0].Channel != requests.TelegramCh || ms[0].Locale != "ru" {
			t.Fatalf("the invitation of a chat's request: %+v", ms)
		}
		if len(qs) != 1 || !strings.Contains(qs[0].Message.Text, "Когда: 02.09.2026 13:00 – 21:00") {
			t.Errorf("the bot's outbox holds %+v", qs)
		}
	})
}

// inviteInChat assigns to the day a Persian request followed in chat,
// whose conversation chose locale, and hands the outbox to the bot: it
// returns the request's invitations and what the bot then holds for the
// chat.
func inviteInChat(t *testing.T, w *testworld.World, chat int64, locale string) ([]requests.Message, []bot.Queued) {
	t.Helper()
	f := setup(t, w)
	id := f.request(t, "Darya", f.kit())
	f.scalar(t, "UPDATE requests SET locale = 'fa' WHERE id = $1 RETURNING id", id)
	f.scalar(t, "INSERT INTO request_chats (request_id, chat_id, created_at) VALUES ($1, $2, $3) RETURNING request_id",
		id, chat, f.Clock.Now())
	f.scalar(t, "INSERT INTO bot_conversations (chat_id, locale, created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING chat_id",
		chat, locale, f.Clock.Now())
	_, err := f.d.Assign(f.ctx, f.coord, f.event.ID, []string{f.reference(t, id)})
	must(t, err)
	ms := f.messages(t, id, distribution.InvitationMessage)
	b, err := bot.New(w.DB, bot.Options{})
	must(t, err)
	snd := &notify.Sender{Bot: b, Chats: w.Services.Conversations, Settings: w.Services.Settings,
		Catalog: w.Services.Catalog}
	if n, err := w.Services.Requests.Dispatch(f.ctx, snd, 10); err != nil || n != 1 {
		t.Fatalf("handed %d to the bot, %v", n, err)
	}
	qs, err := b.Messages(f.ctx, chat, 0)
	must(t, err)
	return ms, qs
}

// An operator whose scope does not reach the event's point cannot assign
// to it, and no family is invited.
func TestAnInvitationKeepsToTheScope(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		id := f.request(t, "Erlan", f.kit())
		if _, err := f.d.Assign(f.ctx, f.op, f.event.ID, []string{f.reference(t, id)}); err == nil {
			t.Fatal("an operator of a school assigned to the centre's event")
		}
		if ms := f.messages(t, id, distribution.InvitationMessage); len(ms) != 0 {
			t.Errorf("invited from outside the scope: %+v", ms)
		}
	})
}

// reference is request id's reference number.
func (f *fix) reference(t testing.TB, id int64) string {
	t.Helper()
	var ref string
	must(t, f.DB.R.QueryRowContext(f.ctx, store.Rebind(f.DB.Engine, "SELECT reference FROM requests WHERE id = $1"), id).Scan(&ref))
	return ref
}

// messages are request id's outbox messages of key.
func (f *fix) messages(t testing.TB, id int64, key string) []requests.Message {
	t.Helper()
	all, err := f.Services.Requests.Messages(f.ctx, id)
	must(t, err)
	var ms []requests.Message
	for _, m := range all {
		if m.Key == key {
			ms = append(ms, m)
		}
	}
	return ms
}
