package demo_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/orgs"
	svcs "github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestMain(m *testing.M) {
	code := storetest.Main(m)
	if seed.dir != "" {
		os.RemoveAll(seed.dir)
	}
	os.Exit(code)
}

var (
	ctx = context.Background()
	now = func() time.Time { return time.Date(2026, 8, 1, 9, 0, 0, 0, time.UTC) }
)

// services builds the services the demo is written through on db.
func services(t *testing.T, db *store.DB) *svcs.Services {
	t.Helper()
	s, err := svcs.New(ctx, db, svcs.Options{Now: now, Hasher: accounts.NewHasher(accounts.Params{Memory: 64, Time: 1, Threads: 1}, 2)})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSeedGivesEveryRoleALoginAndIsIdempotent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		svc := services(t, db)
		first, err := demo.Seed(ctx, svc, demo.Options{Now: now, NoRegistry: true})
		if err != nil {
			t.Fatal(err)
		}
		second, err := demo.Seed(ctx, svc, demo.Options{Now: now, NoRegistry: true})
		if err != nil {
			t.Fatalf("second seed: %v", err)
		}
		if len(first) != len(second) {
			t.Fatalf("logins: %d then %d", len(first), len(second))
		}
		roles := map[access.Role]bool{}
		for _, l := range first {
			if _, err := svc.Accounts.Authenticate(ctx, l.Email, demo.Password, "127.0.0.1"); err != nil {
				t.Errorf("demo login %s: %v", l.Email, err)
			}
			roles[l.Role] = true
		}
		for _, r := range access.Roles() {
			if !roles[r] {
				t.Errorf("no demo login for role %s", r)
			}
		}
		if n, _ := svc.Accounts.Count(ctx); n != len(first) {
			t.Fatalf("%d users after two seeds, want %d", n, len(first))
		}
		list, _, err := svc.Orgs.List(ctx, access.System, orgs.Filter{}, store.Page{Limit: store.MaxLimit})
		if err != nil || len(list) < 30 {
			t.Fatalf("organisations: %d, %v", len(list), err)
		}
		seen := map[string]bool{}
		for _, org := range list {
			if seen[org.Name] {
				t.Errorf("organisation %q seeded twice", org.Name)
			}
			seen[org.Name] = true
		}
	})
}
