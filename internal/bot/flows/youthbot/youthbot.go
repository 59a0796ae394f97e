// Package youthbot is the young person's side of the Telegram bot: they
// register for the mentoring programme one question at a time (the same
// rules and error messages as the public web form, through
// youth.Service.Register), rank up to three mentors of their shortlist
// or ask for an automatic match, and a minor gets the link their parent
// or guardian consents through. "My mentor" tells them where their match
// stands and, once the match is approved, how to reach their mentor.
//
// The chat they registered from is remembered for them (youth_chats), and
// only that chat hears of their mentoring: the Notifier tells it of the
// match, reminds them to meet their mentor and asks for their feedback
// after each session, each piece of news once.
package youthbot

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"

	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
)

//go:embed queries.sql
var queryFS embed.FS

type queries struct {
	YouthOf, ChatOf, Remember, Chats, Tell, Told string
	Changed, Quiet, Forget                       string
}

// The flows' names, stored with each conversation: never rename one.
const (
	registerFlow = "youth"
	mentorFlow   = "youth_mentor"
	feedbackFlow = "youth_feedback"
)

// flows holds what every step reads: the domain services and the
// queries of the chats, bound for both engines (a step learns which from
// its transaction).
type flows struct {
	s *services.Services
	q map[store.Engine]*queries
}

// Flows returns the young person's flows: registration (from the main
// menu and from the deep links of a region or an organisation), "My
// mentor" (where the match stands, the mentor's contact once approved,
// the ranking changed) and the feedback on a session. It also makes a
// chat that blocks the bot forget the young person it followed
// (bot.Service.OnStop), as a family's chat forgets its requests: no news
// goes to it until the young person registers from it again, which the
// registration knows for the same person and links the chat once more.
// Call it before the bot runs; calling it again adds a hook that does
// the same, harmlessly.
func Flows(s *services.Services) ([]*conv.Flow, error) {
	b, err := newFlows(s)
	if err != nil {
		return nil, err
	}
	s.Bot.OnStop(b.forget)
	return []*conv.Flow{b.register(), b.mentor(), b.feedback()}, nil
}

func newFlows(s *services.Services) (*flows, error) {
	b := &flows{s: s, q: map[store.Engine]*queries{}}
	for _, e := range []store.Engine{store.SQLite, store.Postgres} {
		q := new(queries)
		if err := store.BindQueries(q, queryFS, e); err != nil {
			return nil, fmt.Errorf("youthbot: %w", err)
		}
		b.q[e] = q
	}
	return b, nil
}

// forget is the hook of a chat that blocked the bot: it follows no
// young person from now on.
func (b *flows) forget(ctx context.Context, tx *store.Tx, chat int64) error {
	if _, err := tx.ExecContext(ctx, b.q[tx.Engine].Forget, chat); err != nil {
		return fmt.Errorf("youthbot: forget a stopped chat: %w", err)
	}
	return nil
}

// youthOf is the young person chat registered, read in q; false when
// it registered none.
func (b *flows) youthOf(ctx context.Context, tx *store.Tx, chat int64) (int64, bool, error) {
	var id int64
	err := tx.QueryRowContext(ctx, b.q[tx.Engine].YouthOf, chat).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}

// me is the young person c's chat registered.
func (b *flows) me(c *conv.Chat) (int64, bool, error) { return b.youthOf(c.Ctx, c.Tx, c.ID) }
