// Package bottest runs Jol's bot in tests as jol serve runs it, against
// the fake Bot API: the poller stores the updates the fake serves, the
// dispatcher runs them through a conversation engine with the flows
// under test, and the sender sends the replies back to the fake. A Chat
// plays one user: each thing it does is an update pushed to the fake,
// and its transcript records the exact requests the bot made in answer.
// A DirectChat skips the fake and the background workers: it runs each
// update through an engine itself, for the tests of the engine and of
// what a flow refuses.
package bottest

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/telegram"
	"github.com/jolproject/jol/internal/telegram/fakeapi"
	"github.com/jolproject/jol/internal/testworld"
)

// Limits are the sender's limits in tests: no wait between a chat's
// messages, so a transcript does not take seconds.
var Limits = bot.Limits{PerChat: time.Millisecond, PerSec: 2000, Workers: 4}

// Rig is a running bot over a world's services.
type Rig struct {
	W      *testworld.World
	Bot    *bot.Service // on the real clock: the world's stands still, and the sender waits for it
	Fake   *fakeapi.Server
	Engine *conv.Engine // the engine of the current run; a Restart builds another
	flows  []*conv.Flow
	client *telegram.Client
	stop   func()
}

// Start runs the bot over w with flows until the test ends.
func Start(t *testing.T, w *testworld.World, flows ...*conv.Flow) *Rig {
	t.Helper()
	fake := fakeapi.New(t)
	c, err := telegram.NewClient(fake.Token, fake.URL)
	if err != nil {
		t.Fatal(err)
	}
	b, err := bot.New(w.DB, bot.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := &Rig{W: w, Bot: b, Fake: fake, flows: flows, client: c}
	r.run(t, w.Services.Conversations)
	return r
}

// Restart stops the bot and starts it again with a conversation service
// and an engine built anew over the same database, as a restarted
// process does: nothing of the earlier run is kept in memory.
func (r *Rig) Restart(t *testing.T) {
	t.Helper()
	r.stop()
	svc := r.W.Services
	s, err := conv.New(r.W.DB, svc.Audit, conv.Deps{Links: svc.BotLinks, Settings: svc.Settings,
		Accounts: svc.Accounts, Catalog: svc.Catalog}, r.W.Clock.Now)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.UseStoredKey(t.Context()); err != nil {
		t.Fatal(err)
	}
	r.run(t, s)
}

func (r *Rig) run(t *testing.T, s *conv.Service) {
	t.Helper()
	e, err := s.Engine(r.flows...)
	if err != nil {
		t.Fatal(err)
	}
	r.Engine = e
	b := r.Bot
	p := telegram.NewPoller(r.Fake.Token, b)
	p.Server, p.Timeout = r.Fake.URL, time.Second
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { _ = p.Run(ctx) })
	wg.Go(func() { _ = b.Dispatcher(e).Run(ctx) })
	wg.Go(func() { _ = b.Sender(r.client, Limits).Run(ctx) })
	var once sync.Once
	r.stop = func() { once.Do(func() { cancel(); wg.Wait() }) }
	t.Cleanup(r.stop)
}

// settled reports whether update id has been processed and chat has no
// message waiting to be sent.
func (r *Rig) settled(t *testing.T, id, chat int64) bool {
	t.Helper()
	if r.Fake.Offset() <= id {
		return false
	}
	var done, waiting int
	err := r.W.DB.R.QueryRowContext(context.Background(), `SELECT
		(SELECT count(*) FROM bot_updates WHERE update_id = $1 AND state <> 'pending'),
		(SELECT count(*) FROM bot_outbox WHERE chat_id = $2 AND state = 'pending')`, id, chat).Scan(&done, &waiting)
	if err != nil {
		t.Fatal(err)
	}
	return done == 1 && waiting == 0
}
