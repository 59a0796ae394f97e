package youthbot_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/bot/flows/youthbot"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// BenchmarkNews20000Chats is a pass of the young people's news over
// 20,000 chats of which 10 have news: a pending proposal each, told
// afresh every iteration (what was told is forgotten between
// iterations, untimed). "first" is the pass a starting process makes;
// "later" the pass every minute after it; "idle" a later pass when
// nothing changed since the one before, all told.
func BenchmarkNews20000Chats(b *testing.B) {
	w := testworld.SQLite(b)
	p := newProgramme(b, w)
	e := engine(b, w)
	benchChats(b, w, p, 20000, 10)
	untell := func() {
		b.StopTimer()
		for _, q := range []string{"DELETE FROM youth_chat_news", "DELETE FROM bot_outbox"} {
			_, err := w.DB.W.ExecContext(context.Background(), q)
			must(b, err)
		}
		b.StartTimer()
	}
	pass := func(n *youthbot.Notifier) {
		if got, err := n.Once(context.Background()); err != nil || got != 10 {
			b.Fatalf("a pass told %d pieces of news (%v), want 10", got, err)
		}
	}
	b.Run("first", func(b *testing.B) {
		for b.Loop() {
			untell()
			n, err := youthbot.NewNotifier(w.Services, w.DB, e, w.Clock.Now)
			must(b, err)
			pass(n)
		}
	})
	b.Run("later", func(b *testing.B) {
		n, err := youthbot.NewNotifier(w.Services, w.DB, e, w.Clock.Now)
		must(b, err)
		untell()
		pass(n)
		for b.Loop() {
			untell()
			pass(n)
		}
	})
	b.Run("idle", func(b *testing.B) {
		n, err := youthbot.NewNotifier(w.Services, w.DB, e, w.Clock.Now)
		must(b, err)
		untell()
		pass(n)
		for b.Loop() {
			w.Clock.Advance(10 * time.Minute) // the news is well before the pass before
			if got, err := n.Once(context.Background()); err != nil || got != 0 {
				b.Fatalf("an idle pass told %d (%v)", got, err)
			}
		}
	})
}

// benchChats writes chats young people registered from straight into
// the tables, and a pending proposal of one of the programme's mentors
// for news of them each.
func benchChats(b *testing.B, w *testworld.World, p *programme, chats, news int) {
	ctx, now := context.Background(), w.Clock.Now()
	must(b, w.DB.Tx(ctx, func(tx *sql.Tx) error {
		var region int64
		var regionPath string
		if err := tx.QueryRowContext(ctx, "SELECT id, path FROM regions WHERE code = 'KZ-75'").Scan(&region, &regionPath); err != nil {
			return err
		}
		young, err := tx.PrepareContext(ctx, store.Rebind(w.DB.Engine, `INSERT INTO youth (identity, last_name, first_name,
			birth_date, age_group, region_id, region_path, settlement, status, field, language, channel, org_id, org_path,
			registered_on, created_at, updated_at)
			VALUES ($1, 'Bench', $2, $3, '18-24', $4, $5, 'urban', 'neet', 'it', 'ru', 'telegram', $6, $7, $8, $9, $9)
			RETURNING id`))
		if err != nil {
			return err
		}
		chat, err := tx.PrepareContext(ctx, store.Rebind(w.DB.Engine,
			"INSERT INTO youth_chats (youth_id, chat_id, created_at) VALUES ($1, $2, $3)"))
		if err != nil {
			return err
		}
		var run int64
		if err := tx.QueryRowContext(ctx, store.Rebind(w.DB.Engine, `INSERT INTO match_runs (org_id, org_path, region_path,
			kind, params, run_by_name, youth_count, mentors, matched, unmatched, preference, fit, deadline_days, created_at)
			VALUES ($1, $2, '', 'run', '{}', 'Bench', $3, 4, $3, 0, 0, 0, 7, $4) RETURNING id`),
			w.Foundation.ID, w.Foundation.Path, news, now).Scan(&run); err != nil {
			return err
		}
		for i := range chats {
			var id int64
			if err := young.QueryRowContext(ctx, fmt.Sprintf("bench-%d", i), fmt.Sprintf("Y%05d", i),
				time.Date(2003, 1, 1, 0, 0, 0, 0, time.UTC), region, regionPath, w.Foundation.ID, w.Foundation.Path,
				time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC), now).Scan(&id); err != nil {
				return err
			}
			if _, err := chat.ExecContext(ctx, id, 1_000_000+i, now.Add(-time.Hour)); err != nil {
				return err
			}
			if i%(chats/news) != 0 {
				continue
			}
			if _, err := tx.ExecContext(ctx, store.Rebind(w.DB.Engine, `INSERT INTO match_proposals (run_id, youth_id,
				mentor_id, org_path, region_path, minor, choice, fit, reasons, status, deadline, created_at, updated_at)
				VALUES ($1, $2, $3, $4, $5, false, 0, 50, '[]', 'pending', $6, $7, $7)`),
				run, id, p.mentors[i%len(p.mentors)].ID, w.Foundation.Path, regionPath, now.Add(7*24*time.Hour), now); err != nil {
				return err
			}
		}
		return nil
	}))
}
