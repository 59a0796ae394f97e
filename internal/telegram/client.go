package telegram

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	tg "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/jolproject/jol/internal/bot"
)

// Client sends the bot's messages through the Bot API. It is a
// bot.Client.
type Client struct {
	api   *tg.Bot
	token string
}

// NewClient returns a client of the bot with token on server
// (DefaultServer, or a fake one in tests). It does not call Telegram.
func NewClient(token, server string) (*Client, error) {
	if server == "" {
		server = DefaultServer
	}
	api, err := tg.New(token, tg.WithServerURL(server), tg.WithSkipGetMe(),
		tg.WithHTTPClient(time.Minute, &http.Client{Timeout: 30 * time.Second}))
	if err != nil {
		return nil, redact(err, token)
	}
	return &Client{api: api, token: token}, nil
}

// Me returns the bot's username, which also proves the token works.
func (c *Client) Me(ctx context.Context) (string, error) {
	u, err := c.api.GetMe(ctx)
	if err != nil {
		return "", c.classify(err)
	}
	return u.Username, nil
}

// SetWebhook asks Telegram to post updates to url with secret.
func (c *Client) SetWebhook(ctx context.Context, url, secret string) error {
	_, err := c.api.SetWebhook(ctx, &tg.SetWebhookParams{URL: url, SecretToken: secret,
		AllowedUpdates: AllowedUpdates})
	return c.classify(err)
}

// DeleteWebhook switches Telegram back to getUpdates, keeping the
// updates that wait.
func (c *Client) DeleteWebhook(ctx context.Context) error {
	_, err := c.api.DeleteWebhook(ctx, &tg.DeleteWebhookParams{})
	return c.classify(err)
}

// AllowedUpdates are the kinds of update the bot asks for.
var AllowedUpdates = []string{models.AllowedUpdateMessage, models.AllowedUpdateCallbackQuery,
	models.AllowedUpdateMyChatMember}

// Send delivers one message: an answer to a callback, an edit, or a new
// message with its keyboard.
func (c *Client) Send(ctx context.Context, m bot.Message) error {
	var err error
	switch {
	case m.AnswerCallback != "":
		_, err = c.api.AnswerCallbackQuery(ctx, &tg.AnswerCallbackQueryParams{CallbackQueryID: m.AnswerCallback, Text: m.Text})
	case m.EditMessageID != 0:
		p := &tg.EditMessageTextParams{ChatID: m.ChatID, MessageID: int(m.EditMessageID), Text: m.Text}
		if len(m.Buttons) > 0 {
			p.ReplyMarkup = inline(m.Buttons)
		}
		_, err = c.api.EditMessageText(ctx, p)
		if err != nil && strings.Contains(err.Error(), "message is not modified") {
			err = nil // the same text and buttons again: nothing to do
		}
	default:
		p := &tg.SendMessageParams{ChatID: m.ChatID, Text: m.Text}
		switch {
		case len(m.Buttons) > 0:
			p.ReplyMarkup = inline(m.Buttons)
		case m.AskContact != "":
			p.ReplyMarkup = &models.ReplyKeyboardMarkup{ResizeKeyboard: true, OneTimeKeyboard: true,
				Keyboard: [][]models.KeyboardButton{{{Text: m.AskContact, RequestContact: true}}}}
		case m.RemoveKeyboard:
			p.ReplyMarkup = &models.ReplyKeyboardRemove{RemoveKeyboard: true}
		}
		_, err = c.api.SendMessage(ctx, p)
	}
	return c.classify(err)
}

// The keyboards are sent as Jol's own small types: the library's button
// type sends an empty copy_text with every button, which Telegram does
// not expect.
type (
	inlineKeyboard struct {
		InlineKeyboard [][]inlineButton `json:"inline_keyboard"`
	}
	inlineButton struct {
		Text         string `json:"text"`
		CallbackData string `json:"callback_data,omitempty"`
		URL          string `json:"url,omitempty"`
	}
)

func inline(rows [][]bot.Button) inlineKeyboard {
	kb := inlineKeyboard{InlineKeyboard: make([][]inlineButton, len(rows))}
	for i, row := range rows {
		for _, b := range row {
			kb.InlineKeyboard[i] = append(kb.InlineKeyboard[i], inlineButton{Text: b.Text, CallbackData: b.Data, URL: b.URL})
		}
	}
	return kb
}

// classify turns the library's errors into the bot's (bot.ErrBlocked,
// bot.ErrRejected, *bot.RetryAfter), the token taken out of any text.
func (c *Client) classify(err error) error {
	if err == nil {
		return nil
	}
	var many *tg.TooManyRequestsError
	if errors.As(err, &many) {
		return &bot.RetryAfter{Wait: time.Duration(max(many.RetryAfter, 1)) * time.Second}
	}
	text := redactText(err.Error(), c.token)
	switch {
	case errors.Is(err, tg.ErrorForbidden) && isBlocked(text):
		return fmt.Errorf("%w: %s", bot.ErrBlocked, text)
	case errors.Is(err, tg.ErrorForbidden), errors.Is(err, tg.ErrorBadRequest):
		return fmt.Errorf("%w: %s", bot.ErrRejected, text)
	}
	return redact(err, c.token)
}

// isBlocked: Telegram's 403 texts for a user the bot can no longer reach.
func isBlocked(text string) bool {
	for _, s := range []string{"blocked by the user", "user is deactivated", "bot was kicked"} {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}
