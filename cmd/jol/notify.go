package main

import (
	"time"

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
