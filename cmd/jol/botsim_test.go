package main

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/telegram/fakeapi"
)

// simPost posts a form of the chat simulator and follows nothing.
func simPost(t *testing.T, c *http.Client, base string, form url.Values) {
	t.Helper()
	res, err := c.PostForm(base+"/admin/bot/chat", form)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/bot/chat#end" {
		t.Fatalf("simulator post %v: %d to %q", form, res.StatusCode, res.Header.Get("Location"))
	}
}

func TestSimulatorIsAnsweredAndNeverReachesTelegram(t *testing.T) {
	fake := fakeapi.New(t)
	s := startServerConfig(t, true, serveConfig{telegram: telegramConfig{token: fake.Token, api: fake.URL}})
	c := s.login(t, "admin")
	// The demo's chat has talked already (from a distribution day's
	// poster): start over, then /start.
	res, err := c.PostForm(s.url+"/admin/bot/chat/restart", url.Values{})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	simPost(t, c, s.url, url.Values{"text": {"/start"}})
	code, body := get(t, c, s.url+"/admin/bot/chat")
	body = html.UnescapeString(body)
	// The simulated user speaks the admin's language, as Telegram tells
	// the bot its user's.
	l := pageLocale(t, body)
	if code != 200 || !strings.Contains(body, "/start") || !strings.Contains(body, botText(t, l, "bot.welcome")) ||
		!strings.Contains(body, botText(t, l, "bot.menu")) || !strings.Contains(body, `:f:language"`) || strings.Contains(body, `:go"`) {
		t.Fatalf("simulator after /start: %d\n%s", code, body)
	}
	// A real chat is answered through Telegram meanwhile; the simulated
	// one never is.
	fake.Push(fakeapi.Lang(fakeapi.Command(5, "/start"), "ru"))
	fake.WaitCalls(t, "sendMessage", 2)
	for _, call := range fake.Calls() {
		if chat := call.Params["chat_id"]; chat != "" && chat != "5" {
			t.Errorf("a request for a chat other than the real one: %s", call)
		}
	}
	// The page counts both and shows how the bot runs.
	code, body = get(t, c, s.url+"/admin/bot")
	if code != 200 || !strings.Contains(body, `id="bot-transport">Long polling`) || strings.Contains(body, `id="bot-off"`) {
		t.Errorf("bot page: %d\n%s", code, body)
	}
}

func TestSimulatorAnswersWithoutAToken(t *testing.T) {
	s := startServer(t)
	c := s.login(t, "admin")
	code, body := get(t, c, s.url+"/admin/bot")
	if code != 200 || !strings.Contains(body, `id="bot-off"`) || !strings.Contains(body, "docs/operations.md") {
		t.Fatalf("bot page with no token: %d\n%s", code, body)
	}
	// The demo's chat has talked already: start over, which answers a
	// fresh /start, then ask for the languages.
	res, err := c.PostForm(s.url+"/admin/bot/chat/restart", url.Values{})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	chat := bot.SimulatedChat(s.adminID(t))
	fresh, err := s.app.Bot.Messages(context.Background(), chat, 0)
	if res.StatusCode != http.StatusSeeOther || err != nil || len(fresh) == 0 {
		t.Fatalf("start over: %d, %d messages, %v", res.StatusCode, len(fresh), err)
	}
	simPost(t, c, s.url, url.Values{"text": {"/language"}})
	msgs, err := s.app.Bot.Messages(context.Background(), chat, fresh[len(fresh)-1].ID)
	if err != nil || len(msgs) != 1 || msgs[0].Message.Text != botText(t, pageLocale(t, body), "bot.language.choose") {
		t.Fatalf("messages %+v, %v", msgs, err)
	}
	// Persian, with the button the bot gave; then the same button again:
	// stale, as Telegram's would be.
	press := url.Values{"data": {msgs[0].Message.Buttons[2][0].Data}, "message": {itoa(msgs[0].ID)}}
	if msgs[0].Message.Buttons[2][0].Text != "فارسی" {
		t.Fatalf("buttons %+v", msgs[0].Message.Buttons)
	}
	simPost(t, c, s.url, press)
	simPost(t, c, s.url, press)
	_, body = get(t, c, s.url+"/admin/bot/chat")
	body = html.UnescapeString(body)
	for _, want := range []string{"▸ فارسی", botText(t, i18n.FA, "bot.language.set"), botText(t, i18n.FA, "bot.menu"),
		`class="sim-notice" role="status" dir="auto">` + botText(t, i18n.FA, "bot.stale")} {
		if !strings.Contains(body, want) {
			t.Errorf("the chat lacks %q", want)
		}
	}
}

// adminID is the demo administrator's user id.
func (s *testServer) adminID(t *testing.T) int64 {
	t.Helper()
	u, err := s.app.Accounts.LookupEmail(context.Background(), demo.Email("admin"))
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

// pageLocale is the language a page is in.
func pageLocale(t *testing.T, body string) i18n.Locale {
	t.Helper()
	m := regexp.MustCompile(`<html lang="([a-z]+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("the page names no language")
	}
	l, ok := i18n.Parse(m[1])
	if !ok {
		t.Fatalf("the page's language %q", m[1])
	}
	return l
}

// The page lists a blocked chat by its number and dates, and a delivery
// failure with its error, with anything shaped like a token taken out.
func TestBotPageListsStoppedChatsAndFailures(t *testing.T) {
	s := startServer(t)
	ctx := context.Background()
	if _, err := s.app.Bot.Store(ctx, bot.Update{ID: 1, ChatID: 4242, UserID: 4242, Kind: bot.KindMember, Member: "kicked"}); err != nil {
		t.Fatal(err)
	}
	const token = "123456789:AAEhBOweik6ad9r3Qqf0VnXrj5gW7kh1Zs8"
	if _, err := s.app.db.W.ExecContext(ctx, `INSERT INTO bot_outbox (chat_id, payload, state, not_before, created_at, last_error)
		VALUES (77, '{}', 'failed', $1, $1, $2)`, time.Now().UTC(), `Post "https://api.example/bot`+token+`/sendMessage": timeout`); err != nil {
		t.Fatal(err)
	}
	c := s.login(t, "admin")
	var body string
	for range 100 { // the dispatcher stops the chat within moments
		_, body = get(t, c, s.url+"/admin/bot")
		if strings.Contains(body, `<td dir="ltr">4242</td>`) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	for _, want := range []string{`<td dir="ltr">4242</td>`, `<td dir="ltr">77</td>`, "bot[token]/sendMessage"} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(body, "AAEhBOweik6ad9r3") {
		t.Error("the page shows the token")
	}
}
