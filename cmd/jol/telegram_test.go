package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/telegram"
	"github.com/jolproject/jol/internal/telegram/fakeapi"
)

// botText is a catalogue's text in l.
func botText(t *testing.T, l i18n.Locale, key string) string {
	t.Helper()
	c, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	return c.Localizer(l).T(key)
}

// menuButtons are the main menu's buttons, flow and label key, in order:
// the domains' flows, then the choice of language.
var menuButtons = [][2]string{{"youth", "youthbot.menu.register"}, {"apply", "bot.parent.menu.apply"},
	{"status", "bot.parent.menu.status"}, {"language", "bot.menu.language"}}

// startSends are the exact requests that answer /start in a new chat:
// the greeting, then the main menu with its buttons at the
// conversation's first version.
func startSends(t *testing.T, chat string, l i18n.Locale) []string {
	t.Helper()
	var rows []string
	for _, b := range menuButtons {
		rows = append(rows, `[{"callback_data":"1:f:`+b[0]+`","text":"`+botText(t, l, b[1])+`"}]`)
	}
	keyboard := `{"inline_keyboard":[` + strings.Join(rows, ",") + `]}`
	return []string{
		`sendMessage chat_id=` + chat + ` text="` + botText(t, l, "bot.welcome") + `"`,
		`sendMessage chat_id=` + chat + ` reply_markup=` + keyboard + ` text="` + botText(t, l, "bot.menu") + `"`,
	}
}

