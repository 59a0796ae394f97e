package main

import (
	"context"
	"time"

	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/bot/flows"
	"github.com/jolproject/jol/internal/bot/flows/youthbot"
	"github.com/jolproject/jol/internal/bot/notify"
)

// notifyEvery is how often the server hands the request outbox's
// Telegram messages (status changes, handover codes) to the bot.
const notifyEvery = 2 * time.Second

// notifier is the Sender of the request outbox's Telegram channel. It
// runs whether the bot has a token or not: a simulated chat's messages
// are stored for the chat simulator at once, and a real chat's wait in
// the bot's outbox until the bot runs with its token.
func (a *app) notifier() *notify.Sender {
	return &notify.Sender{Bot: a.Bot, Chats: a.Conversations, Settings: a.Settings, Catalog: a.Catalog}
}

// youthNewsEvery is how often the chats young people registered from
// are told what is new in their mentoring (youthbot.Notifier).
const youthNewsEvery = time.Minute

// youthNews tells the young people's chats of their match, reminds them
// to meet their mentor and asks after each session, until ctx ends. Like
// the notifier above it runs with or without a token: a simulated chat's
// news is stored for the chat simulator, a real chat's waits in the
// bot's outbox.
func (a *app) youthNews(ctx context.Context) {
	fs, err := flows.All(a.Services)
	if err == nil {
		var e *conv.Engine
		if e, err = a.Conversations.Engine(fs...); err == nil {
			var n *youthbot.Notifier
			if n, err = youthbot.NewNotifier(a.Services, a.db, e, a.now); err == nil {
				n.Run(ctx, youthNewsEvery, a.logger)
				return
			}
		}
	}
	a.logger.Error("the young people's news in the bot are off", "err", err)
}
