package admin_test

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
	c := f.Login(t, "coord@example.org")
	r := c.Post("/tokens", url.Values{"name": {"Reports script"}})
	if r.Status != http.StatusCreated {
		t.Fatalf("create: %d %s", r.Status, r.Body)
	}
	m := regexp.MustCompile(`class="secret"[^>]*><code>(jol_[a-z0-9]+)</code>`).FindStringSubmatch(r.Body)
	if m == nil || !strings.Contains(r.Body, "will not be shown again") {
		t.Fatalf("no secret on the page:\n%s", r.Body)
	}
	secret := m[1]
	ctx := context.Background()
	if _, err := f.Svc.Accounts.AuthenticateToken(ctx, secret); err != nil {
		t.Fatalf("the secret shown does not work: %v", err)
	}
	list := c.Get("/tokens")
	if list.Status != http.StatusOK || strings.Contains(list.Body, secret) || !strings.Contains(list.Body, "Reports script") ||
		!strings.Contains(list.Body, secret[:10]+"…") {
		t.Fatalf("list: %d, secret leaked or token missing", list.Status)
	}
	tokens := must(f.Svc.Accounts.Tokens(ctx, f.Coord.Principal(), f.Coord.ID))
	id := itoa(tokens[0].ID)
	if !strings.Contains(list.Body, `action="/tokens/`+id+`/revoke"`) {
		t.Fatal("no revoke button")
	}
	r = c.Post("/tokens/"+id+"/revoke", url.Values{"next": {"/tokens"}})
	if r.Status != http.StatusSeeOther || r.Location != "/tokens" {
		t.Fatalf("revoke: %d %s", r.Status, r.Location)
	}
	if _, err := f.Svc.Accounts.AuthenticateToken(ctx, secret); errs.CodeOf(err) != errs.Unauthenticated {
		t.Fatalf("revoked token still works: %v", err)
	}
	if list = c.Get("/tokens"); strings.Contains(list.Body, `action="/tokens/`+id+`/revoke"`) || !strings.Contains(list.Body, "Revoked.") {
		t.Fatal("revoked token still offers a revoke button, or no flash")
	}
	if r = c.Post("/tokens", url.Values{"name": {"  "}}); r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="name-error"`) {
		t.Fatalf("empty name: %d", r.Status)
	}
}

func TestAdminRevokesAUsersToken(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	secret, tok := must2(f.Svc.Accounts.CreateToken(ctx, f.Coord.Principal(), f.Coord.ID, "Phone"))
	admin := f.Login(t, "admin@example.org")
	page := admin.Get("/admin/users/" + itoa(f.Coord.ID))
	if !strings.Contains(page.Body, "Phone") || strings.Contains(page.Body, secret) {
		t.Fatal("the user's page does not list the token, or shows its secret")
	}
	back := "/admin/users/" + itoa(f.Coord.ID)
	if r := admin.Post("/tokens/"+itoa(tok.ID)+"/revoke", url.Values{"next": {back}}); r.Status != http.StatusSeeOther || r.Location != back {
		t.Fatalf("revoke: %d %s", r.Status, r.Location)
	}
	if _, err := f.Svc.Accounts.AuthenticateToken(ctx, secret); err == nil {
		t.Fatal("token still works")
	}
	other := f.Login(t, "coord@example.org")
	s2, t2 := must2(f.Svc.Accounts.CreateToken(ctx, f.Admin.Principal(), f.Admin.ID, "Admin's"))
	// Someone else's token is forbidden or, so that ids reveal nothing, not found.
	if r := other.Post("/tokens/"+itoa(t2.ID)+"/revoke", nil); r.Status != http.StatusForbidden && r.Status != http.StatusNotFound {
		t.Fatalf("coordinator revokes the admin's token: %d", r.Status)
	}
	if _, err := f.Svc.Accounts.AuthenticateToken(ctx, s2); err != nil {
		t.Fatal(err)
	}
}
