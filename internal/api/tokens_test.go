package api

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestTokenSecretIsShownOnceAndRevocationIsImmediate(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	own := f.token[access.Sponsor]
	w := f.do(t, "POST", "/api/v1/tokens", own, map[string]any{"name": "reports script"})
	made := decodeAs[newToken](t, w)
	if w.Code != 201 || !strings.HasPrefix(made.Secret, accounts.TokenPrefix) || made.UserID != f.users[access.Sponsor].ID {
		t.Fatalf("create: %d %s", w.Code, w.Body)
	}
	w = f.do(t, "GET", "/api/v1/tokens", own, nil)
	l := decodeAs[list[accounts.Token]](t, w)
	if len(l.Items) != 2 || l.Items[0].ID != made.ID || strings.Contains(w.Body.String(), made.Secret) ||
		strings.Contains(w.Body.String(), "secret") {
		t.Fatalf("list: %s", w.Body)
	}
	if w = f.do(t, "GET", "/api/v1/tokens?limit=1&cursor="+fmt.Sprint(made.ID), own, nil); len(decodeAs[list[accounts.Token]](t, w).Items) != 1 {
		t.Fatalf("second page: %s", w.Body)
	}
	if w = f.do(t, "GET", "/api/v1/me", made.Secret, nil); w.Code != 200 {
		t.Fatalf("new token: %d %s", w.Code, w.Body)
	}
	if w = f.do(t, "DELETE", fmt.Sprintf("/api/v1/tokens/%d", made.ID), own, nil); w.Code != 204 || w.Body.Len() != 0 {
		t.Fatalf("revoke: %d %s", w.Code, w.Body)
	}
	if w = f.do(t, "GET", "/api/v1/me", made.Secret, nil); w.Code != 401 {
		t.Fatalf("revoked token: %d %s", w.Code, w.Body)
	}
}

func TestTokensOfOthers(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	coord := f.users[access.Coordinator]
	if w := f.do(t, "GET", fmt.Sprintf("/api/v1/tokens?user_id=%d", coord.ID), f.token[access.Sponsor], nil); w.Code != 403 {
		t.Fatalf("sponsor lists another's tokens: %d %s", w.Code, w.Body)
	}
	w := f.do(t, "POST", "/api/v1/tokens", f.token[access.Admin], map[string]any{"name": "for coord", "user_id": coord.ID})
	if w.Code != 201 || decodeAs[newToken](t, w).UserID != coord.ID {
		t.Fatalf("admin makes a token for a user: %d %s", w.Code, w.Body)
	}
	w = f.do(t, "GET", fmt.Sprintf("/api/v1/tokens?user_id=%d", coord.ID), f.token[access.Admin], nil)
	if l := decodeAs[list[accounts.Token]](t, w); len(l.Items) != 2 {
		t.Fatalf("admin lists a user's tokens: %s", w.Body)
	}
}

func TestMeAndTheUsersLanguage(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	m := decodeAs[me](t, f.do(t, "GET", "/api/v1/me", f.token[access.Coordinator], nil))
	if m.Email != testworld.Email(access.Coordinator) || !slices.Contains(m.Actions, access.ManageOrgs) || slices.Contains(m.Actions, access.ManageUsers) {
		t.Fatalf("me: %+v", m)
	}
	check(t, f.svc.Accounts.SetLocale(t.Context(), f.users[access.Sponsor].ID, "kk"))
	w := f.do(t, "GET", "/api/v1/users", f.token[access.Sponsor], nil, "Accept-Language", "en")
	if p := decodeAs[problem](t, w); p.Detail != f.svc.Catalog.Localizer("kk").T("error.forbidden") {
		t.Fatalf("the user's language loses to the header: %+v", p)
	}
}

func TestInternalErrorsStayInside(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	check(t, f.db.Close())
	w := f.do(t, "GET", "/api/v1/me", f.token[access.Admin], nil, "Accept-Language", "en")
	p := decodeAs[problem](t, w)
	if w.Code != 500 || p.Type != "about:blank" || p.Detail != "Something went wrong on our side. Please try again later." {
		t.Fatalf("internal error: %d %s", w.Code, w.Body)
	}
	if !strings.Contains(f.logs.String(), "closed") {
		t.Fatalf("the cause was not logged: %s", f.logs)
	}
}
