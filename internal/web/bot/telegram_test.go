package bot_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/web/webtest"
)

var codeText = regexp.MustCompile(`<code>([2-9A-Z]{4}-[2-9A-Z]{6})</code>`)

// TestLinkTelegramFromTheProfile shows a mentor a one-time code once, the
// code links a chat in the bot, the page then says so, and unlinking
// ends it.
func TestLinkTelegramFromTheProfile(t *testing.T) {
	f := webtest.New(t)
	setUsername(t, f, "jol_test_bot")
	c := f.User(t, "mentor@example.org", access.Mentor, "fa")
	page := c.Get("/my/telegram")
	if page.Status != 200 || !strings.Contains(page.Body, "به تلگرام پیوند نخورده") || !strings.Contains(page.Body, `dir="rtl"`) {
		t.Fatalf("telegram page: %d\n%s", page.Status, page.Body)
	}
	res := c.Post("/my/telegram/code", nil)
	m := codeText.FindStringSubmatch(res.Body)
	if res.Status != 201 || m == nil {
		t.Fatalf("code: %d\n%s", res.Status, res.Body)
	}
	raw := strings.ReplaceAll(m[1], "-", "")
	if !strings.Contains(res.Body, "https://t.me/jol_test_bot?start=link-"+raw) {
		t.Errorf("no deep link with the code:\n%s", res.Body)
	}
	if again := c.Get("/my/telegram"); strings.Contains(again.Body, m[1]) || !strings.Contains(again.Body, "هنوز معتبر است") {
		t.Errorf("the code is shown twice, or its being pending is not:\n%s", again.Body)
	}
	e, err := f.Svc.Conversations.Engine()
	webtest.Check(t, err)
	err = f.DB.Atomic(context.Background(), func(tx *store.Tx) error {
		_, err := e.Handle(context.Background(), tx, bot.Update{ID: 1, ChatID: 42, UserID: 42, Kind: bot.KindCommand,
			Command: "link", Args: m[1]})
		return err
	})
	webtest.Check(t, err)
	if linked := c.Get("/my/telegram"); !strings.Contains(linked.Body, "/my/telegram/unlink") {
		t.Errorf("after linking:\n%s", linked.Body)
	}
	if res := c.Post("/my/telegram/unlink", nil); res.Status != 303 {
		t.Errorf("unlink: %d", res.Status)
	}
	if _, ok, _ := f.Svc.Conversations.LinkedUser(context.Background(), f.DB.R, 42); ok {
		t.Error("the chat is still linked")
	}
}
