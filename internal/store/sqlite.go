package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"runtime"

	_ "github.com/ncruces/go-sqlite3/driver" // registers the "sqlite3" driver
)

// sqlitePragmas are applied to every connection. busy_timeout comes before
// journal_mode so that switching to WAL waits for other processes instead
// of failing at once.
var sqlitePragmas = []string{
	"busy_timeout(10000)",
	"journal_mode(wal)",
	"foreign_keys(1)",
	"synchronous(normal)",
	"cache_size(" + ReaderCacheSize + ")",
	"temp_store(memory)",
}

// ReaderCacheSize is the page cache_size every connection opens with
// (negative: in KiB), for a caller that changed one's to put it back.
const ReaderCacheSize = "-32000"

func sqliteURL(path string, readOnly bool) string {
	q := url.Values{}
	for _, p := range sqlitePragmas {
		q.Add("_pragma", p)
	}
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		// Take the write lock at BEGIN so a transaction never fails half-way
		// when another process writes. The writer leaves checkpoints to
		// the store's checkpointer (checkpoint.go).
		q.Set("_txlock", "immediate")
		q.Add("_pragma", "wal_autocheckpoint(0)")
		q.Add("_pragma", fmt.Sprintf("journal_size_limit(%d)", defaultWALLimit*4096))
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

func openSQLite(ctx context.Context, path string) (*DB, error) {
	w, err := sql.Open("sqlite3", sqliteURL(path, false))
	if err != nil {
		return nil, err
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, err
	}
	// A database that is not SQLite fails here with "file is not a database".
	var mode string
	if err := w.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		w.Close()
		return nil, err
	}
	if mode != "wal" {
		w.Close()
		return nil, fmt.Errorf("journal mode is %q, want wal", mode)
	}
	r, err := sql.Open("sqlite3", sqliteURL(path, true))
	if err != nil {
		w.Close()
		return nil, err
	}
	n := max(4, runtime.NumCPU()*2)
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	ck, err := sql.Open("sqlite3", sqliteURL(path, true))
	if err != nil {
		w.Close()
		r.Close()
		return nil, err
	}
	ck.SetMaxOpenConns(1)
	ck.SetMaxIdleConns(1)
	ck.SetConnMaxIdleTime(0)
	db := &DB{Engine: SQLite, W: w, R: r}
	db.startCheckpoints(ck)
	return db, nil
}
