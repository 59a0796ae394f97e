package accounts_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestTokenLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := setup(t, db)
		ctx := context.Background()
		op := f.mustCreate(t, accounts.NewUser{Email: "op@example.org", Name: "Op", Role: access.Operator})
		other := f.mustCreate(t, accounts.NewUser{Email: "vol@example.org", Name: "Vol", Role: access.Volunteer})
		secret, tok, err := f.svc.CreateToken(ctx, op.Principal(), op.ID, "laptop")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(secret, accounts.TokenPrefix) || !strings.HasPrefix(secret, tok.Prefix) || len(secret) < 36 {
			t.Fatalf("secret %q, prefix %q", secret, tok.Prefix)
		}
		var stored int
		if err := db.R.QueryRowContext(ctx, store.Rebind(db.Engine, "SELECT count(*) FROM api_tokens WHERE hash = $1 OR prefix = $1"), secret).Scan(&stored); err != nil || stored != 0 {
			t.Fatalf("the secret is stored in clear (%d rows, %v)", stored, err)
		}
		u, err := f.svc.AuthenticateToken(ctx, secret)
		if err != nil || u.ID != op.ID {
			t.Fatalf("token authenticates %v, %v", u.ID, err)
		}
		if _, err := f.svc.AuthenticateToken(ctx, secret+"x"); errs.CodeOf(err) != errs.Unauthenticated {
			t.Fatalf("tampered token: %v", err)
		}
		if err := f.svc.RevokeToken(ctx, other.Principal(), tok.ID); errs.CodeOf(err) != errs.NotFound {
			t.Fatalf("another user revoked the token: %v", err)
		}
		list, err := f.svc.Tokens(ctx, op.Principal(), op.ID)
		if err != nil || len(list) != 1 || list[0].LastUsedAt == nil {
			t.Fatalf("tokens = %+v, %v (want one, with last use)", list, err)
		}
		if err := f.svc.RevokeToken(ctx, op.Principal(), tok.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.AuthenticateToken(ctx, secret); errs.CodeOf(err) != errs.Unauthenticated {
			t.Fatalf("revoked token still works: %v", err)
		}
	})
}

func TestSessionStore(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := setup(t, db)
		ctx := context.Background()
		st := f.svc.Sessions()
		now := f.clock.now()
		if err := st.CommitCtx(ctx, "tok1", []byte("data"), now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := st.CommitCtx(ctx, "tok1", []byte("data2"), now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		b, ok, err := st.FindCtx(ctx, "tok1")
		if err != nil || !ok || string(b) != "data2" {
			t.Fatalf("find = %q %v %v", b, ok, err)
		}
		f.clock.advance(2 * time.Hour)
		if _, ok, _ := st.FindCtx(ctx, "tok1"); ok {
			t.Fatal("expired session found")
		}
		if n, err := st.DeleteExpired(ctx); err != nil || n != 1 {
			t.Fatalf("DeleteExpired = %d, %v", n, err)
		}
	})
}
