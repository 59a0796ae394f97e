package admin_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestInviteAppearsInList(t *testing.T) {
	f := newFixture(t)
	c := f.Login(t, "admin@example.org")
	if r := c.Get("/admin/users/new"); r.Status != http.StatusOK || !strings.Contains(r.Body, `name="password"`) {
		t.Fatalf("invite form: %d", r.Status)
	}
	r := c.Post("/admin/users", url.Values{"email": {"Dana@Example.org"}, "name": {"Dana Operator"}, "role": {"operator"},
		"org": {itoa(f.Org.ID)}, "region": {"kz-75"}, "locale": {"kk"}, "password": {"long enough secret"}})
	if r.Status != http.StatusSeeOther || r.Location != "/admin/users" {
		t.Fatalf("invite: %d %s %s", r.Status, r.Location, r.Body)
	}
	r = c.Get("/admin/users")
	for _, want := range []string{"Dana Operator", "dana@example.org", "Operator", "Almaty Foundation", "Almaty", "Created."} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("list lacks %q", want)
		}
	}
	if r = c.Get("/admin/users?role=coordinator"); strings.Contains(r.Body, "Dana Operator") || !strings.Contains(r.Body, "coord@example.org") {
		t.Error("role filter does not filter")
	}
	if r = c.Get("/admin/users?q=dana"); !strings.Contains(r.Body, "Dana Operator") || strings.Contains(r.Body, "coord@example.org") {
		t.Error("text filter does not filter")
	}
}

func TestInvalidInviteInRussianKeepsValues(t *testing.T) {
	f := newFixture(t)
	c := f.Login(t, "admin@example.org")
	if r := c.Post("/locale", url.Values{"lang": {"ru"}, "next": {"/admin/users/new"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("locale: %d", r.Status)
	}
	r := c.Post("/admin/users", url.Values{"email": {"not-an-address"}, "name": {"Ерлан <b>"}, "role": {"mentor"},
		"org": {""}, "region": {"KZ-99"}, "locale": {"ru"}, "password": {"short1"}})
	if r.Status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", r.Status)
	}
	for _, want := range []string{
		`role="alert"`,
		"Введите корректный адрес электронной почты.",
		`value="not-an-address"`,
		`value="Ерлан &lt;b&gt;"`,
		`<option value="mentor" selected`,
		`id="email" name="email"`, `aria-invalid="true" aria-describedby="email-error"`, `id="email-error"`,
	} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("re-rendered form lacks %q", want)
		}
	}
	if strings.Contains(r.Body, "short1") {
		t.Error("the password is sent back")
	}
	r = c.Post("/admin/users", url.Values{"email": {"erlan@example.org"}, "name": {"Ерлан"}, "role": {"mentor"},
		"region": {"kz-99"}, "password": {"long enough secret"}})
	for _, want := range []string{"Региона с кодом KZ-99 нет.", `value="KZ-99"`} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("unknown region: lacks %q", want)
		}
	}
}

func TestUsersPagination(t *testing.T) {
	f := newFixture(t)
	c := f.Login(t, "admin@example.org")
	for _, n := range []string{"One", "Two", "Three", "Four"} {
		r := c.Post("/admin/users", url.Values{"email": {strings.ToLower(n) + "@example.org"}, "name": {"User " + n},
			"role": {"volunteer"}, "password": {"long enough secret"}})
		if r.Status != http.StatusSeeOther {
			t.Fatalf("create %s: %d", n, r.Status)
		}
	}
	next := regexp.MustCompile(`<a href="([^"]+)" rel="next">`)
	seen := map[string]int{}
	path, pages := "/admin/users?role=&limit=2", 0
	for path != "" && pages < 10 {
		r := c.Get(path)
		pages++
		for _, m := range regexp.MustCompile(`>([^<>]+@example\.org)<`).FindAllStringSubmatch(r.Body, -1) {
			seen[m[1]]++
		}
		path = ""
		if m := next.FindStringSubmatch(r.Body); m != nil {
			path = html.UnescapeString(m[1])
			if !strings.Contains(path, "limit=2") || !strings.Contains(path, "cursor=") {
				t.Fatalf("next link %q loses the query", path)
			}
		}
	}
	if pages != 3 || len(seen) != 6 {
		t.Fatalf("%d pages, users %v", pages, seen)
	}
	for e, n := range seen {
		if n != 1 {
			t.Errorf("%s shown %d times", e, n)
		}
	}
}

func TestCoordinatorMayNotManageUsers(t *testing.T) {
	f := newFixture(t)
	c := f.Login(t, "coord@example.org")
	for _, path := range []string{"/admin/users", "/admin/users/new", "/admin/users/" + itoa(f.Admin.ID), "/admin/settings", "/admin/jobs"} {
		if r := c.Get(path); r.Status != http.StatusForbidden {
			t.Errorf("GET %s: %d, want 403", path, r.Status)
		}
	}
	if r := c.Post("/admin/users", url.Values{"email": {"x@example.org"}, "name": {"X"}, "role": {"admin"}}); r.Status != http.StatusForbidden {
		t.Errorf("POST /admin/users: %d", r.Status)
	}
	if r := c.Get("/organisations"); r.Status != http.StatusOK || !strings.Contains(r.Body, "Almaty Foundation") {
		t.Errorf("coordinator's organisations: %d", r.Status)
	}
}
