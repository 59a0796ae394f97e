package bot_test

import (
	"context"
	"html"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/web/webtest"
)

// script answers the simulator's updates as a flow would: a question with
// a button, then a request for the phone number, then a notice on a
// pressed button, then the keyboard taken away.
type script struct{ n int }

func (s *script) Handle(_ context.Context, _ *store.Tx, u bot.Update) ([]bot.Message, error) {
	s.n++
	switch s.n {
	case 1:
		return []bot.Message{{ChatID: u.ChatID, Text: "Pick one",
			Buttons: [][]bot.Button{{{Text: "Almaty", Data: "1:almaty"}, {Text: "Help", URL: "https://example.org/help"}}}}}, nil
	case 2:
		return []bot.Message{{ChatID: u.ChatID, AnswerCallback: u.Callback.ID},
			{ChatID: u.ChatID, Text: "Your number, please", AskContact: "Share my number"}}, nil
	case 3:
		return []bot.Message{{ChatID: u.ChatID, AnswerCallback: u.Callback.ID, Text: "Too late"}}, nil
	}
	return []bot.Message{{ChatID: u.ChatID, Text: "Thanks", RemoveKeyboard: true}}, nil
}

func TestSimulatorShowsBothSidesAndTheKeyboard(t *testing.T) {
	f := webtest.New(t)
	c := f.User(t, "admin2@example.org", access.Admin, "en")
	u, err := f.Svc.Accounts.LookupEmail(t.Context(), "admin2@example.org")
	if err != nil {
		t.Fatal(err)
	}
	uid := u.ID
	d := f.Svc.Bot.Dispatcher(&script{})
	step := func(form map[string][]string) string {
		t.Helper()
		// Nothing runs the dispatcher here: the post waits its 3 s in
		// vain unless it is drained beside it.
		done := make(chan struct{})
		go func() {
			defer close(done)
			for range 200 {
				if n, _ := d.ProcessPending(context.Background()); n > 0 {
					return
				}
				time.Sleep(5 * time.Millisecond)
			}
		}()
		if res := c.Post("/admin/bot/chat", form); res.Status != 303 {
			t.Fatalf("post %v: %d", form, res.Status)
		}
		<-done
		f.Advance(time.Second)
		return html.UnescapeString(c.Get("/admin/bot/chat").Body)
	}
	page := step(map[string][]string{"text": {"/start now"}})
	if !strings.Contains(page, "/start now") || !strings.Contains(page, `value="1:almaty"`) ||
		!strings.Contains(page, `href="https://example.org/help"`) || strings.Contains(page, `name="phone"`) {
		t.Fatalf("after /start:\n%s", page)
	}
	msgs, err := f.Svc.Bot.Messages(t.Context(), bot.SimulatedChat(uid), 0)
	if err != nil || len(msgs) != 1 {
		t.Fatalf("messages %+v, %v", msgs, err)
	}
	press := map[string][]string{"data": {"1:almaty"}, "message": {strconv.FormatInt(msgs[0].ID, 10)}}
	page = step(press)
	if !strings.Contains(page, "▸ Almaty") || !strings.Contains(page, `name="phone"`) || !strings.Contains(page, "Share my number") {
		t.Errorf("after the press:\n%s", page)
	}
	page = step(press)
	if !strings.Contains(page, `class="sim-notice" role="status" dir="auto">Too late`) {
		t.Errorf("no notice after the old press:\n%s", page)
	}
	page = step(map[string][]string{"phone": {"+7 701 000 00 00"}})
	if !strings.Contains(page, "📱 +7 701 000 00 00") || !strings.Contains(page, "Thanks") || strings.Contains(page, `name="phone"`) {
		t.Errorf("after sharing the number:\n%s", page)
	}
	// Every update of the chat came from the simulator's range, as the
	// chat's own user.
	tr, err := f.Svc.Bot.Transcript(t.Context(), bot.SimulatedChat(uid), 50)
	if err != nil {
		t.Fatal(err)
	}
	ins := 0
	for _, e := range tr {
		if e.In != nil {
			ins++
			if !bot.IsSimulatedUpdate(e.In.ID) || e.In.UserID != bot.SimulatedChat(uid) {
				t.Errorf("update %+v", e.In)
			}
			if e.In.Kind == bot.KindContact && e.In.ContactUserID != e.In.UserID {
				t.Errorf("the contact is not the user's own: %+v", e.In)
			}
		}
	}
	if ins != 4 {
		t.Errorf("%d updates, want 4", ins)
	}
}
