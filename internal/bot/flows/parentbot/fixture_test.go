package parentbot_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/bot/flows/parentbot"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// fixture is a world with the Foundation's campaign "road" open in Almaty
// (KZ-75), offering a kit, a uniform and shoes, named in four languages,
// and the bot running with the parents' flows.
type fixture struct {
	w *testworld.World
	r *bottest.Rig
	c requeststest.Campaign
}

func setup(t *testing.T, w *testworld.World) *fixture {
	t.Helper()
	f := &fixture{w: w}
	f.c = requeststest.Open(t, w.DB, w.Clock.Now(), "road", w.Foundation.ID, w.Foundation.Path, "KZ-75")
	f.exec(t, `INSERT INTO campaign_texts (campaign_id, locale, name) VALUES ($1, 'kk', 'Мектепке жол'),
		($1, 'ru', 'Дорога в школу'), ($1, 'fa', 'راه مدرسه'), ($1, 'en', 'Road to School')`, f.c.ID)
	fs, err := parentbot.Flows(w.Services)
	if err != nil {
		t.Fatal(err)
	}
	f.r = bottest.Start(t, w, fs...)
	return f
}

func (f *fixture) exec(t *testing.T, q string, args ...any) {
	t.Helper()
	if _, err := f.w.DB.W.ExecContext(context.Background(), store.Rebind(f.w.DB.Engine, q), args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func (f *fixture) count(t *testing.T, table string) int {
	t.Helper()
	var n int
	if err := f.w.DB.R.QueryRowContext(context.Background(), "SELECT count(*) FROM "+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// references are the reference numbers of the requests chat follows,
// oldest first.
func (f *fixture) references(t *testing.T, chat int64) []string {
	t.Helper()
	rows, err := f.w.DB.R.QueryContext(context.Background(), store.Rebind(f.w.DB.Engine, `SELECT r.reference
		FROM requests r JOIN request_chats c ON c.request_id = r.id WHERE c.chat_id = $1 ORDER BY r.id`), chat)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// iin is the IIN of a girl born on birth, serial n.
func iin(t *testing.T, birth time.Time, n int) string {
	t.Helper()
	s, err := natid.MakeIIN(birth, natid.Female, n)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// registryTables are the tables an application writes to.
var registryTables = []string{"persons", "households", "household_members", "guardianships", "consents",
	"requests", "request_lines", "request_events", "outbox", "request_chats"}

// masked is the transcript with each secret written as its name.
func masked(c *bottest.Chat, pairs ...string) string {
	s := c.Transcript()
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, pairs[i], pairs[i+1])
	}
	return s
}
