package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/bot/flows"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/settings"
)

// BotUsername is the demo bot's Telegram username: the deep links and
// their QR posters are written t.me/jol_demo_bot?start=…, though no such
// bot answers; the chat simulator does.
const BotUsername = "jol_demo_bot"

// botChats are the demo's simulated chats: whose simulator each is (a
// login), the deep link it came from (by kind) and the language it chose,
// so the bot's page counts chats and the administrator's simulator shows
// a conversation.
var botChats = []struct {
	login  string
	link   deeplink.Kind
	locale string
}{
	{"admin", deeplink.Campaign, "ru"},
	{"coordinator", deeplink.Region, "kk"},
	{"operator", deeplink.Event, "ru"},
	{"hotline", deeplink.Campaign, "kk"},
	{"coordinator.ir", deeplink.Region, "fa"},
}

// seedBot names the demo's bot (when the installation has not), makes
// the deep links of its posters — this year's Road to School, Karaganda
// region and, with the registry, its distribution day — and has a few
// simulated chats start from them and choose a language. The links and
// chats are made once: a demo that has links keeps them.
func seedBot(ctx context.Context, s *services.Services, today time.Time) error {
	set, err := s.Settings.Get(ctx)
	if err != nil {
		return err
	}
	if set.BotUsername == "" && settings.ValidBotUsername(BotUsername) {
		set.BotUsername = BotUsername
		if err := s.Settings.Update(ctx, access.System, set); err != nil {
			return fmt.Errorf("demo bot: %w", err)
		}
	}
	admin, err := s.Accounts.LookupEmail(ctx, Email("admin"))
	if err != nil {
		return err
	}
	p := admin.Principal()
	if n, err := s.BotLinks.Count(ctx, p); err != nil || n.N > 0 {
		return err
	}
	links, err := botLinks(ctx, s, p, today)
	if err != nil {
		return fmt.Errorf("demo bot links: %w", err)
	}
	return seedChats(ctx, s, links)
}

// botLinks makes the demo's deep links and returns their keys by kind.
func botLinks(ctx context.Context, s *services.Services, p access.Principal, today time.Time) (map[deeplink.Kind]string, error) {
	ins := []deeplink.Input{{Kind: deeplink.Region, RegionCode: "KZ-35", Label: "Плакаты в школах Карагандинской области"}}
	win, err := s.Requests.CampaignWindow(ctx, roadSlug(today.Year()))
	switch {
	case errs.CodeOf(err) == errs.NotFound:
	case err != nil:
		return nil, err
	default:
		ins = append(ins, deeplink.Input{Kind: deeplink.Campaign, TargetID: win.ID,
			Label: "«Мектепке жол» — мектептер мен әкімдіктердегі плакат"})
		days, err := s.Distribution.Events(ctx, access.System, distribution.Filter{CampaignID: win.ID})
		if err != nil {
			return nil, err
		}
		if len(days) > 0 {
			ins = append(ins, deeplink.Input{Kind: deeplink.Event, TargetID: days[0].ID,
				Label: "Объявление у входа в пункт выдачи"})
		}
	}
	keys := map[deeplink.Kind]string{}
	for _, in := range ins {
		l, err := s.BotLinks.Create(ctx, p, in)
		if err != nil {
			return nil, err
		}
		keys[in.Kind] = l.Key
	}
	return keys, nil
}

// seedChats has each of botChats say /start with its link's key (the
// region's when its own kind has none), then /language and press its
// language, through the same engine and flows as the server's bot.
func seedChats(ctx context.Context, s *services.Services, keys map[deeplink.Kind]string) error {
	fs, err := flows.All(s)
	if err != nil {
		return err
	}
	engine, err := s.Conversations.Engine(fs...)
	if err != nil {
		return err
	}
	d := s.Bot.Dispatcher(engine)
	for _, c := range botChats {
		u, err := s.Accounts.LookupEmail(ctx, Email(c.login))
		if err != nil {
			return err
		}
		key := keys[c.link]
		if key == "" {
			key = keys[deeplink.Region]
		}
		steps := []bot.Update{{Kind: bot.KindCommand, Text: "/start " + key, Command: "start", Args: key},
			{Kind: bot.KindCommand, Text: "/language", Command: "language"}}
		for _, st := range steps {
			if err := say(ctx, s.Bot, d, u.ID, st); err != nil {
				return err
			}
		}
		press, err := languageButton(ctx, s.Bot, bot.SimulatedChat(u.ID), c.locale)
		if err != nil {
			return err
		}
		if err := say(ctx, s.Bot, d, u.ID, press); err != nil {
			return err
		}
	}
	return nil
}

// say stores u in user's simulated chat and has the dispatcher answer it.
func say(ctx context.Context, b *bot.Service, d *bot.Dispatcher, user int64, u bot.Update) error {
	if _, err := b.Simulate(ctx, user, u); err != nil {
		return err
	}
	for {
		n, err := d.ProcessPending(ctx)
		if err != nil || n == 0 {
			return err
		}
	}
}

// languageButton is the press of the button of locale under the chat's
// latest question.
func languageButton(ctx context.Context, b *bot.Service, chat int64, locale string) (bot.Update, error) {
	ms, err := b.Messages(ctx, chat, 0)
	if err != nil {
		return bot.Update{}, err
	}
	for i := len(ms) - 1; i >= 0; i-- {
		for _, row := range ms[i].Message.Buttons {
			for _, btn := range row {
				if strings.HasSuffix(btn.Data, ":"+locale) {
					return bot.Update{Kind: bot.KindCallback, Callback: bot.Callback{ID: "demo-" + locale,
						Data: btn.Data, MessageID: ms[i].ID}}, nil
				}
			}
		}
	}
	return bot.Update{}, fmt.Errorf("demo bot: chat %d was not offered %s", chat, locale)
}
