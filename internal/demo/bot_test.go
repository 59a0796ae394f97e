package demo_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/demo"
	svcs "github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// botState is what the demo seeded of the bot: its links by kind, and
// the administrator's simulated chat as text.
func botState(t *testing.T, svc *svcs.Services) (map[deeplink.Kind]deeplink.Link, []string, int64) {
	t.Helper()
	admin, err := svc.Accounts.LookupEmail(ctx, demo.Email("admin"))
	if err != nil {
		t.Fatal(err)
	}
	links, _, err := svc.BotLinks.List(ctx, admin.Principal(), "en", store.Page{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	byKind := map[deeplink.Kind]deeplink.Link{}
	for _, l := range links {
		if _, twice := byKind[l.Kind]; twice {
			t.Errorf("two links of kind %s", l.Kind)
		}
		byKind[l.Kind] = l
	}
	chat := bot.SimulatedChat(admin.ID)
	tr, err := svc.Bot.Transcript(ctx, chat, 50)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range tr {
		if e.In != nil {
			lines = append(lines, "in:"+e.In.Text+e.In.Callback.Data+":"+e.State)
		} else {
			lines = append(lines, "out:"+e.Out.Message.Text)
		}
	}
	return byKind, lines, chat
}

// The demo names its bot, makes the deep links of its posters, with
// labels, and has simulated chats start from them and choose a language;
// a second seed makes no more.
func TestSeedGivesTheBotLinksAndChats(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		svc := services(t, db)
		for range 2 {
			if _, err := demo.Seed(ctx, svc, demo.Options{Now: now, NoRegistry: true}); err != nil {
				t.Fatal(err)
			}
		}
		set, err := svc.Settings.Get(ctx)
		if err != nil || set.BotUsername != demo.BotUsername {
			t.Errorf("the bot's username: %q, %v", set.BotUsername, err)
		}
		links, lines, chat := botState(t, svc)
		if len(links) != 2 || links[deeplink.Campaign].Label == "" || links[deeplink.Region].Label == "" {
			t.Errorf("links without the registry: %+v", links)
		}
		key := links[deeplink.Campaign].Key
		// The demo's clock stands still, so the transcript lists the
		// chat's three updates before the bot's answers.
		want := []string{"in:/start " + key + ":done", "in:/language:done"}
		if len(lines) < 5 || lines[0] != want[0] || lines[1] != want[1] || !strings.HasSuffix(lines[2], ":ru:done") ||
			!strings.Contains(strings.Join(lines, "\n"), svc.Catalog.Localizer("ru").T("bot.language.set")) {
			t.Errorf("the administrator's chat: %q", lines)
		}
		locale, err := svc.Conversations.ChatLocale(ctx, db.R, chat)
		if err != nil || locale != "ru" {
			t.Errorf("the chat's language: %q, %v", locale, err)
		}
		var updates, pending int
		if err := db.R.QueryRow("SELECT count(*), COALESCE(sum(CASE WHEN state = 'pending' THEN 1 ELSE 0 END), 0) FROM bot_updates").
			Scan(&updates, &pending); err != nil {
			t.Fatal(err)
		}
		if updates != 15 || pending != 0 {
			t.Errorf("%d updates (%d pending) after two seeds, want 15 done", updates, pending)
		}
	})
}

// With the registry, the distribution day has its link too.
func TestSeededDemoHasADistributionDaysLink(t *testing.T) {
	_, svc := seeded(t)
	links, _, _ := botState(t, svc)
	if l, ok := links[deeplink.Event]; !ok || l.Label == "" || l.Target == "" {
		t.Errorf("the distribution day's link: %+v", links)
	}
	if _, err := svc.BotLinks.Count(ctx, access.System); err != nil {
		t.Fatal(err)
	}
}
