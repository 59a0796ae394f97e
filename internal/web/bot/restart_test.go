package bot_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/web/webtest"
)

// "Start over" forgets the admin's own simulated chat — its messages,
// the language it chose — and begins a fresh one with /start; a real
// chat and another admin's simulated chat are untouched, and someone
// who may not run the bot cannot start over.
func TestSimulatorStartsOver(t *testing.T) {
	f := webtest.New(t)
	ctx := t.Context()
	c := f.User(t, "admin2@example.org", access.Admin, "en")
	me := webtest.Must(f.Svc.Accounts.LookupEmail(ctx, "admin2@example.org")).ID
	chat, other := bot.SimulatedChat(me), bot.SimulatedChat(me+1000)
	engine := webtest.Must(f.Svc.Conversations.Engine())
	d := f.Svc.Bot.Dispatcher(engine)
	// The chat chose French and said /start; a real chat and another
	// simulated one have their own conversations and messages.
	if _, err := f.Svc.Bot.Simulate(ctx, me, bot.Update{Kind: bot.KindCommand, Text: "/start", Command: "start"}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{42, other} {
		u := bot.Update{ID: id, ChatID: id, UserID: id, Kind: bot.KindCommand, Text: "/start", Command: "start",
			At: webtest.Clock()}
		if _, err := f.Svc.Bot.Store(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	drain(t, d)
	if _, err := f.DB.W.Exec("UPDATE bot_conversations SET locale = 'fr'"); err != nil {
		t.Fatal(err)
	}
	before := map[int64]int{42: count(t, f, 42), other: count(t, f, other)}
	if before[42] == 0 || before[other] == 0 || count(t, f, chat) == 0 {
		t.Fatalf("nothing was said before: %v", before)
	}
	// A coordinator cannot start over.
	coord := f.Login(t, "coord@example.org")
	if r := coord.Post("/admin/bot/chat/restart", url.Values{}); r.Status != 403 {
		t.Errorf("a coordinator's start over: %d", r.Status)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 400 {
			if n, _ := d.ProcessPending(context.Background()); n > 0 {
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
	}()
	if r := c.Post("/admin/bot/chat/restart", url.Values{}); r.Status != 303 {
		t.Fatalf("start over: %d", r.Status)
	}
	<-done
	tr := webtest.Must(f.Svc.Bot.Transcript(ctx, chat, 50))
	var got []string
	for _, e := range tr {
		if e.In != nil {
			got = append(got, "in:"+e.In.Text)
		} else {
			got = append(got, "out:"+e.Out.Message.Text)
		}
	}
	if len(got) != 3 || got[0] != "in:/start" || !strings.HasPrefix(got[1], "out:Hello!") ||
		got[2] != "out:What would you like to do?" {
		t.Errorf("after starting over the chat is %q", got)
	}
	for id, n := range before {
		if count(t, f, id) != n {
			t.Errorf("chat %d changed", id)
		}
		var locale string
		webtest.Check(t, f.DB.R.QueryRow("SELECT locale FROM bot_conversations WHERE chat_id = $1", id).Scan(&locale))
		if locale != "fr" {
			t.Errorf("chat %d forgot its language", id)
		}
	}
	var locale string
	webtest.Check(t, f.DB.R.QueryRow("SELECT locale FROM bot_conversations WHERE chat_id = $1", chat).Scan(&locale))
	if locale != "" {
		t.Errorf("the simulated chat still speaks %q", locale)
	}
	if page := c.Get("/admin/bot/chat").Body; !strings.Contains(page, `action="/admin/bot/chat/restart"`) {
		t.Error("the simulator has no start over")
	}
}

// count is how many updates and messages chat has.
func count(t *testing.T, f *webtest.Fixture, chat int64) int {
	t.Helper()
	var n, m int
	webtest.Check(t, f.DB.R.QueryRow("SELECT count(*) FROM bot_updates WHERE chat_id = $1", chat).Scan(&n))
	webtest.Check(t, f.DB.R.QueryRow("SELECT count(*) FROM bot_outbox WHERE chat_id = $1", chat).Scan(&m))
	return n + m
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
