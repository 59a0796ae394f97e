package staffbot

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
)

//go:embed queries.sql
var queryFS embed.FS

type queries struct {
	NewMatches, NewTasks, NewDeliveries, PutNotice string
}

// Notifier tells staff whose chat is linked, once each, of what newly
// waits for them: a mentor of a young person proposed to them (the
// proposal itself, with its accept and decline buttons, when the chat
// stands at the menu; a plain notice otherwise), a volunteer of a task
// given to them, an institution's staff of a delivery dispatched to it.
// A notice is recorded in the transaction that queues it, so none is
// sent twice however often Once runs; a login linked later is told of
// what still waits for it. Each goes in the chat's language, else the
// account's, else the installation's, and only to an account that may
// see and do what it is told of, as the flows check it.
type Notifier struct {
	s   *services.Services
	db  *store.DB
	e   *conv.Engine
	b   *staff
	now func() time.Time
	q   queries
}

// NewNotifier returns the notifier over the services on db; e is the
// engine with the staff's flows (Flows), now the clock.
func NewNotifier(s *services.Services, db *store.DB, e *conv.Engine, now func() time.Time) (*Notifier, error) {
	n := &Notifier{s: s, db: db, e: e, b: &staff{s: s}, now: now}
	if err := store.BindQueries(&n.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("staffbot: %w", err)
	}
	return n, nil
}

// notice is one notice to send: of kind about record, to user's chat.
type notice struct {
	kind         string
	record, chat int64
	user         int64
}

// Once sends every notice due and returns how many were sent.
func (n *Notifier) Once(ctx context.Context) (int, error) {
	sent := 0
	for kind, query := range map[string]string{"match": n.q.NewMatches, "task": n.q.NewTasks, "delivery": n.q.NewDeliveries} {
		due, err := store.Select(ctx, n.db.R, func(sc store.Scanner) (notice, error) {
			x := notice{kind: kind}
			return x, sc.Scan(&x.record, &x.chat, &x.user)
		}, query)
		if err != nil {
			return sent, fmt.Errorf("staffbot: notices of %s: %w", kind, err)
		}
		for _, x := range due {
			ok, err := n.send(ctx, x)
			if err != nil {
				return sent, fmt.Errorf("staffbot: notice of %s %d: %w", kind, x.record, err)
			}
			if ok {
				sent++
			}
		}
	}
	return sent, nil
}

// send records x and queues its message in one transaction; false when
// it was sent already, or its user may not be told.
func (n *Notifier) send(ctx context.Context, x notice) (bool, error) {
	sent := false
	err := n.db.Atomic(ctx, func(tx *store.Tx) error {
		res, err := tx.ExecContext(ctx, n.q.PutNotice, x.kind, x.record, x.user, n.now().UTC())
		if err != nil {
			return err
		}
		if k, err := res.RowsAffected(); err != nil || k == 0 {
			return err // another run told them
		}
		u, err := n.s.Accounts.LookupIn(ctx, tx, x.user)
		if err != nil {
			return err
		}
		ms, err := n.message(store.Within(ctx, tx), tx, x, u.Principal(), u.Locale)
		if err != nil || len(ms) == 0 {
			return err // nothing they may be told: recorded, so not asked again
		}
		sent = true
		return n.s.Bot.Queue(ctx, tx, ms...)
	})
	return sent, err
}

// message is what x says to p's chat: none when p may not be told.
func (n *Notifier) message(ctx context.Context, tx *store.Tx, x notice, p access.Principal, account string) ([]bot.Message, error) {
	l, err := n.locale(ctx, tx, x.chat, account)
	if err != nil {
		return nil, err
	}
	switch x.kind {
	case "match":
		if !mentor(p) {
			return nil, nil
		}
		ms, err := n.e.Begin(ctx, tx, x.chat, matchNoticeFlow, map[string]string{"proposal": fmt.Sprint(x.record)})
		if errors.Is(err, conv.ErrBusy) {
			return []bot.Message{{ChatID: x.chat, Text: l.T("bot.staff.notice.match")}}, nil
		}
		return ms, err
	case "task":
		if !volunteer(p) {
			return nil, nil
		}
		t, err := n.s.Aftercare.Task(ctx, p, x.record)
		if err != nil {
			return nil, unlessRefusal(err) // no longer theirs to see
		}
		what := l.T("bot.staff.tasks.item", "Kind", l.T("aftercare.kind."+string(t.Kind)), "Reference", t.Reference,
			"Date", i18n.Day(t.DueOn))
		return []bot.Message{{ChatID: x.chat, Text: l.T("bot.staff.notice.task", "Task", what)}}, nil
	}
	if !centre(p) {
		return nil, nil
	}
	d, err := n.s.Deliveries.Get(ctx, p, x.record)
	if err != nil || d.OrgID != p.OrgID {
		return nil, unlessRefusal(err)
	}
	return []bot.Message{{ChatID: x.chat, Text: l.T("bot.staff.notice.delivery", "Org", d.OrgName, "Warehouse",
		d.WarehouseName, "Units", l.Number(d.Dispatched))}}, nil
}

// locale is the chat's language, else the account's, else the
// installation's.
func (n *Notifier) locale(ctx context.Context, q store.Querier, chat int64, account string) (*i18n.Localizer, error) {
	chosen, err := n.s.Conversations.ChatLocale(ctx, q, chat)
	if err != nil {
		return nil, err
	}
	l, ok := i18n.Parse(chosen)
	if !ok {
		l, ok = i18n.Parse(account)
	}
	if !ok {
		set, err := n.s.Settings.GetIn(ctx, q)
		if err != nil {
			return nil, err
		}
		l, _ = i18n.Parse(set.DefaultLocale)
	}
	return n.s.Catalog.Localizer(l), nil
}

// unlessRefusal is err, or nil when it is a domain's refusal (not found,
// forbidden): a record its user may not see is no failure of the
// notifier.
func unlessRefusal(err error) error {
	if e := errs.As(err); e != nil && e.Code != errs.Internal {
		return nil
	}
	return err
}
