// Package webtest is the fixture the tests of the web surface share, in
// package web and in every room: the whole surface on a fresh database,
// served by a test server, and a client that logs in and posts forms as a
// browser without JavaScript does.
package webtest

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/settings"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web"
)

// Clock is the services' fixed clock.
func Clock() time.Time { return time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC) }

// Password is every fixture user's password.
const Password = "correct horse battery"

// Fixture is the web surface on a fresh database with the builtin regions,
// one organisation in Almaty, an administrator and a coordinator of that
// organisation, served by a test server.
type Fixture struct {
	DB    *store.DB
	Svc   *services.Services
	Now   func() time.Time // the web layer's clock
	Srv   *httptest.Server
	Org   orgs.Organisation
	Admin accounts.User
	Coord accounts.User
	// later moves the web layer's clock ahead of the services' fixed one,
	// for session time-outs.
	later atomic.Int64
}

// Advance moves the web layer's clock forward by d.
func (f *Fixture) Advance(d time.Duration) { f.later.Add(int64(d)) }

// New builds the fixture on a database of the engine the test runs on
// (see storetest.Main).
func New(t *testing.T) *Fixture {
	t.Helper()
	ctx := context.Background()
	db := storetest.Engine(t)
	svc := Must(services.New(ctx, db, services.Options{Now: Clock,
		Hasher: accounts.NewHasher(accounts.Params{Memory: 64, Time: 1, Threads: 1}, 2)}))
	f := &Fixture{DB: db}
	f.Svc = svc
	// The temporary files of imports go to a folder of the test's, as a
	// server's go to its data directory: never to the system's.
	scratch := Must(imports.OpenScratch(filepath.Join(t.TempDir(), "tmp")))
	t.Cleanup(func() { Check(t, scratch.Close()) })
	svc.Imports.TempDir = scratch.Dir
	f.Now = func() time.Time { return Clock().Add(time.Duration(f.later.Load())) }
	f.Svc.Jobs.Register("test.noop", func(context.Context, *jobs.Job, jobs.Progress) (string, error) { return "ok", nil })
	Check(t, f.Svc.Settings.Update(ctx, access.System, settings.Settings{Name: "Jol Test", DefaultLocale: "en", Country: "KZ", Calendar: "gregorian", Timezone: "Asia/Almaty"}))
	f.Org = Must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Almaty Foundation", Type: orgs.Foundation, RegionCode: "KZ-75"}))
	f.Admin = Must(f.Svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "admin@example.org", Name: "Aigerim Admin",
		Role: access.Admin, Locale: "en", Password: Password}))
	f.Coord = Must(f.Svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "coord@example.org", Name: "Coordinator",
		Role: access.Coordinator, OrgID: f.Org.ID, Region: "KZ-75", Locale: "en", Password: Password}))
	s := Must(web.New(svc, web.Options{Logger: slog.New(slog.NewTextHandler(testLog{t}, nil)), Now: f.Now}))
	mux := http.NewServeMux()
	s.Mount(mux)
	f.Srv = httptest.NewServer(mux)
	t.Cleanup(f.Srv.Close)
	return f
}

// User adds a user of the fixture's organisation with role, who reads Jol in
// locale, and logs them in.
func (f *Fixture) User(t *testing.T, email string, role access.Role, locale string) *Client {
	t.Helper()
	Must(f.Svc.Accounts.Create(context.Background(), access.System, accounts.NewUser{Email: email, Name: email,
		Role: role, OrgID: f.Org.ID, Region: "KZ-75", Locale: locale, Password: Password}))
	return f.Login(t, email)
}

// Child registers a child of the fixture's organisation, born on birth.
func (f *Fixture) Child(t *testing.T, last, first string, birth time.Time, id string) people.Person {
	t.Helper()
	return Must(f.Svc.People.Create(context.Background(), access.System, people.Input{LastName: last, FirstName: first,
		BirthDate: birth, Sex: people.Female, NationalID: id, RegionCode: "KZ-75", OrgID: f.Org.ID}))
}

// Count is how many persons a search for q finds.
func (f *Fixture) Count(t *testing.T, q string) int {
	t.Helper()
	return len(Must(f.Svc.People.Search(context.Background(), access.System, q, 0)))
}

// Day is a calendar day as the registry stores it.
func Day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Must unwraps a value and an error from set-up code that cannot fail
// unless the test environment is broken.
func Must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// Must2 is Must for two values.
func Must2[A, B any](a A, b B, err error) (A, B) {
	if err != nil {
		panic(err)
	}
	return a, b
}

// Check ends the test on err.
func Check(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Itoa writes an id for a path or a form.
func Itoa(n int64) string { return strconv.FormatInt(n, 10) }

// testLog sends the server's log to the test's.
type testLog struct{ t *testing.T }

func (l testLog) Write(b []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}
