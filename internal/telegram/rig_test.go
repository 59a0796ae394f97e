package telegram_test

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/telegram"
	"github.com/jolproject/jol/internal/telegram/fakeapi"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// echo answers a text with "echo: TEXT" and a command with its name and
// arguments, and records the order it saw each chat's updates in.
type echo struct {
	mu   sync.Mutex
	seen map[int64][]int64
}

func (e *echo) Handle(_ context.Context, _ *store.Tx, u bot.Update) ([]bot.Message, error) {
	e.mu.Lock()
	if e.seen == nil {
		e.seen = map[int64][]int64{}
	}
	e.seen[u.ChatID] = append(e.seen[u.ChatID], u.ID)
	e.mu.Unlock()
	switch u.Kind {
	case bot.KindText:
		return []bot.Message{{ChatID: u.ChatID, Text: "echo: " + u.Text}}, nil
	case bot.KindCommand:
		return []bot.Message{{ChatID: u.ChatID, Text: "command " + u.Command + " [" + u.Args + "]"}}, nil
	}
	return nil, nil
}

func (e *echo) order(chat int64) []int64 {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]int64(nil), e.seen[chat]...)
}

// rig is a bot on a database talking to a fake Bot API.
type rig struct {
	db     *store.DB
	svc    *bot.Service
	fake   *fakeapi.Server
	client *telegram.Client
	h      *echo
	nextID int64 // the last update_id given by storeAndProcess
}

// fast are limits that keep the tests quick; the limits' own tests use
// real ones.
var fast = bot.Limits{PerChat: time.Millisecond, PerSec: 2000, Workers: 4}

func newRig(t testing.TB, db *store.DB) *rig {
	t.Helper()
	svc, err := bot.New(db, bot.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fake := fakeapi.New(t)
	c, err := telegram.NewClient(fake.Token, fake.URL)
	if err != nil {
		t.Fatal(err)
	}
	return &rig{db: db, svc: svc, fake: fake, client: c, h: &echo{}}
}

// run starts the dispatcher and a sender with limits until the test ends
// or stop is called.
func (r *rig) run(t testing.TB, l bot.Limits) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	d := r.svc.Dispatcher(r.h)
	wg.Go(func() { _ = d.Run(ctx) })
	snd := r.svc.Sender(r.client, l)
	wg.Go(func() { _ = snd.Run(ctx) })
	var once sync.Once
	stop = func() { once.Do(func() { cancel(); wg.Wait() }) }
	t.Cleanup(stop)
	return stop
}

// poll starts a poller with a short long-poll timeout.
func (r *rig) poll(t testing.TB) (stop func()) {
	p := telegram.NewPoller(r.fake.Token, r.svc)
	p.Server, p.Timeout = r.fake.URL, time.Second
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = p.Run(ctx) }()
	var once sync.Once
	stop = func() { once.Do(func() { cancel(); <-done }) }
	t.Cleanup(stop)
	return stop
}

// sendsTo are the send lines to one chat, in order.
func sendsTo(f *fakeapi.Server, chat int64) []string {
	var out []string
	needle := fmt.Sprintf("chat_id=%d ", chat)
	for _, s := range f.Sends() {
		if strings.Contains(s, needle) {
			out = append(out, s)
		}
	}
	return out
}

// stored is the update IDs in the inbox and their states.
func stored(t *testing.T, db *store.DB) map[int64]string {
	t.Helper()
	rows, err := db.R.QueryContext(context.Background(), "SELECT update_id, state FROM bot_updates")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var s string
		if err := rows.Scan(&id, &s); err != nil {
			t.Fatal(err)
		}
		out[id] = s
	}
	return out
}

func sorted(ss []string) []string {
	ss = append([]string(nil), ss...)
	sort.Strings(ss)
	return ss
}

// waitDone waits until the updates are processed.
func waitDone(t *testing.T, r *rig, ids ...int64) {
	t.Helper()
	r.fake.Wait(t, 30*time.Second, func() bool {
		in := stored(t, r.db)
		for _, id := range ids {
			if in[id] != "done" {
				return false
			}
		}
		return true
	})
}
