package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/settings"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

func clock() time.Time { return time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC) }

// fixture is an API over a fresh database with the default settings in
// English, the builtin regions, one organisation in Almaty, and an admin,
// a coordinator of that organisation and a sponsor, each with a token.
type fixture struct {
	db    *store.DB
	svc   *services.Services
	opts  Options
	mux   *http.ServeMux
	org   orgs.Organisation
	users map[access.Role]accounts.User
	token map[access.Role]string
	logs  *bytes.Buffer
}

// fastHasher hashes passwords with the least work Argon2id allows, so
// creating users does not dominate the tests.
func fastHasher() *accounts.Hasher {
	return accounts.NewHasher(accounts.Params{Memory: 64, Time: 1, Threads: 1}, 2)
}

// newServices builds the services over db and the API's options, logging to logs.
func newServices(db *store.DB, logs io.Writer) (*services.Services, Options) {
	svc := must(services.New(context.Background(), db, services.Options{Now: clock, Hasher: fastHasher()}))
	return svc, Options{Logger: slog.New(slog.NewTextHandler(logs, nil)), Now: clock}
}

func newFixture(t *testing.T, db *store.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{db: db, mux: http.NewServeMux(), logs: &bytes.Buffer{},
		users: map[access.Role]accounts.User{}, token: map[access.Role]string{}}
	f.svc, f.opts = newServices(db, f.logs)
	st := settings.Defaults()
	st.DefaultLocale = "en"
	check(t, f.svc.Settings.Update(ctx, access.System, st))
	f.org = must(f.svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Foundation", Type: orgs.Foundation, RegionCode: "KZ-75"}))
	for _, in := range []accounts.NewUser{
		{Email: "admin@example.org", Name: "Admin", Role: access.Admin},
		{Email: "coord@example.org", Name: "Coordinator", Role: access.Coordinator, OrgID: f.org.ID, Region: "KZ-75"},
		{Email: "sponsor@example.org", Name: "Sponsor", Role: access.Sponsor},
	} {
		f.users[in.Role] = f.user(t, in)
		f.token[in.Role] = f.newToken(t, f.users[in.Role])
	}
	a, err := New(f.svc, f.opts)
	check(t, err)
	a.Mount(f.mux)
	return f
}

func (f *fixture) user(t *testing.T, in accounts.NewUser) accounts.User {
	t.Helper()
	u, err := f.svc.Accounts.Create(context.Background(), access.System, in)
	check(t, err)
	return u
}

func (f *fixture) newToken(t *testing.T, u accounts.User) string {
	t.Helper()
	secret, _, err := f.svc.Accounts.CreateToken(context.Background(), u.Principal(), u.ID, "test")
	check(t, err)
	return secret
}

// do sends a request. body is sent as JSON unless it is a string, which
// is sent as it is; headers are name/value pairs that override the
// defaults (Content-Type: application/json for a body).
func (f *fixture) do(t *testing.T, method, path, token string, body any, headers ...string) *httptest.ResponseRecorder {
	t.Helper()
	var raw []byte
	switch b := body.(type) {
	case nil:
	case string:
		raw = []byte(b)
	default:
		raw = must(json.Marshal(b))
	}
	r := httptest.NewRequest(method, path, bytes.NewReader(raw))
	if body != nil {
		r.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		r.Header.Set(headers[i], headers[i+1])
	}
	if r.Header.Get("Transfer-Encoding") == "chunked" { // a body of unknown length
		r.Header.Del("Transfer-Encoding")
		r.ContentLength, r.TransferEncoding = -1, []string{"chunked"}
	}
	w := httptest.NewRecorder()
	f.mux.ServeHTTP(w, r)
	return w
}

// decodeAs decodes a response body into a T, failing the test otherwise.
func decodeAs[T any](t *testing.T, w *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("decode %q: %v", w.Body.String(), err)
	}
	return v
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func check(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
