package store

import (
	"context"
	"fmt"
	"sync"
)

// wideCache counts the bulk writes that want SQLite's writer to keep a
// large page cache, and remembers the size it had before the first.
type wideCache struct {
	mu    sync.Mutex
	users int
	was   int64
}

// WidenCache raises the page cache of SQLite's writer connection to mib
// MiB until every caller has called the restore it returns, for bulk
// writes: an import of a million rows inserts into indexes of hundreds of
// megabytes at random places, and with the default cache every insert
// reads and writes pages through the operating system. (The writer never
// checkpoints the WAL after its commits, bulk write or not: see
// checkpoint.go.) It does nothing on PostgreSQL, whose cache is the
// server's.
func (db *DB) WidenCache(ctx context.Context, mib int) (restore func() error, err error) {
	if db.Engine != SQLite {
		return func() error { return nil }, nil
	}
	w := &db.wide
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.users == 0 {
		if err := db.W.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&w.was); err != nil {
			return nil, err
		}
		if _, err := db.W.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", -mib*1024)); err != nil {
			return nil, err
		}
	}
	w.users++
	var once sync.Once
	return func() error {
		var err error
		once.Do(func() {
			w.mu.Lock()
			defer w.mu.Unlock()
			if w.users--; w.users == 0 {
				_, err = db.W.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA cache_size = %d", w.was))
			}
		})
		return err
	}, nil
}

// WriterWaits counts the requests that have had to wait for the writer
// connection since the database was opened: one more than a moment ago
// means a request is waiting now, or was meanwhile. A bulk write that
// holds the writer for a long time compares it to know when to let
// others in (on PostgreSQL, whose writers do not take turns, it stays
// about still).
func (db *DB) WriterWaits() int64 { return db.W.Stats().WaitCount }
