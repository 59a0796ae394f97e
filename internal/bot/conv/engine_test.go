package conv_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/settings"
	"github.com/jolproject/jol/internal/testworld"
)

// TestRestartContinues stops in the middle of a flow, builds a new
// service and engine over the same database (as a restarted process
// does) and carries on where the chat stood, its answers kept, its old
// buttons still those of the question it stands at.
func TestRestartContinues(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		l := makeLinks(t, w)
		c := bottest.Direct(t, w, engine(t, w), 77, "ru")
		c.Cmd("/start " + l.region)
		c.Text("Aigerim")
		c.Engine = engine(t, w) // the restart
		out := c.PressAt(0, 0)
		if len(out) != 2 || out[1].AskContact == "" {
			t.Fatalf("after the restart the colour's button led to %+v, want the phone's question", out)
		}
		out = c.Contact("+77010000002", c.ID)
		if got := out[1].Text; !strings.Contains(got, "Aigerim, r, +77010000002, from region Алматы") {
			t.Errorf("the flow ended with %q: the answers before the restart are lost", got)
		}
	})
}

// TestLanguageFallsBack speaks the chat's choice, else Telegram's
// language when Jol has it, else the installation's default language.
func TestLanguageFallsBack(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		set := settings.Defaults()
		set.DefaultLocale = "kk"
		if err := w.Services.Settings.Update(t.Context(), w.Principal("admin"), set); err != nil {
			t.Fatal(err)
		}
		e := engine(t, w)
		for _, tc := range []struct {
			lang, want string
		}{
			{"de", "Не істегіңіз келеді?"},          // German: no catalogue, the installation's Kazakh
			{"", "Не істегіңіз келеді?"},            // unknown
			{"fr-CA", "Que souhaitez-vous faire ?"}, // a region of a language Jol speaks
			{"fa-IR", "چه کاری می\u200cخواهید انجام دهید؟"},
		} {
			c := bottest.Direct(t, w, e, int64(500+len(tc.lang)), tc.lang)
			if out := c.Cmd("/start"); out[len(out)-1].Text != tc.want {
				t.Errorf("Telegram language %q: menu %q, want %q", tc.lang, out[len(out)-1].Text, tc.want)
			}
		}
		// A choice outlives Telegram's language.
		c := bottest.Direct(t, w, e, 600, "de")
		c.Cmd("/language")
		c.PressAt(0, 1) // Русский
		c.Lang = "fa"
		if out := c.Text("?"); out[0].Text != "Что вы хотите сделать?" {
			t.Errorf("after choosing Russian: %q", out[0].Text)
		}
	})
}

// TestMemberUpdatesAreLeftAlone leaves blocking and unblocking to the
// transport: nothing is said and no conversation is made.
func TestMemberUpdatesAreLeftAlone(t *testing.T) {
	w := testworld.SQLite(t)
	c := bottest.Direct(t, w, engine(t, w), 9, "ru")
	if out := c.Send(bot.Update{Kind: bot.KindMember, Member: "kicked"}, "(blocks)"); len(out) != 0 {
		t.Errorf("a member update got %+v", out)
	}
	var n int
	if err := w.DB.R.QueryRow("SELECT count(*) FROM bot_conversations").Scan(&n); err != nil || n != 0 {
		t.Errorf("conversations after a member update: %d, %v", n, err)
	}
}

// TestFlowsAreChecked refuses flows that cannot run.
func TestFlowsAreChecked(t *testing.T) {
	w := testworld.SQLite(t)
	ok := conv.Step{Ask: func(*conv.Chat) (conv.Prompt, error) { return conv.Prompt{}, nil },
		Answer: func(*conv.Chat, conv.Input) (conv.Next, error) { return conv.Done(), nil }}
	for name, f := range map[string]*conv.Flow{
		"no start":       {Name: "x", Start: "a", Steps: map[string]conv.Step{"b": ok}},
		"no Answer":      {Name: "x", Start: "a", Steps: map[string]conv.Step{"a": {Ask: ok.Ask}}},
		"a built-in's":   {Name: "language", Start: "a", Steps: map[string]conv.Step{"a": ok}},
		"no name":        {Start: "a", Steps: map[string]conv.Step{"a": ok}},
		"two for region": probe(),
	} {
		flows := []*conv.Flow{f}
		if name == "two for region" {
			flows = append(flows, &conv.Flow{Name: "other", Start: "a", Kinds: probe().Kinds, Steps: map[string]conv.Step{"a": ok}})
		}
		if _, err := w.Services.Conversations.Engine(flows...); err == nil {
			t.Errorf("%s: an engine was built", name)
		}
	}
}

// TestOfferHidesAFlow shows a flow's menu button only to the chats it
// offers itself to, and refuses its button, forged with the current
// version, in a chat it is not offered to.
func TestOfferHidesAFlow(t *testing.T) {
	w := testworld.SQLite(t)
	svc := w.Services
	s, err := conv.New(w.DB, svc.Audit, conv.Deps{Links: svc.BotLinks, Settings: svc.Settings, Accounts: svc.Accounts,
		Catalog: svc.Catalog}, w.Clock.Now)
	if err != nil {
		t.Fatal(err)
	}
	f := probe()
	f.Offer = func(c *conv.Chat) (bool, error) { return c.ID == 1, nil }
	e, err := s.Engine(f)
	if err != nil {
		t.Fatal(err)
	}
	offered := bottest.Direct(t, w, e, 1, "en")
	if out := offered.Cmd("/start"); len(out[1].Buttons) != 2 || out[1].Buttons[0][0].Data != "1:f:probe" {
		t.Errorf("the chat it is offered to: %+v", out[1].Buttons)
	}
	other := bottest.Direct(t, w, e, 2, "en")
	if out := other.Cmd("/start"); len(out[1].Buttons) != 1 {
		t.Errorf("the chat it is not offered to: %+v", out[1].Buttons)
	}
	if out := other.Send(fakePress("1:f:probe"), "(a forged button)"); len(out) != 1 || out[0].Text != "This button belongs to an earlier question." {
		t.Errorf("a forged button of a flow not offered: %+v", out)
	}
}
