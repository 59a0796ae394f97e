package api

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/settings"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// fixture is the API over a test world (see package testworld) whose
// default language is English, with a token for the world's user of
// every role.
type fixture struct {
	w     *testworld.World
	db    *store.DB
	svc   *services.Services
	opts  Options
	mux   *http.ServeMux
	org   orgs.Organisation // the world's Foundation
	users map[access.Role]accounts.User
	token map[access.Role]string
	logs  *bytes.Buffer
}

func newFixture(t *testing.T, db *store.DB) *fixture {
	t.Helper()
	w := testworld.New(t, db)
	svc := w.Services
	f := &fixture{w: w, db: db, mux: http.NewServeMux(), logs: &bytes.Buffer{}, org: w.Foundation,
		users: w.Users, token: map[access.Role]string{}}
	f.svc, f.opts = svc, Options{Logger: slog.New(slog.NewTextHandler(f.logs, nil)), Now: w.Clock.Now}
	st := settings.Defaults()
	st.DefaultLocale = "en"
	check(t, svc.Settings.Update(t.Context(), access.System, st))
	for _, role := range access.Roles() { // in order, so token ids are the same on every run
		f.token[role] = w.Token(t, w.Users[role])
	}
	a, err := New(f.svc, f.opts)
	check(t, err)
	a.Mount(f.mux)
	return f
}

func (f *fixture) user(t *testing.T, in accounts.NewUser) accounts.User {
	t.Helper()
	return f.w.User(t, in)
}

func (f *fixture) newToken(t *testing.T, u accounts.User) string {
	t.Helper()
	return f.w.Token(t, u)
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
