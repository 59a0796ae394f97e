// Package pgtest provides throwaway PostgreSQL servers for tests.
//
// Start either connects to the server named by JOL_TEST_POSTGRES or
// initdb's a private cluster in a temporary directory and runs it on a free
// 127.0.0.1 port. Each test then calls CreateDatabase to get a fresh, empty
// database of its own.
//
// Most packages use the process-wide shared cluster:
//
//	func TestMain(m *testing.M) {
//		code := m.Run()
//		pgtest.StopShared()
//		os.Exit(code)
//	}
//
//	func TestSomething(t *testing.T) {
//		dsn := pgtest.NewDatabase(t, "something")
//		...
//	}
//
// If JOL_REQUIRE_POSTGRES=1, a missing or broken PostgreSQL fails the tests
// instead of skipping them.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
)

// ErrUnavailable is returned (wrapped with an explanation) by Start when no
// PostgreSQL server can be used: JOL_TEST_POSTGRES is unset and no initdb and
// pg_ctl binaries were found.
var ErrUnavailable = errors.New("pgtest: PostgreSQL unavailable")

// Required reports whether the environment variable JOL_REQUIRE_POSTGRES is
// set to 1, in which case tests must fail rather than skip when PostgreSQL
// is unavailable.
func Required() bool { return os.Getenv("JOL_REQUIRE_POSTGRES") == "1" }

// Cluster is a running throwaway PostgreSQL server, or a handle on an
// external server named by JOL_TEST_POSTGRES.
type Cluster struct {
	dsn     string // admin DSN (database "postgres" or the external URL)
	dir     string // temporary directory holding data/, the socket and the log; "" if external
	pgCtl   string // path of pg_ctl; "" if external
	cred    *credential
	counter atomic.Uint64
	guard   *os.File // write end of the watchdog's stdin; closing it makes the watchdog clean up

	stopOnce sync.Once
	stopErr  error
}

// DSN returns the connection URL of the server's maintenance database, e.g.
// postgres://jol@127.0.0.1:PORT/postgres?sslmode=disable.
func (c *Cluster) DSN() string { return c.dsn }

// CreateDatabase creates a fresh, empty database (from template0) and returns
// its DSN. The name is prefix, lowercased and reduced to [a-z0-9_], followed
// by a unique suffix, so concurrent tests and processes never collide.
func (c *Cluster) CreateDatabase(ctx context.Context, prefix string) (string, error) {
	name, err := c.uniqueName(prefix)
	if err != nil {
		return "", err
	}
	conn, err := pgx.Connect(ctx, c.dsn)
	if err != nil {
		return "", fmt.Errorf("pgtest: connect to create database: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	sql := "CREATE DATABASE " + pgx.Identifier{name}.Sanitize() + " TEMPLATE template0 ENCODING 'UTF8'"
	if _, err := conn.Exec(ctx, sql); err != nil {
		return "", fmt.Errorf("pgtest: create database %s: %w", name, err)
	}
	u, err := url.Parse(c.dsn)
	if err != nil {
		return "", fmt.Errorf("pgtest: parse DSN: %w", err)
	}
	u.Path = "/" + name
	u.RawPath = ""
	return u.String(), nil
}

// uniqueName turns prefix into a safe, unique identifier of at most 63 bytes.
func (c *Cluster) uniqueName(prefix string) (string, error) {
	var b strings.Builder
	for _, r := range strings.ToLower(prefix) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '_' {
			b.WriteRune(r)
		}
	}
	base := b.String()
	if base == "" || (base[0] >= '0' && base[0] <= '9') {
		base = "t" + base
	}
	var rnd [4]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return "", fmt.Errorf("pgtest: random suffix: %w", err)
	}
	suffix := fmt.Sprintf("_%d_%s", c.counter.Add(1), hex.EncodeToString(rnd[:]))
	if len(base)+len(suffix) > 63 {
		base = base[:63-len(suffix)]
	}
	return base + suffix, nil
}

// Stop shuts the server down immediately (pg_ctl stop -m immediate) and
// removes its temporary directory. It is a no-op for an external server and
// safe to call more than once.
func (c *Cluster) Stop() error {
	if c == nil || c.dir == "" {
		return nil
	}
	c.stopOnce.Do(func() { c.stopErr = c.stop() })
	return c.stopErr
}
