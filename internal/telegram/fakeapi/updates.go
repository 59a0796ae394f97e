package fakeapi

import (
	"strconv"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"
)

// Date is the time the builders give their updates: 2026-12-07 10:00 UTC.
func Date() time.Time { return time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC) }

// User is the sender of a private chat: in a private chat the chat's ID
// is the user's, and lang is the user's Telegram language ("" unknown).
func User(chat int64, lang string) *models.User {
	return &models.User{ID: chat, FirstName: "User " + itoa(chat), LanguageCode: lang}
}

func private(chat int64) models.Chat {
	return models.Chat{ID: chat, Type: models.ChatTypePrivate, FirstName: "User " + itoa(chat)}
}

// Text is a user's text message in their private chat with the bot.
func Text(chat int64, text string) models.Update {
	return models.Update{Message: &models.Message{ID: 1, From: User(chat, ""), Chat: private(chat),
		Date: int(Date().Unix()), Text: text}}
}

// Command is a command ("/start abc") as Telegram sends it, marked by a
// bot_command entity.
func Command(chat int64, text string) models.Update {
	u := Text(chat, text)
	word, _, _ := strings.Cut(text, " ")
	u.Message.Entities = []models.MessageEntity{{Type: models.MessageEntityTypeBotCommand, Length: len([]rune(word))}}
	return u
}

// Callback is a press of a button with data under the bot's message msg.
func Callback(chat int64, msg int, data string) models.Update {
	return models.Update{CallbackQuery: &models.CallbackQuery{ID: "cb" + itoa(chat) + "-" + strconv.Itoa(msg),
		From: *User(chat, ""), ChatInstance: "ci" + itoa(chat), Data: data,
		Message: models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeMessage,
			Message: &models.Message{ID: msg, Chat: private(chat), Date: int(Date().Unix()), Text: "…"}}}}
}

// Contact is a shared contact: the user's own when userID is chat.
func Contact(chat int64, phone string, userID int64) models.Update {
	u := Text(chat, "")
	u.Message.Contact = &models.Contact{PhoneNumber: phone, FirstName: "Contact", UserID: userID}
	return u
}

// Photo is a message with a photo and no text.
func Photo(chat int64) models.Update {
	u := Text(chat, "")
	u.Message.Photo = []models.PhotoSize{{FileID: "photo", FileUniqueID: "p1", Width: 90, Height: 90}}
	return u
}

// Member is my_chat_member: the user blocked the bot ("kicked") or
// unblocked it ("member").
func Member(chat int64, status models.ChatMemberType) models.Update {
	m := models.ChatMember{Type: status}
	switch status {
	case models.ChatMemberTypeBanned:
		m.Banned = &models.ChatMemberBanned{User: &models.User{ID: 123456789, IsBot: true, FirstName: "Jol"}}
	default:
		m.Type = models.ChatMemberTypeMember
		m.Member = &models.ChatMemberMember{User: &models.User{ID: 123456789, IsBot: true, FirstName: "Jol"}}
	}
	return models.Update{MyChatMember: &models.ChatMemberUpdated{Chat: private(chat), From: *User(chat, ""),
		Date: int(Date().Unix()), NewChatMember: m,
		OldChatMember: models.ChatMember{Type: models.ChatMemberTypeLeft, Left: &models.ChatMemberLeft{}}}}
}

// Lang sets the sender's Telegram language on u.
func Lang(u models.Update, lang string) models.Update {
	switch {
	case u.Message != nil && u.Message.From != nil:
		u.Message.From.LanguageCode = lang
	case u.CallbackQuery != nil:
		u.CallbackQuery.From.LanguageCode = lang
	case u.MyChatMember != nil:
		u.MyChatMember.From.LanguageCode = lang
	}
	return u
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
