package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/flows"
	"github.com/jolproject/jol/internal/telegram"
)

// telegramConfig is how serve runs the bot. The token is read from a
// file or the environment, never from a flag: a flag's value shows in
// the process list.
type telegramConfig struct {
	token   string // "" when the bot is off
	webhook string // the public HTTPS URL of /telegram/webhook; "" to poll
	api     string // the Bot API server (telegram.DefaultServer)
}

// webhookPath is where Telegram posts updates when a webhook is set.
const webhookPath = "/telegram/webhook"

// telegramFlags defines serve's bot flags; the returned function reads
// them once parsed.
func telegramFlags(f *flags) func() (telegramConfig, error) {
	file := f.String("telegram-token-file", "", "file holding the Telegram bot's token (else the token is read from "+
		"JOL_TELEGRAM_TOKEN; without one the bot is off)")
	hook := f.String("telegram-webhook", "", "public HTTPS URL ending in "+webhookPath+" at which Telegram posts updates "+
		"(default: long polling)")
	api := f.String("telegram-api", telegram.DefaultServer, "the Bot API server (a local telegram-bot-api server, say)")
	return func() (telegramConfig, error) {
		c := telegramConfig{webhook: strings.TrimSpace(*hook), api: strings.TrimRight(*api, "/")}
		switch {
		case *file != "":
			b, err := os.ReadFile(*file)
			if err != nil {
				return c, fmt.Errorf("%w: --telegram-token-file: %v", errUsage, err)
			}
			c.token = strings.TrimSpace(string(b))
		default:
			c.token = strings.TrimSpace(f.e.getenv("JOL_TELEGRAM_TOKEN"))
		}
		if c.webhook != "" {
			u, err := url.Parse(c.webhook)
			if err != nil || u.Scheme != "https" || u.Host == "" || !strings.HasSuffix(u.Path, webhookPath) {
				return c, fmt.Errorf("%w: --telegram-webhook must be an https:// URL ending in %s", errUsage, webhookPath)
			}
			if c.token == "" {
				return c, fmt.Errorf("%w: --telegram-webhook needs the bot's token", errUsage)
			}
		}
		return c, nil
	}
}

// webhookHandler is the route Telegram posts to, or nil when it does
// not: it sits outside the web UI's cross-origin protection, and only
// Telegram's secret header lets a request in.
func (a *app) webhookHandler(c telegramConfig) http.Handler {
	if c.token == "" || c.webhook == "" {
		return nil
	}
	return &telegram.Webhook{Inbox: a.Bot, Secret: telegram.WebhookSecret(c.token), Logger: a.logger, Now: a.now}
}

// runBot runs the bot until ctx ends. The dispatcher always runs, so
// the admins' chat simulator is answered even with no token; the sender
// and long polling (or the webhook's registration) need a token, and
// with none the bot is off for Telegram and says so.
func (a *app) runBot(ctx context.Context, wg *sync.WaitGroup, c telegramConfig) {
	fs, err := flows.All(a.Services)
	if err != nil {
		a.logger.Error("the Telegram bot is off: its flows", "err", err)
		return
	}
	engine, err := a.Conversations.Engine(fs...)
	if err != nil {
		a.logger.Error("the Telegram bot is off: its conversations", "err", err)
		return
	}
	wg.Go(func() { _ = a.Bot.Dispatcher(engine).Run(ctx) })
	wg.Go(func() { a.staffNotices(ctx, engine) })
	wg.Go(func() { a.youthNews(ctx, engine) })
	if c.token == "" {
		a.Bot.SetTransport(bot.TransportOff)
		a.logger.Info("the Telegram bot is off: no token (see --telegram-token-file); the chat simulator still answers")
		return
	}
	client, err := telegram.NewClient(c.token, c.api)
	if err != nil {
		a.logger.Error("the Telegram bot is off", "err", err)
		return
	}
	name, err := client.Me(ctx)
	if err != nil {
		a.logger.Error("telegram: getMe failed; is the token right?", "err", err)
	}
	a.Settings.LearnBotUsername(name) // the deep links' name while the setting is empty
	if c.webhook != "" {
		a.Bot.SetTransport(bot.TransportWebhook)
		if err := client.SetWebhook(ctx, c.webhook, telegram.WebhookSecret(c.token)); err != nil {
			a.logger.Error("telegram: setWebhook failed", "err", err)
		}
	} else {
		a.Bot.SetTransport(bot.TransportPolling)
		// getUpdates is refused while a webhook is set.
		if err := client.DeleteWebhook(ctx); err != nil && !errors.Is(err, context.Canceled) {
			a.logger.Error("telegram: deleteWebhook failed", "err", err)
		}
		p := telegram.NewPoller(c.token, a.Bot)
		p.Server, p.Logger, p.Now = c.api, a.logger, a.now
		wg.Go(func() { _ = p.Run(ctx) })
	}
	wg.Go(func() { _ = a.Bot.Sender(client, bot.DefaultLimits).Run(ctx) })
	a.logger.Info("the Telegram bot is on", "bot", "@"+name, "transport", c.transport())
}

func (c telegramConfig) transport() string {
	if c.webhook != "" {
		return bot.TransportWebhook
	}
	return bot.TransportPolling
}
