package web_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/settings"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

func clock() time.Time { return time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC) }

// password is every fixture user's password.
const password = "correct horse battery"

// fixture is the web surface on a fresh database with the builtin regions,
// one organisation in Almaty, an administrator and a coordinator of that
// organisation, served by a test server.
type fixture struct {
	db    *store.DB
	svc   *services.Services
	now   func() time.Time // the web layer's clock
	srv   *httptest.Server
	org   orgs.Organisation
	admin accounts.User
	coord accounts.User
	// later moves the web layer's clock ahead of the services' fixed one,
	// for session time-outs.
	later atomic.Int64
}

// advance moves the web layer's clock forward by d.
func (f *fixture) advance(d time.Duration) { f.later.Add(int64(d)) }

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	db := storetest.Engine(t)
	svc := must(services.New(ctx, db, services.Options{Now: clock,
		Hasher: accounts.NewHasher(accounts.Params{Memory: 64, Time: 1, Threads: 1}, 2)}))
	f := &fixture{db: db}
	f.svc = svc
	f.now = func() time.Time { return clock().Add(time.Duration(f.later.Load())) }
	f.svc.Jobs.Register("test.noop", func(context.Context, *jobs.Job, jobs.Progress) (string, error) { return "ok", nil })
	check(t, f.svc.Settings.Update(ctx, access.System, settings.Settings{Name: "Jol Test", DefaultLocale: "en", Country: "KZ", Calendar: "gregorian", Timezone: "Asia/Almaty"}))
	f.org = must(f.svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Almaty Foundation", Type: orgs.Foundation, RegionCode: "KZ-75"}))
	f.admin = must(f.svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "admin@example.org", Name: "Aigerim Admin",
		Role: access.Admin, Locale: "en", Password: password}))
	f.coord = must(f.svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "coord@example.org", Name: "Coordinator",
		Role: access.Coordinator, OrgID: f.org.ID, Region: "KZ-75", Locale: "en", Password: password}))
	s := must(web.New(svc, web.Options{Logger: slog.New(slog.NewTextHandler(testLog{t}, nil)), Now: f.now}))
	mux := http.NewServeMux()
	s.Mount(mux)
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

// must unwraps a value and an error from set-up code that cannot fail
// unless the test environment is broken.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func check(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// testLog sends the server's log to the test's.
type testLog struct{ t *testing.T }

func (l testLog) Write(b []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}

func must2[A, B any](a A, b B, err error) (A, B) {
	if err != nil {
		panic(err)
	}
	return a, b
}
