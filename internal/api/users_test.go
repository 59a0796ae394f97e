package api

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestAdminCreatesUserWhoAppearsInList(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	w := f.do(t, "POST", "/api/v1/users", f.token[access.Admin], map[string]any{
		"email": "New@Example.org", "name": "Aigerim", "role": "operator", "org_id": f.org.ID, "region": "KZ-75"})
	if w.Code != 201 {
		t.Fatalf("create: %d %s", w.Code, w.Body)
	}
	u := decodeAs[accounts.User](t, w)
	if u.Email != "new@example.org" || u.OrgName != "Foundation" || u.RegionCode != "KZ-75" || !u.Active {
		t.Fatalf("created %+v", u)
	}
	if loc := w.Header().Get("Location"); loc != fmt.Sprintf("/api/v1/users/%d", u.ID) {
		t.Errorf("Location %q", loc)
	}
	l := decodeAs[list[accounts.User]](t, f.do(t, "GET", "/api/v1/users?role=operator", f.token[access.Admin], nil))
	// The new operator, then the world's, newest first.
	if len(l.Items) != 2 || l.Items[0].ID != u.ID || l.Items[1].ID != f.users[access.Operator].ID || l.NextCursor != "" {
		t.Fatalf("list %+v", l)
	}
	w = f.do(t, "PATCH", fmt.Sprintf("/api/v1/users/%d", u.ID), f.token[access.Admin], map[string]any{"name": "Aigerim S.", "active": false})
	if got := decodeAs[accounts.User](t, w); w.Code != 200 || got.Name != "Aigerim S." || got.Active || got.RegionCode != "KZ-75" {
		t.Fatalf("patch: %d %s", w.Code, w.Body)
	}
	w = f.do(t, "POST", fmt.Sprintf("/api/v1/users/%d/password", u.ID), f.token[access.Admin], map[string]any{"password": "short"},
		"Accept-Language", "ru")
	if p := decodeAs[problem](t, w); w.Code != 422 || p.Errors[0].Message != "Пароль должен содержать не менее 10 символов." {
		t.Fatalf("short password: %d %s", w.Code, w.Body)
	}
	w = f.do(t, "POST", fmt.Sprintf("/api/v1/users/%d/password", u.ID), f.token[access.Admin], map[string]any{"password": "long enough now"})
	if w.Code != 200 {
		t.Fatalf("password: %d %s", w.Code, w.Body)
	}
	w = f.do(t, "PATCH", fmt.Sprintf("/api/v1/users/%d", f.users[access.Admin].ID), f.token[access.Admin], map[string]any{"role": "sponsor"})
	if p := decodeAs[problem](t, w); w.Code != 422 || p.Errors[0].Field != "role" {
		t.Fatalf("self demotion: %d %s", w.Code, w.Body)
	}
}

func TestMarkupAndSQLAreStoredVerbatimAndInert(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	names := []string{`<script>alert("x")</script>`, `Robert'); DROP TABLE users;--`, `" OR 1=1 --`}
	for i, name := range names {
		w := f.do(t, "POST", "/api/v1/users", f.token[access.Admin], map[string]any{
			"email": fmt.Sprintf("u%d@example.org", i), "name": name, "role": "volunteer"})
		if w.Code != 201 || strings.Contains(w.Body.String(), "<script>") {
			t.Fatalf("create %q: %d %s", name, w.Code, w.Body)
		}
		if got := decodeAs[accounts.User](t, w).Name; got != name {
			t.Errorf("name %q came back as %q", name, got)
		}
	}
	w := f.do(t, "GET", "/api/v1/users?role=volunteer", f.token[access.Admin], nil)
	l := decodeAs[list[accounts.User]](t, w)
	if len(l.Items) != len(names)+1 || strings.Contains(w.Body.String(), "<script>") { // and the world's volunteer
		t.Fatalf("list: %s", w.Body)
	}
	for _, u := range l.Items {
		if u.ID != f.users[access.Volunteer].ID && !slices.Contains(names, u.Name) {
			t.Errorf("listed name %q", u.Name)
		}
	}
}

func TestCursorWalksEveryUserOnce(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	for i := range 2 { // fourteen users with the world's twelve: seven full pages
		f.user(t, accounts.NewUser{Email: fmt.Sprintf("p%d@example.org", i), Name: "P", Role: access.Mentor})
	}
	var seen []int64
	path := "/api/v1/users?limit=2"
	for n := 1; ; n++ {
		w := f.do(t, "GET", path, f.token[access.Admin], nil)
		l := decodeAs[list[accounts.User]](t, w)
		if w.Code != 200 || len(l.Items) != 2 || n > 7 {
			t.Fatalf("page %d: %d %s", n, w.Code, w.Body)
		}
		for _, u := range l.Items {
			seen = append(seen, u.ID)
		}
		if l.NextCursor == "" {
			if n != 7 || strings.Contains(w.Body.String(), "next_cursor") {
				t.Fatalf("last page is %d: %s", n, w.Body)
			}
			break
		}
		path = "/api/v1/users?limit=2&cursor=" + l.NextCursor
	}
	all, _, err := f.svc.Accounts.List(t.Context(), access.System, accounts.Filter{}, store.Page{})
	check(t, err)
	for i, u := range all {
		if i >= len(seen) || seen[i] != u.ID {
			t.Fatalf("walked %v, want the ids of %d users newest first", seen, len(all))
		}
	}
	if len(seen) != 14 || len(all) != 14 {
		t.Fatalf("walked %v of %d", seen, len(all))
	}
}
