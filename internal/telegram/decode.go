package telegram

import (
	"strings"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/jolproject/jol/internal/bot"
)

// Decode turns one of Telegram's updates into the bot's Update. ok is
// false for what the bot does not take: anything outside a private chat
// (groups, channels), edits of old messages, inline queries and the like.
// An update Telegram gives no time (a callback) has a zero At.
func Decode(u models.Update) (out bot.Update, ok bool) {
	out.ID = u.ID
	switch {
	case u.Message != nil:
		m := u.Message
		if m.Chat.Type != models.ChatTypePrivate {
			return out, false
		}
		out.ChatID, out.At = m.Chat.ID, unix(m.Date)
		if m.From != nil {
			out.UserID, out.Language = m.From.ID, m.From.LanguageCode
		}
		decodeMessage(m, &out)
		return out, true
	case u.CallbackQuery != nil:
		q := u.CallbackQuery
		out.Kind, out.UserID, out.Language = bot.KindCallback, q.From.ID, q.From.LanguageCode
		out.Callback = bot.Callback{ID: q.ID, Data: q.Data}
		// In a private chat the chat's ID is the user's.
		out.ChatID = q.From.ID
		switch {
		case q.Message.Message != nil:
			if q.Message.Message.Chat.Type != models.ChatTypePrivate {
				return out, false
			}
			out.ChatID, out.Callback.MessageID = q.Message.Message.Chat.ID, int64(q.Message.Message.ID)
		case q.Message.InaccessibleMessage != nil:
			out.ChatID, out.Callback.MessageID = q.Message.InaccessibleMessage.Chat.ID, int64(q.Message.InaccessibleMessage.MessageID)
		case q.InlineMessageID != "":
			return out, false
		}
		return out, true
	case u.MyChatMember != nil:
		m := u.MyChatMember
		if m.Chat.Type != models.ChatTypePrivate {
			return out, false
		}
		out.Kind, out.ChatID, out.UserID, out.At = bot.KindMember, m.Chat.ID, m.From.ID, unix(m.Date)
		out.Language, out.Member = m.From.LanguageCode, string(m.NewChatMember.Type)
		return out, true
	}
	return out, false
}

// decodeMessage fills what a new message carries.
func decodeMessage(m *models.Message, out *bot.Update) {
	switch {
	case m.Contact != nil:
		out.Kind, out.Phone, out.ContactUserID = bot.KindContact, m.Contact.PhoneNumber, m.Contact.UserID
	case isCommand(m):
		out.Kind, out.Text = bot.KindCommand, m.Text
		word, args, _ := strings.Cut(m.Text, " ")
		word, _, _ = strings.Cut(strings.TrimPrefix(word, "/"), "@") // "/start@JolBot"
		out.Command, out.Args = strings.ToLower(word), strings.TrimSpace(args)
	case m.Text != "":
		out.Kind, out.Text = bot.KindText, m.Text
	default:
		out.Kind = bot.KindOther
	}
}

// isCommand: Telegram marks a command with a bot_command entity at the
// start; a text typed as "/start" by hand without one is still taken.
func isCommand(m *models.Message) bool {
	for _, e := range m.Entities {
		if e.Type == models.MessageEntityTypeBotCommand && e.Offset == 0 {
			return true
		}
	}
	return len(m.Text) > 1 && m.Text[0] == '/' && m.Text[1] != ' '
}

func unix(sec int) time.Time {
	if sec == 0 {
		return time.Time{}
	}
	return time.Unix(int64(sec), 0).UTC()
}
