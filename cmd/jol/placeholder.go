package main

import (
	"context"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
)

// placeholder is the bot's Handler until the conversations are built:
// it answers every message with one fixed text in the chat's language
// (Telegram's language for the user when Jol has it, else the
// installation's), and stops a pressed button's spinner.
type placeholder struct {
	cat    *i18n.Catalog
	locale func(context.Context) string // the installation's default
}

func (p *placeholder) Handle(ctx context.Context, _ *store.Tx, u bot.Update) ([]bot.Message, error) {
	l, ok := i18n.Parse(u.Language)
	if !ok {
		l, _ = i18n.Parse(p.locale(ctx))
	}
	text := p.cat.Localizer(l).T("bot.placeholder")
	switch u.Kind {
	case bot.KindMember:
		return nil, nil
	case bot.KindCallback:
		return []bot.Message{{ChatID: u.ChatID, AnswerCallback: u.Callback.ID}, {ChatID: u.ChatID, Text: text}}, nil
	}
	return []bot.Message{{ChatID: u.ChatID, Text: text}}, nil
}