func TestServeRunsTheBotByLongPolling(t *testing.T) {
	fake := fakeapi.New(t)
	fake.Push(fakeapi.Lang(fakeapi.Command(5, "/start"), "fa"), fakeapi.Lang(fakeapi.Command(6, "/start"), "ru"),
		fakeapi.Command(7, "/start"), fakeapi.Lang(fakeapi.Callback(5, 3, "old"), "fa"))
	s := startServerConfig(t, false, serveConfig{telegram: telegramConfig{token: fake.Token, api: fake.URL}})
	fake.WaitCalls(t, "sendMessage", 6)
	fake.WaitCalls(t, "answerCallbackQuery", 1)
	if got := fake.CallsOf("deleteWebhook"); len(got) != 1 {
		t.Errorf("deleteWebhook calls %v, want one before polling", got)
	}
	def, _ := i18n.Parse(s.app.defaultLocale(context.Background()))
	want := slices.Concat(startSends(t, "5", i18n.FA), startSends(t, "6", i18n.RU),
		startSends(t, "7", def), // the installation's language
		[]string{`answerCallbackQuery callback_query_id="cb5-3" text="` + botText(t, i18n.FA, "bot.stale") + `"`})
	if got := fake.Sends(); !sameMultiset(got, want) || !slices.Equal(filter(got, "chat_id=5 "), filter(want, "chat_id=5 ")) {
		t.Errorf("sends\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	_, body := get(t, s.client(t), s.url+"/metrics")
	for _, line := range []string{"jol_bot_updates_total 4", `jol_bot_messages_total{result="sent"} 7`} {
		if !strings.Contains(body, line) {
			t.Errorf("metrics lack %q", line)
		}
	}
	st, err := s.app.Bot.Status(context.Background())
	if err != nil || st.Transport != "polling" || st.Updates["done"] != 4 || st.Chats["active"] != 3 {
		t.Errorf("status %+v, %v", st, err)
	}
}

func filter(ss []string, sub string) []string {
	var out []string
	for _, s := range ss {
		if strings.Contains(s, sub) {
			out = append(out, s)
		}
	}
	return out
}

func sameMultiset(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func TestServeTakesTheWebhookOutsideCSRFWithItsSecret(t *testing.T) {
	fake := fakeapi.New(t)
	const public = "https://jol.example/telegram/webhook"
	s := startServerConfig(t, false, serveConfig{telegram: telegramConfig{token: fake.Token, api: fake.URL, webhook: public}})
	fake.WaitCalls(t, "setWebhook", 1)
	url, secret := fake.Webhook()
	if url != public || secret != telegram.WebhookSecret(fake.Token) {
		t.Fatalf("setWebhook(%q, %q)", url, secret)
	}
	post := func(path, secret string) int {
		body, _ := jsonOf(fakeapi.Lang(fakeapi.Command(9, "/start"), "kk"))
		req, _ := http.NewRequest("POST", s.url+path, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		// What a browser on another site would send: the cross-origin
		// protection refuses it everywhere but on the webhook.
		req.Header.Set("Origin", "https://evil.example")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		if secret != "" {
			req.Header.Set(telegram.SecretHeader, secret)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	if code := post("/telegram/webhook", "forged"); code != http.StatusUnauthorized {
		t.Errorf("forged secret: %d, want 401", code)
	}
	if code := post("/telegram/webhook", ""); code != http.StatusUnauthorized {
		t.Errorf("no secret: %d, want 401", code)
	}
	if code := post("/telegram/webhook", secret); code != http.StatusOK {
		t.Errorf("Telegram's post: %d, want 200", code)
	}
	if code := post("/login", secret); code != http.StatusForbidden {
		t.Errorf("a cross-site post elsewhere: %d, want 403 (the protection stays on)", code)
	}
	fake.WaitCalls(t, "sendMessage", 2)
	if got, want := fake.Sends(), startSends(t, "9", i18n.KK); !slices.Equal(got, want) {
		t.Errorf("sends %q, want %q", got, want)
	}
	if got := fake.CallsOf("getUpdates"); len(got) != 0 {
		t.Errorf("polled while on a webhook: %v", got)
	}
}

func jsonOf(u models.Update) ([]byte, error) { return json.Marshal(&u) }

// syncBuffer is a log that goroutines write while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestTheTokenIsNeverLogged(t *testing.T) {
	fake := fakeapi.New(t)
	api := fake.URL
	fake.Close() // every call fails, and the failures are logged
	dir := t.TempDir()
	tokenFile := filepath.Join(dir, "token")
	if err := os.WriteFile(tokenFile, []byte(fake.Token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		args []string
		env  map[string]string
	}{
		"from a file":          {args: []string{"--telegram-token-file", tokenFile}},
		"from the environment": {env: map[string]string{"JOL_TELEGRAM_TOKEN": fake.Token}},
	} {
		t.Run(name, func(t *testing.T) {
			var out, errs syncBuffer
			env := env{getenv: func(k string) string { return tc.env[k] }, stdout: &out, stderr: &errs}
			ctx, cancel := context.WithCancel(context.Background())
			args := append([]string{"serve", "--addr", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "jol.db"),
				"--telegram-api", api}, tc.args...)
			done := make(chan int)
			go func() { done <- run(ctx, args, env) }()
			deadline := time.Now().Add(30 * time.Second)
			for !strings.Contains(errs.String(), "getUpdates failed") && time.Now().Before(deadline) {
				time.Sleep(20 * time.Millisecond)
			}
			cancel()
			if code := <-done; code != exitOK {
				t.Errorf("exit %d: %s", code, errs.String())
			}
			log := errs.String() + out.String()
			if !strings.Contains(log, "getMe failed") || !strings.Contains(log, "getUpdates failed") {
				t.Fatalf("the failures were not logged:\n%s", log)
			}
			if strings.Contains(log, fake.Token) || strings.Contains(log, "TEST-token") {
				t.Errorf("the token is in the log:\n%s", log)
			}
		})
	}
	// No flag takes the token itself: it would show in the process list.
	var errs syncBuffer
	code := run(context.Background(), []string{"serve", "--telegram-token", fake.Token}, env{getenv: func(string) string { return "" },
		stdout: &errs, stderr: &errs})
	if code != exitUsage {
		t.Errorf("--telegram-token: exit %d, want %d (no such flag)", code, exitUsage)
	}
}
