package main

import (
	"context"
	"time"

	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/bot/flows/staffbot"
	"github.com/jolproject/jol/internal/bot/flows/youthbot"
	"github.com/jolproject/jol/internal/bot/notify"
)

// notifyEvery is how often the server hands the request outbox's
// Telegram messages (status changes, handover codes) to the bot, and
// tells linked staff of what newly waits for them.
const notifyEvery = 2 * time.Second

// notifier is the Sender of the request outbox's Telegram channel. It
// runs whether the bot has a token or not: a simulated chat's messages
// are stored for the chat simulator at once, and a real chat's wait in
// the bot's outbox until the bot runs with its token.
func (a *app) notifier() *notify.Sender {
	return &notify.Sender{Bot: a.Bot, Chats: a.Conversations, Settings: a.Settings, Catalog: a.Catalog}
}

// staffNotices tells staff whose chat is linked of the young people
// proposed to them, the tasks given to them and the deliveries
// dispatched to their institution (staffbot.Notifier), every notifyEvery
// until ctx ends; e is the bot's engine, whose flows the mentors' notices
// begin.
func (a *app) staffNotices(ctx context.Context, e *conv.Engine) {
	n, err := staffbot.NewNotifier(a.Services, a.db, e, a.now)
	if err != nil {
		a.logger.Error("staff notices are off", "err", err)
		return
	}
	a.tellEvery(ctx, "staff notices", notifyEvery, n.Once)
}

// youthNewsEvery is how often the chats young people registered from
// are told what is new in their mentoring (youthbot.Notifier).
const youthNewsEvery = time.Minute

// youthNews tells the young people's chats of their match, reminds them
// to meet their mentor and asks after each session, until ctx ends; e is
// the bot's engine, whose flow the questions after a session begin. Like
// the staff's notices it runs with or without a token: a simulated
// chat's news is stored for the chat simulator, a real chat's waits in
// the bot's outbox.
func (a *app) youthNews(ctx context.Context, e *conv.Engine) {
	n, err := youthbot.NewNotifier(a.Services, a.db, e, a.now)
	if err != nil {
		a.logger.Error("the young people's news in the bot are off", "err", err)
		return
	}
	a.tellEvery(ctx, "youth news for the bot", youthNewsEvery, n.Once)
}

// tellEvery runs a notifier's once now and then every period until ctx
// ends, logging its failures as what.
func (a *app) tellEvery(ctx context.Context, what string, every time.Duration, once func(context.Context) (int, error)) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		if _, err := once(ctx); err != nil && ctx.Err() == nil {
			a.logger.Error(what, "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
