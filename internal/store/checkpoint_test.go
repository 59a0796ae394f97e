package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func openTemp(t *testing.T) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "jol.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.ckpt.stop() // the tests checkpoint themselves
	return db, path
}

// walFrames is the frames the WAL file has room for.
func walFrames(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	return (fi.Size() - 32) / (4096 + 24)
}

// fill commits rows rows of about two kilobytes each, in one transaction.
func fill(t *testing.T, db *DB, rows int) {
	t.Helper()
	q := fmt.Sprintf("WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM s WHERE n < %d) "+
		"INSERT INTO t (v) SELECT hex(randomblob(1000)) FROM s", rows)
	if _, err := db.W.ExecContext(context.Background(), q); err != nil {
		t.Fatal(err)
	}
}

// The writer does not checkpoint after its commits; the checkpointer
// copies the WAL into the database, and the next commit starts the WAL
// again from its beginning.
func TestCheckpointsLeaveTheWriterAlone(t *testing.T) {
	db, path := openTemp(t)
	ctx := context.Background()
	if _, err := db.W.ExecContext(ctx, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"); err != nil {
		t.Fatal(err)
	}
	for range 10 {
		fill(t, db, 500) // about 250 pages a commit
	}
	if n := walFrames(t, path); n < 2000 {
		t.Fatalf("the WAL holds %d frames after 2,500 pages written: the writer checkpointed", n)
	}
	log, done, err := db.checkpoint(ctx)
	if err != nil || done != log {
		t.Fatalf("checkpoint: %d frames of %d copied, %v", done, log, err)
	}
	fill(t, db, 1)
	if log, done, err = walCheckpoint(ctx, db.ckpt.conn); err != nil || log > 10 || done != log {
		t.Fatalf("after one small commit the WAL holds %d frames (%d copied), %v: it did not start again", log, done, err)
	}
	var n int
	if err := db.R.QueryRowContext(ctx, "SELECT count(*) FROM t").Scan(&n); err != nil || n != 5001 {
		t.Fatalf("%d rows, %v", n, err)
	}
}
