package demo_test

import (
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/demo"
	svcs "github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
)

// seed is the SQLite file the whole demo, registry included, is seeded
// into once per test binary: seeding takes most of this package's time
// (far more under the race detector), and most tests read what it wrote.
var seed struct {
	sync.Once
	dir, path string
	err       error
}

// seeded returns a copy of the seeded demo database, and the services
// over it, for a test of its own to read and change.
func seeded(t *testing.T) (*store.DB, *svcs.Services) {
	t.Helper()
	seed.Do(func() { seed.err = seedOnce() })
	if seed.err != nil {
		t.Fatalf("seed the demo: %v", seed.err)
	}
	path := filepath.Join(t.TempDir(), "jol.db")
	if err := copyFile(seed.path, path); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return db, services(t, db)
}

func seedOnce() error {
	dir, err := os.MkdirTemp("", "jol-demo-seed-")
	if err != nil {
		return err
	}
	seed.dir, seed.path = dir, filepath.Join(dir, "seed.db")
	db, err := store.Open(ctx, seed.path)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		return err
	}
	svc, err := svcs.New(ctx, db, svcs.Options{Now: now, Hasher: accounts.NewHasher(accounts.Params{Memory: 64, Time: 1, Threads: 1}, 2)})
	if err != nil {
		return err
	}
	if _, err := demo.Seed(ctx, svc, demo.Options{Now: now}); err != nil {
		return err
	}
	return db.Close() // checkpoints the journal into the file copied
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
