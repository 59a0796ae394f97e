// Command dedupescan measures the registry's duplicate scan: it loads a
// population list and part of a school list made by bench/linkgen into
// a new SQLite registry, so that some children are registered twice
// (in another script, with typos, swapped day and month, missing IDs),
// then runs the scan alone and scores the queue against the truth.
//
//	go run ./bench/linkgen gen -n 1000000 -m 20000 -out DIR
//	go run ./bench/dedupescan load -db DIR/registry.db -dir DIR
//	go run ./bench/dedupescan scan -db DIR/registry.db -dir DIR
//
// load writes every row of left.csv and right.csv as a person (the
// list's id kept in the notes, for scoring); scan prints the time of the
// scan, the pairs queued, and their precision and recall against
// truth.csv (a pair is right when it joins a school-list row to its
// population-list row).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/jolproject/jol/internal/store"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	dbPath := fs.String("db", "registry.db", "the SQLite database")
	dir := fs.String("dir", ".", "the directory of left.csv, right.csv and truth.csv")
	_ = fs.Parse(os.Args[2:])
	ctx := context.Background()
	var err error
	switch os.Args[1] {
	case "load":
		err = load(ctx, *dbPath, filepath.Join(*dir, "left.csv"), filepath.Join(*dir, "right.csv"))
	case "scan":
		err = scan(ctx, *dbPath, filepath.Join(*dir, "truth.csv"))
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "dedupescan:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: dedupescan load|scan -db FILE -dir DIR")
	os.Exit(2)
}

// open opens the database and applies the migrations.
func open(ctx context.Context, path string) (*store.DB, error) {
	db, err := store.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	if _, err := db.Migrate(ctx); err != nil {
		return nil, err
	}
	return db, nil
}

func since(t time.Time) string { return time.Since(t).Round(10 * time.Millisecond).String() }
