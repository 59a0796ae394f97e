package store

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// wideCache counts the bulk writes that want SQLite's writer to keep a
// large page cache, and remembers the size it had before the first, and
// how the writer checkpointed then.
type wideCache struct {
	mu        sync.Mutex
	users     int
	was       int64
	autoCheck int64
	stop      func() // ends the checkpoints of the readers
}

// checkpointEvery is how often a reader checkpoints the WAL while a bulk
// write runs.
const checkpointEvery = 250 * time.Millisecond

// WidenCache raises the page cache of SQLite's writer connection to mib
// MiB until every caller has called the restore it returns, for bulk
// writes: an import of a million rows inserts into indexes of hundreds of
// megabytes at random places, and with the default cache every insert
// reads and writes pages through the operating system. Meanwhile the
// writer does not checkpoint the WAL after its commits: a reader
// connection does, a few times a second, beside it. A checkpoint of a
// large database copies thousands of pages and waits for the disk, and
// done by the writer connection after a commit it kept every request
// waiting for the writer that long. It does nothing on PostgreSQL, whose
// cache is the server's.
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
		if err := db.W.QueryRowContext(ctx, "PRAGMA wal_autocheckpoint").Scan(&w.autoCheck); err != nil {
			return nil, err
		}
		if _, err := db.W.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", -mib*1024)); err != nil {
			return nil, err
		}
		if _, err := db.W.ExecContext(ctx, "PRAGMA wal_autocheckpoint = 0"); err != nil {
			return nil, err
		}
		w.stop = db.checkpoints(context.WithoutCancel(ctx))
	}
	w.users++
	var once sync.Once
	return func() error {
		var err error
		once.Do(func() {
			w.mu.Lock()
			defer w.mu.Unlock()
			if w.users--; w.users == 0 {
				w.stop()
				bg := context.WithoutCancel(ctx)
				_, err = db.W.ExecContext(bg, fmt.Sprintf("PRAGMA cache_size = %d", w.was))
				if _, cerr := db.W.ExecContext(bg, fmt.Sprintf("PRAGMA wal_autocheckpoint = %d", w.autoCheck)); err == nil {
					err = cerr
				}
			}
		})
		return err
	}, nil
}

// checkpoints checkpoints the WAL from a reader connection every
// checkpointEvery, passively (it copies what no reader still needs and
// never waits for the writer), until the function it returns is called.
func (db *DB) checkpoints(ctx context.Context) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(checkpointEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				// A failed checkpoint is tried again at the next tick; the
				// writer's own checkpoints come back at the end either way.
				_, _ = db.R.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)")
			}
		}
	})
	return func() {
		cancel()
		wg.Wait()
	}
}

// WriterWaits counts the requests that have had to wait for the writer
// connection since the database was opened: one more than a moment ago
// means a request is waiting now, or was meanwhile. A bulk write that
// holds the writer for a long time compares it to know when to let
// others in (on PostgreSQL, whose writers do not take turns, it stays
// about still).
func (db *DB) WriterWaits() int64 { return db.W.Stats().WaitCount }
