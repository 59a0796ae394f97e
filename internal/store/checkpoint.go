package store

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// Checkpoints. In WAL mode SQLite appends each commit to the WAL and
// copies the WAL back into the database file in a checkpoint, which writes
// the pages and waits for the disk twice (once for the WAL, once for the
// database). By default the connection that commits runs one whenever the
// WAL has passed 1,000 pages, right after its commit: every request queued
// behind the one writer waited for that disk. Jol's writer never
// checkpoints (wal_autocheckpoint=0); the store does, beside it:
//
//   - every checkpointEvery, passively, on a connection of its own: it
//     copies what no reader still needs and never waits for the writer,
//     which goes on committing meanwhile;
//   - when the last one found the WAL over walLimit frames (a writer that
//     never pauses stays ahead of passive checkpoints, and the WAL would
//     grow without end), on the writer connection instead, which then
//     has little left to copy: with no commit in between the copy is
//     complete and the next commit starts the WAL from its beginning
//     again. The writer waits for that one short checkpoint.
//
// The writer's journal_size_limit truncates the WAL file to walLimit's
// size when it starts again. What a commit guarantees does not change:
// synchronous=NORMAL, and the WAL is synced before any page of it is
// copied into the database.

// checkpointEvery is how often the WAL is checkpointed passively.
const checkpointEvery = 100 * time.Millisecond

// defaultWALLimit is the WAL, in frames (pages), that the writer
// connection checkpoints; 16,384 frames of 4 KiB are 64 MiB.
const defaultWALLimit = 16384

// checkpointer runs the checkpoints of a SQLite database.
type checkpointer struct {
	conn  *sql.DB // one read-only connection, for passive checkpoints
	limit int64   // frames
	over  bool    // the WAL was over the limit at the last checkpoint
	stop  func()
}

// startCheckpoints starts checkpointing db's WAL until db is closed.
func (db *DB) startCheckpoints(conn *sql.DB) {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	db.ckpt = &checkpointer{conn: conn, limit: defaultWALLimit, stop: func() {
		cancel()
		wg.Wait()
	}}
	wg.Go(func() {
		t := time.NewTicker(checkpointEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				// A failed checkpoint is tried again at the next tick.
				_, _, _ = db.checkpoint(ctx)
			}
		}
	})
}

// checkpoint checkpoints the WAL once, passively: on the writer
// connection when the last checkpoint found the WAL over the limit, on
// its own connection otherwise. It returns the frames in the WAL and
// those of them now in the database.
func (db *DB) checkpoint(ctx context.Context) (log, done int64, err error) {
	c := db.ckpt
	q := Querier(c.conn)
	if c.over {
		q = db.W
	}
	if log, done, err = walCheckpoint(ctx, q); err == nil {
		c.over = log > c.limit
	}
	return log, done, err
}

// walCheckpoint runs a passive checkpoint on q and returns the frames in
// the WAL and those of them now in the database.
func walCheckpoint(ctx context.Context, q Querier) (log, done int64, err error) {
	var busy int64
	err = q.QueryRowContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &log, &done)
	return log, done, err
}
