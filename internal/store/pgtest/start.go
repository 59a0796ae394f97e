package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// startTimeout bounds how long Start waits for the server to accept connections.
const startTimeout = 30 * time.Second

// Start returns a running PostgreSQL server.
//
// If JOL_TEST_POSTGRES is set to a postgres:// URL, that existing server is
// used; Stop is then a no-op, and CreateDatabase creates fresh databases there.
// Otherwise initdb and pg_ctl are looked up on PATH, then in
// /usr/lib/postgresql/*/bin and /usr/pgsql-*/bin (highest version first) and
// /usr/local/pgsql/bin; a cluster is initialised in a new temporary directory
// and started on a free 127.0.0.1 port with durability turned off for speed.
// When running as root, the server runs as user "postgres" (or "nobody").
// A watchdog process stops the server and deletes the directory if the test
// process dies without calling Stop.
//
// Start returns an error wrapping ErrUnavailable if no server can be used.
func Start(ctx context.Context) (*Cluster, error) {
	if dsn := os.Getenv("JOL_TEST_POSTGRES"); dsn != "" {
		return startExternal(ctx, dsn)
	}
	initdb, pgCtl, err := findBinaries()
	if err != nil {
		return nil, err
	}
	return startLocal(ctx, initdb, pgCtl)
}

func startExternal(ctx context.Context, dsn string) (*Cluster, error) {
	u, err := url.Parse(dsn)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return nil, errors.New("pgtest: JOL_TEST_POSTGRES must be a postgres:// URL")
	}
	if err := ping(ctx, dsn); err != nil {
		return nil, fmt.Errorf("pgtest: server from JOL_TEST_POSTGRES: %w", err)
	}
	return &Cluster{dsn: dsn}, nil
}

func startLocal(ctx context.Context, initdb, pgCtl string) (_ *Cluster, err error) {
	cred, err := unprivileged()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "pgtest-")
	if err != nil {
		return nil, fmt.Errorf("pgtest: %w", err)
	}
	c := &Cluster{dir: dir, pgCtl: pgCtl, cred: cred}
	c.startWatchdog()
	defer func() {
		if err != nil {
			c.Stop()
		}
	}()
	if err := cred.chown(dir); err != nil {
		return nil, fmt.Errorf("pgtest: %w", err)
	}
	data := filepath.Join(dir, "data")
	args := []string{"-D", data, "-U", "jol", "--auth=trust", "-E", "UTF8", "--no-sync"}
	if err = c.run(ctx, initdb, append(args, "--locale=C.UTF-8")...); err != nil {
		os.RemoveAll(data)
		if err = c.run(ctx, initdb, append(args, "--locale=C")...); err != nil {
			return nil, err
		}
	}
	logFile := filepath.Join(dir, "postgres.log")
	var port int
	for range 3 { // the free port may be grabbed by someone else before postgres binds it
		if port, err = freePort(); err != nil {
			return nil, err
		}
		conf := fmt.Sprintf("\nlisten_addresses = '127.0.0.1'\nport = %d\nunix_socket_directories = '%s'\n"+
			"fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n",
			port, strings.ReplaceAll(dir, "'", "''"))
		if err = appendFile(filepath.Join(data, "postgresql.conf"), conf); err != nil {
			return nil, err
		}
		err = c.run(ctx, pgCtl, "start", "-D", data, "-l", logFile, "-w", "-t", fmt.Sprint(int(startTimeout.Seconds())), "-s")
		if err == nil {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("pgtest: start postgres: %w\nserver log:\n%s", err, tail(logFile))
	}
	c.dsn = fmt.Sprintf("postgres://jol@127.0.0.1:%d/postgres?sslmode=disable", port)
	wctx, cancel := context.WithTimeout(ctx, startTimeout)
	defer cancel()
	for err = ping(wctx, c.dsn); err != nil && wctx.Err() == nil; err = ping(wctx, c.dsn) {
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		return nil, fmt.Errorf("pgtest: postgres not accepting connections on 127.0.0.1:%d: %w\nserver log:\n%s", port, err, tail(logFile))
	}
	return c, nil
}
