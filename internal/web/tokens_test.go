package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/errs"
)

func TestTokenSecretShownOnce(t *testing.T) {
	f := newFixture(t)
	c := f.login(t, "coord@example.org")
	r := c.post("/tokens", url.Values{"name": {"Reports script"}})
	if r.status != http.StatusCreated {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	m := regexp.MustCompile(`class="secret"[^>]*><code>(jol_[a-z0-9]+)</code>`).FindStringSubmatch(r.body)
	if m == nil || !strings.Contains(r.body, "will not be shown again") {
		t.Fatalf("no secret on the page:\n%s", r.body)
	}
	secret := m[1]
	ctx := context.Background()
	if _, err := f.svc.Accounts.AuthenticateToken(ctx, secret); err != nil {
		t.Fatalf("the secret shown does not work: %v", err)
	}
	list := c.get("/tokens")
	if list.status != http.StatusOK || strings.Contains(list.body, secret) || !strings.Contains(list.body, "Reports script") ||
		!strings.Contains(list.body, secret[:10]+"…") {
		t.Fatalf("list: %d, secret leaked or token missing", list.status)
	}
	tokens := must(f.svc.Accounts.Tokens(ctx, f.coord.Principal(), f.coord.ID))
	id := itoa(tokens[0].ID)
	if !strings.Contains(list.body, `action="/tokens/`+id+`/revoke"`) {
		t.Fatal("no revoke button")
	}
	r = c.post("/tokens/"+id+"/revoke", url.Values{"next": {"/tokens"}})
	if r.status != http.StatusSeeOther || r.location != "/tokens" {
		t.Fatalf("revoke: %d %s", r.status, r.location)
	}
	if _, err := f.svc.Accounts.AuthenticateToken(ctx, secret); errs.CodeOf(err) != errs.Unauthenticated {
		t.Fatalf("revoked token still works: %v", err)
	}
	if list = c.get("/tokens"); strings.Contains(list.body, `action="/tokens/`+id+`/revoke"`) || !strings.Contains(list.body, "Revoked.") {
		t.Fatal("revoked token still offers a revoke button, or no flash")
	}
	if r = c.post("/tokens", url.Values{"name": {"  "}}); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `id="name-error"`) {
		t.Fatalf("empty name: %d", r.status)
	}
}

func TestAdminRevokesAUsersToken(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	secret, tok := must2(f.svc.Accounts.CreateToken(ctx, f.coord.Principal(), f.coord.ID, "Phone"))
	admin := f.login(t, "admin@example.org")
	page := admin.get("/admin/users/" + itoa(f.coord.ID))
	if !strings.Contains(page.body, "Phone") || strings.Contains(page.body, secret) {
		t.Fatal("the user's page does not list the token, or shows its secret")
	}
	back := "/admin/users/" + itoa(f.coord.ID)
	if r := admin.post("/tokens/"+itoa(tok.ID)+"/revoke", url.Values{"next": {back}}); r.status != http.StatusSeeOther || r.location != back {
		t.Fatalf("revoke: %d %s", r.status, r.location)
	}
	if _, err := f.svc.Accounts.AuthenticateToken(ctx, secret); err == nil {
		t.Fatal("token still works")
	}
	other := f.login(t, "coord@example.org")
	s2, t2 := must2(f.svc.Accounts.CreateToken(ctx, f.admin.Principal(), f.admin.ID, "Admin's"))
	// Someone else's token is forbidden or, so that ids reveal nothing, not found.
	if r := other.post("/tokens/"+itoa(t2.ID)+"/revoke", nil); r.status != http.StatusForbidden && r.status != http.StatusNotFound {
		t.Fatalf("coordinator revokes the admin's token: %d", r.status)
	}
	if _, err := f.svc.Accounts.AuthenticateToken(ctx, s2); err != nil {
		t.Fatal(err)
	}
}
