// Command webload measures how the web pages answer while a large list is
// imported into the same installation, the way the import page does it:
// in the server's process, through the one writer of SQLite.
//
//	go run ./bench/peoplecsv -rows 200000 > people.csv
//	go run ./bench/webload -db load.db -list people.csv -clients 20
//
// It migrates the database, adds the demo logins (and, when the database
// has no organisation -org, the foundation and the 300 schools the
// generated lists name), optionally imports -preload first without load,
// then starts the web server on a local port and -clients clients that
// each log in as a demo login that may see the register and browse people
// pages (the list, a page of it further on, a person), pausing -think
// between requests as a person reading, until the import of
// -list ends. It prints the percentiles of logins and pages during the
// import (and during -idle before it, as the baseline), the import's rows
// per second and the longest the writer was waited for.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/tabular"
	"github.com/jolproject/jol/internal/web"
)

func main() {
	dsn := flag.String("db", "", "SQLite file or postgres:// URL (created and migrated when new)")
	list := flag.String("list", "", "the list to import while the clients browse")
	preload := flag.String("preload", "", "a list to import first, before the clients start (the registry already held); "+
		"into an empty registry it is loaded with the indexes dropped (people.ImportOptions.Load)")
	org := flag.Int64("org", 1, "the organisation importing")
	clients := flag.Int("clients", 20, "clients logging in and browsing")
	idle := flag.Duration("idle", 10*time.Second, "how long the clients browse before the import, as the baseline")
	think := flag.Duration("think", time.Second, "how long a client reads a page before the next request, on average")
	hold := flag.Duration("hold", 0, "how long the import holds the writer while a request waits (0: people.DefaultHold; 1h: a transaction per batch, as before slices)")
	maxHold := flag.Duration("maxhold", 0, "how long the import holds the writer when no request waits (0: people.DefaultMaxHold)")
	flag.Parse()
	if *dsn == "" || *list == "" {
		fmt.Fprintln(os.Stderr, "give -db and -list")
		os.Exit(2)
	}
	if err := measure(*dsn, *list, *preload, *org, *clients, *idle, *think, *hold, *maxHold); err != nil {
		fmt.Fprintln(os.Stderr, "webload:", err)
		os.Exit(1)
	}
}

func measure(dsn, list, preload string, org int64, clients int, idle, think, hold, maxHold time.Duration) error {
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc, err := services.New(ctx, db, services.Options{Logger: logger})
	if err != nil {
		return err
	}
	if err := schools(ctx, db, org); err != nil {
		return err
	}
	logins, err := demo.Seed(ctx, svc, demo.Options{NoRegistry: true})
	if err != nil {
		return err
	}
	if preload != "" {
		start := time.Now()
		res, err := importList(ctx, svc, preload, org, hold, maxHold, true)
		if err != nil {
			return fmt.Errorf("preload: %w", err)
		}
		fmt.Printf("preload %s: %s in %.1f s\n", preload, res.Line(), time.Since(start).Seconds())
	}
	w, err := web.New(svc, web.Options{Logger: logger})
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	w.Mount(mux)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()

	var maxID int64
	if err := db.R.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM persons").Scan(&maxID); err != nil {
		return err
	}
	users, err := browsers(base, logins)
	if err != nil {
		return err
	}
	fmt.Printf("%d clients as %d logins that see the register; %d persons registered\n", clients, len(users), maxID)
	if idle > 0 {
		l := load(base, users, clients, maxID, think)
		time.Sleep(idle)
		l.stop().print("idle (no import)")
	}
	l := load(base, users, clients, maxID, think)
	probe := probeWriter(db)
	start := time.Now()
	res, err := importList(ctx, svc, list, org, hold, maxHold, false)
	took := time.Since(start)
	st := l.stop()
	waits := probe()
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	st.print("during the import")
	fmt.Printf("import %s: %s in %.1f s, %.0f rows/s\n", list, res.Line(), took.Seconds(), float64(res.Read)/took.Seconds())
	fmt.Printf("an empty write transaction every 100 ms during the import: %s\n", pct(waits))
	return nil
}

// probeWriter starts taking the writer with an empty transaction ten
// times a second, as the smallest interactive write would, and returns
// the function that stops it and gives the times each took.
func probeWriter(db *store.DB) func() []time.Duration {
	done, out := make(chan struct{}), make(chan []time.Duration)
	go func() {
		var ds []time.Duration
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				out <- ds
				return
			case <-t.C:
			}
			start := time.Now()
			if err := db.Tx(context.Background(), func(*sql.Tx) error { return nil }); err == nil {
				ds = append(ds, time.Since(start))
			}
		}
	}()
	return func() []time.Duration {
		close(done)
		return <-out
	}
}

// importList imports the list at path as the system would from the
// import page: one session, in batches, the file parsed alongside.
func importList(ctx context.Context, svc *services.Services, path string, org int64, hold, maxHold time.Duration,
	load bool) (imports.Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return imports.Result{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return imports.Result{}, err
	}
	rd, err := tabular.Open(path, f, fi.Size())
	if err != nil {
		return imports.Result{}, err
	}
	defer rd.Close()
	target, err := svc.Imports.Target("people")
	if err != nil {
		return imports.Result{}, err
	}
	why := map[string]int{}
	res, _, err := imports.Run(ctx, target, access.System, rd,
		imports.Options{OrgID: org, Source: path, Hold: hold, MaxHold: maxHold, Load: load}, func(e imports.RowError) { why[e.Column+" "+e.Key]++ }, nil)
	fmt.Printf("rejected because: %v\n", why)
	return res, err
}

// schools adds the foundation -org and the 300 schools the generated
// lists name when the database has no organisation -org yet.
func schools(ctx context.Context, db *store.DB, org int64) error {
	var n int
	if err := db.R.QueryRowContext(ctx, "SELECT count(*) FROM organisations WHERE id = $1", org).Scan(&n); err != nil || n > 0 {
		return err
	}
	if org != 1 {
		return fmt.Errorf("no organisation %d", org)
	}
	now := time.Now().UTC()
	ins := "INSERT INTO organisations (id, name, type, parent_id, path, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)"
	if db.Engine == store.Postgres {
		ins = "INSERT INTO organisations (id, name, type, parent_id, path, created_at, updated_at) OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $6)"
	}
	return db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, ins, 1, "Foundation", "foundation", nil, "/1/", now); err != nil {
			return err
		}
		for i := 1; i <= 300; i++ {
			if _, err := tx.ExecContext(ctx, ins, i+1, fmt.Sprintf("School No. %d", i), "school", 1, fmt.Sprintf("/1/%d/", i+1), now); err != nil {
				return err
			}
		}
		if db.Engine == store.Postgres {
			_, err := tx.ExecContext(ctx, "SELECT setval(pg_get_serial_sequence('organisations', 'id'), 301)")
			return err
		}
		return nil
	})
}
