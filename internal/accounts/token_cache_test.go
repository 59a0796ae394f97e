package accounts_test

import (
	"context"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// A token's lookup is kept for a moment, but a change to its user made
// through the service is seen by the very next request: a new role, and
// a deactivation that refuses the token.
func TestTokenLookupSeesUserChangesAtOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := setup(t, db)
		ctx := context.Background()
		op := f.mustCreate(t, accounts.NewUser{Email: "op@example.org", Name: "Op", Role: access.Operator})
		secret, _, err := f.svc.CreateToken(ctx, op.Principal(), op.ID, "laptop")
		if err != nil {
			t.Fatal(err)
		}
		if u, err := f.svc.AuthenticateToken(ctx, secret); err != nil || u.Role != access.Operator {
			t.Fatalf("token authenticates %v, %v", u.Role, err)
		}
		c := accounts.Changes{Name: op.Name, Role: access.Volunteer, OrgID: op.OrgID, Region: op.RegionCode, Locale: op.Locale, Active: true}
		if _, err := f.svc.Update(ctx, access.System, op.ID, c); err != nil {
			t.Fatal(err)
		}
		if u, err := f.svc.AuthenticateToken(ctx, secret); err != nil || u.Role != access.Volunteer {
			t.Fatalf("after the change of role the token authenticates a %v, %v", u.Role, err)
		}
		c.Active = false
		if _, err := f.svc.Update(ctx, access.System, op.ID, c); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.AuthenticateToken(ctx, secret); errs.CodeOf(err) != errs.Unauthenticated {
			t.Fatalf("a deactivated user's token still works: %v", err)
		}
	})
}

// A revocation this service did not make (another process's, written to
// the database) is seen once the lookup expires, within a second.
func TestTokenLookupExpires(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := setup(t, db)
		ctx := context.Background()
		op := f.mustCreate(t, accounts.NewUser{Email: "op@example.org", Name: "Op", Role: access.Operator})
		secret, tok, err := f.svc.CreateToken(ctx, op.Principal(), op.ID, "laptop")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.AuthenticateToken(ctx, secret); err != nil {
			t.Fatal(err)
		}
		q := store.Rebind(db.Engine, "UPDATE api_tokens SET revoked_at = $2 WHERE id = $1")
		if _, err := db.W.ExecContext(ctx, q, tok.ID, f.clock.now()); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.AuthenticateToken(ctx, secret); err != nil {
			t.Fatalf("the lookup was not kept: %v", err)
		}
		f.clock.advance(1100 * time.Millisecond)
		if _, err := f.svc.AuthenticateToken(ctx, secret); errs.CodeOf(err) != errs.Unauthenticated {
			t.Fatalf("a token revoked elsewhere still works after a second: %v", err)
		}
	})
}
