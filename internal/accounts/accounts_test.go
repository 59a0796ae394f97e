package accounts_test

import (
	"context"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// clock is a test clock that only moves when told to.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// fastParams keep tests quick; production cost is tested in password_test.go.
var fastParams = accounts.Params{Memory: 64, Time: 1, Threads: 1}

type fixture struct {
	db    *store.DB
	svc   *accounts.Service
	log   *audit.Log
	clock *clock
}

// setup makes a service over db with two organisations (/1/ and /2/, the
// second inside region KZ-75) and the regions KZ and KZ-75.
func setup(t *testing.T, db *store.DB) fixture {
	t.Helper()
	ctx := context.Background()
	c := &clock{t: time.Date(2026, 7, 1, 10, 0, 0, 0, time.UTC)}
	log, err := audit.New(db, c.now)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := accounts.New(db, log, accounts.NewHasher(fastParams, 2), c.now)
	if err != nil {
		t.Fatal(err)
	}
	exec := func(q string, args ...any) {
		if _, err := db.W.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`INSERT INTO regions (code, country, type, path, name_en) VALUES ('KZ', 'KZ', 'country', '/KZ/', 'Kazakhstan')`)
	exec(`INSERT INTO regions (code, parent_id, country, type, path, name_en)
		SELECT 'KZ-75', id, 'KZ', 'city', '/KZ/KZ-75/', 'Almaty' FROM regions WHERE code = 'KZ'`)
	for _, name := range []string{"Foundation", "Other"} {
		var id int64
		if err := db.W.QueryRowContext(ctx, `INSERT INTO organisations (name, type, created_at, updated_at)
			VALUES ($1, 'foundation', $2, $2) RETURNING id`, name, c.now()).Scan(&id); err != nil {
			t.Fatal(err)
		}
		exec(`UPDATE organisations SET path = $1 WHERE id = $2`, "/"+string(rune('0'+id))+"/", id)
	}
	return fixture{db: db, svc: svc, log: log, clock: c}
}

func (f fixture) mustCreate(t *testing.T, in accounts.NewUser) accounts.User {
	t.Helper()
	u, err := f.svc.Create(context.Background(), access.System, in)
	if err != nil {
		t.Fatalf("create %s: %v", in.Email, err)
	}
	return u
}
