package api

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store/storetest"
)

// scenario is one request and what must come back. A problem is expected
// for every status of 400 and above.
type scenario struct {
	name    string
	method  string
	path    string
	as      access.Role // "" sends no token
	body    any
	headers []string
	status  int
	check   func(t *testing.T, w *httptest.ResponseRecorder, p problem)
}

// detailHas checks the problem's detail mentions s.
func detailHas(s string) func(*testing.T, *httptest.ResponseRecorder, problem) {
	return func(t *testing.T, _ *httptest.ResponseRecorder, p problem) {
		if !strings.Contains(p.Detail, s) {
			t.Errorf("detail %q does not mention %q", p.Detail, s)
		}
	}
}

func TestScenarios(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	big := `{"name": "` + strings.Repeat("x", maxBody) + `"}`
	scenarios := []scenario{
		{name: "no token", method: "GET", path: "/api/v1/me", status: 401, check: func(t *testing.T, w *httptest.ResponseRecorder, p problem) {
			if got := w.Header().Get("WWW-Authenticate"); got != `Bearer realm="jol"` || p.Type != problemBase+"unauthenticated" {
				t.Errorf("challenge %q, type %q", got, p.Type)
			}
		}},
		{name: "bad token", method: "GET", path: "/api/v1/me", headers: []string{"Authorization", "Bearer jol_nope"}, status: 401,
			check: func(t *testing.T, w *httptest.ResponseRecorder, p problem) {
				if got := w.Header().Get("WWW-Authenticate"); !strings.Contains(got, `error="invalid_token"`) {
					t.Errorf("challenge %q", got)
				}
			}},
		{name: "basic auth", method: "GET", path: "/api/v1/me", headers: []string{"Authorization", "Basic YTpi"}, status: 401},
		{name: "sponsor lists users", method: "GET", path: "/api/v1/users", as: access.Sponsor, status: 403, check: detailHas("permission")},
		{name: "coordinator lists jobs", method: "GET", path: "/api/v1/jobs", as: access.Coordinator, status: 403},
		{name: "invalid user in Russian", method: "POST", path: "/api/v1/users", as: access.Admin,
			body: map[string]any{"email": "nope", "name": " ", "role": "king"}, headers: []string{"Accept-Language", "ru, en;q=0.5"}, status: 422,
			check: func(t *testing.T, _ *httptest.ResponseRecorder, p problem) {
				want := map[string]string{"email": "Введите корректный адрес электронной почты.",
					"name": "Поле «Имя» обязательно для заполнения.", "role": "Неизвестная роль."}
				if len(p.Errors) != len(want) || p.Type != problemBase+"invalid" {
					t.Fatalf("problem %+v", p)
				}
				for _, e := range p.Errors {
					if want[e.Field] != e.Message {
						t.Errorf("%s: %q, want %q", e.Field, e.Message, want[e.Field])
					}
				}
			}},
		{name: "wrong type", method: "POST", path: "/api/v1/tokens", as: access.Sponsor, body: `{"name": 5}`, status: 400,
			check: func(t *testing.T, _ *httptest.ResponseRecorder, p problem) {
				if !strings.Contains(p.Detail, "field name") || len(p.Errors) != 1 || p.Errors[0].Field != "name" {
					t.Errorf("problem %+v", p)
				}
			}},
		{name: "broken JSON", method: "POST", path: "/api/v1/tokens", as: access.Sponsor, body: `{"name": "a",}`, status: 400, check: detailHas("byte 14")},
		{name: "truncated JSON", method: "POST", path: "/api/v1/tokens", as: access.Sponsor, body: `{"name": `, status: 400, check: detailHas("byte")},
		{name: "two values", method: "POST", path: "/api/v1/tokens", as: access.Sponsor, body: `{"name": "a"} {}`, status: 400, check: detailHas("byte")},
		{name: "empty body", method: "POST", path: "/api/v1/tokens", as: access.Sponsor, body: ``, status: 400, check: detailHas("needs a JSON body")},
		{name: "unknown field", method: "POST", path: "/api/v1/tokens", as: access.Sponsor, body: `{"nmae": "x"}`, status: 400, check: detailHas("nmae")},
		{name: "too large", method: "POST", path: "/api/v1/tokens", as: access.Sponsor, body: big, status: 413},
		{name: "too large without length", method: "POST", path: "/api/v1/tokens", as: access.Sponsor, body: big,
			headers: []string{"Transfer-Encoding", "chunked"}, status: 413},
		{name: "wrong content type", method: "POST", path: "/api/v1/tokens", as: access.Sponsor, body: `{"name": "x"}`,
			headers: []string{"Content-Type", "text/plain"}, status: 415},
		{name: "unknown path", method: "GET", path: "/api/v1/nothing", status: 404},
		{name: "non-numeric id", method: "GET", path: "/api/v1/users/abc", as: access.Admin, status: 404},
		{name: "wrong method", method: "PUT", path: "/api/v1/users", as: access.Admin, status: 405,
			check: func(t *testing.T, w *httptest.ResponseRecorder, _ problem) {
				if got := w.Header().Get("Allow"); got != "GET, POST" {
					t.Errorf("Allow: %q", got)
				}
			}},
		{name: "bad filter", method: "GET", path: "/api/v1/audit?actor_id=x", as: access.Admin, status: 422},
		{name: "regions of a country", method: "GET", path: "/api/v1/regions?parent=kz", as: access.Coordinator, status: 200},
		{name: "unknown parent region", method: "GET", path: "/api/v1/regions?parent=XX", as: access.Coordinator, status: 404},
		{name: "one region", method: "GET", path: "/api/v1/regions/kz-75", as: access.Coordinator, status: 200},
		{name: "openapi is public", method: "GET", path: "/api/v1/openapi.json", status: 200},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			w := f.do(t, sc.method, sc.path, f.token[sc.as], sc.body, sc.headers...)
			if w.Code != sc.status {
				t.Fatalf("status %d, want %d: %s", w.Code, sc.status, w.Body)
			}
			var p problem
			if sc.status >= 400 {
				if ct := w.Header().Get("Content-Type"); ct != "application/problem+json" {
					t.Fatalf("content type %q", ct)
				}
				if p = decodeAs[problem](t, w); p.Status != sc.status || p.Title != http.StatusText(sc.status) || p.Detail == "" {
					t.Fatalf("problem %+v", p)
				}
			} else if ct := w.Header().Get("Content-Type"); ct != "application/json" {
				t.Fatalf("content type %q", ct)
			}
			if sc.check != nil {
				sc.check(t, w, p)
			}
		})
	}
}
