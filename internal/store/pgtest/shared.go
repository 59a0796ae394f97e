package pgtest

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
)

// shared is the process-wide cluster used by Shared. Package-level state is
// deliberate: this package only supports tests, and one server per test
// binary is much faster than one per test.
var shared struct {
	mu      sync.Mutex
	started bool
	c       *Cluster
	err     error
}

// Shared returns a cluster shared by the whole test process, starting it
// with Start on first use. The result of the first attempt, including an
// error, is remembered until StopShared. Call StopShared from TestMain:
//
//	func TestMain(m *testing.M) {
//		code := m.Run()
//		pgtest.StopShared()
//		os.Exit(code)
//	}
//
// Without StopShared the server is still stopped and its directory removed
// by a watchdog shortly after the test process exits.
func Shared(ctx context.Context) (*Cluster, error) {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if !shared.started {
		shared.c, shared.err = Start(ctx)
		shared.started = true
	}
	return shared.c, shared.err
}

// StopShared stops the cluster started by Shared, if any. A later Shared
// call starts a new one.
func StopShared() error {
	shared.mu.Lock()
	c := shared.c
	shared.started, shared.c, shared.err = false, nil, nil
	shared.mu.Unlock()
	return c.Stop()
}

// Skip handles an error from Start or Shared: it does nothing if err is nil,
// fails the test if Required, and otherwise skips it with an explanation.
func Skip(tb testing.TB, err error) {
	tb.Helper()
	switch {
	case err == nil:
	case Required():
		tb.Fatalf("PostgreSQL is required (JOL_REQUIRE_POSTGRES=1) but unavailable: %v", err)
	case errors.Is(err, ErrUnavailable):
		reason := strings.TrimPrefix(err.Error(), ErrUnavailable.Error()+": ")
		tb.Skipf("PostgreSQL tests skipped: %s; set JOL_REQUIRE_POSTGRES=1 to make this fatal", reason)
	default:
		tb.Skipf("PostgreSQL tests skipped: could not start PostgreSQL: %v; set JOL_REQUIRE_POSTGRES=1 to make this fatal", err)
	}
}

// ForTest returns the shared cluster (see Shared), skipping or failing tb
// via Skip if PostgreSQL is unavailable.
func ForTest(tb testing.TB) *Cluster {
	tb.Helper()
	c, err := Shared(context.Background())
	Skip(tb, err)
	return c
}

// NewDatabase creates a fresh database on the shared cluster and returns its
// DSN, skipping or failing tb via Skip if PostgreSQL is unavailable. The
// database is not dropped; it disappears with the throwaway cluster.
func NewDatabase(tb testing.TB, prefix string) string {
	tb.Helper()
	dsn, err := ForTest(tb).CreateDatabase(tb.Context(), prefix)
	if err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	return dsn
}
