package youthbot

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"sync"
	"time"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
)

// Notifier tells the chats young people registered from what is new in
// their mentoring: the match, reminders to meet, the question after a
// session. Each piece of news is queued on the bot's outbox in the
// transaction that records it told (youth_chat_news), so it goes once
// however often Once runs, and only to the chat the young person
// registered from: a young person with no chat is told nothing here.
type Notifier struct {
	Services *services.Services
	DB       *store.DB
	Engine   *conv.Engine // begins the feedback question; its flows include Flows'
	Now      func() time.Time
	f        *flows
	mu       sync.Mutex // one pass at a time
	last     time.Time  // when the last pass that finished began; zero before the first
}

// NewNotifier returns the notifier over s's database db; e is the
// engine whose flows include this package's, now the clock.
func NewNotifier(s *services.Services, db *store.DB, e *conv.Engine, now func() time.Time) (*Notifier, error) {
	f, err := newFlows(s)
	if err != nil {
		return nil, err
	}
	return &Notifier{Services: s, DB: db, Engine: e, Now: now, f: f}, nil
}

// Once tells the registered chats what they have not been told yet and
// returns how many pieces of news it queued. The first pass reads every
// chat; each later one only the young people with something new since
// the pass before (changed), so a pass costs what there is to tell, not
// how many chats there are.
func (n *Notifier) Once(ctx context.Context) (int, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	start := n.Now().UTC()
	var ids []int64
	var err error
	if n.last.IsZero() {
		ids, err = n.all(ctx)
	} else {
		ids, err = n.changed(ctx, n.last, start)
	}
	if err != nil {
		return 0, err
	}
	sent := 0
	for _, id := range ids {
		k, err := n.tell(ctx, id)
		sent += k
		if err != nil {
			return sent, err
		}
	}
	n.last = start
	return sent, nil
}

// tell queues young person id's untold news, one transaction each.
func (n *Notifier) tell(ctx context.Context, id int64) (int, error) {
	all, err := n.newsOf(ctx, id)
	if err != nil {
		return 0, err
	}
	sent := 0
	for _, nw := range all {
		// Most news was told on an earlier pass: a read says so without
		// taking the write lock; the transaction checks again.
		if done, err := n.told(ctx, n.DB.R, n.DB.Engine, id, nw); err != nil {
			return sent, err
		} else if done {
			continue
		}
		err := n.DB.Atomic(ctx, func(tx *store.Tx) error {
			q := n.f.q[tx.Engine]
			var chat int64
			if err := tx.QueryRowContext(ctx, q.ChatOf, id).Scan(&chat); err != nil {
				return err
			}
			if done, err := n.told(ctx, tx, tx.Engine, id, nw); err != nil || done {
				return err
			}
			if _, err := tx.ExecContext(ctx, q.Tell, id, nw.kind, nw.ref, n.Now().UTC()); err != nil {
				return err
			}
			msgs, err := n.render(ctx, tx, chat, nw)
			if err != nil {
				return err
			}
			sent++
			return n.Services.Bot.Queue(ctx, tx, msgs...)
		})
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return sent, err
		}
	}
	return sent, nil
}

// render is nw as the messages for chat: the feedback question begun in
// the chat, or, when the chat is in the middle of something else, a
// word that "My mentor" asks it; any other news in the chat's language.
func (n *Notifier) render(ctx context.Context, tx *store.Tx, chat int64, nw news) ([]bot.Message, error) {
	if nw.session != 0 {
		msgs, err := n.Engine.Begin(ctx, tx, chat, feedbackFlow, map[string]string{"session": strconv.FormatInt(nw.session, 10)})
		if !errors.Is(err, conv.ErrBusy) {
			return msgs, err
		}
		nw.key = "youthbot.news.rate_later"
	}
	l, err := n.locale(ctx, tx, chat)
	if err != nil {
		return nil, err
	}
	return []bot.Message{{ChatID: chat, Text: n.Services.Catalog.Localizer(l).T(nw.key, nw.args...)}}, nil
}
