package accounts_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestLoginAnswersAlikeForUnknownAndWrong(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := setup(t, db)
		ctx := context.Background()
		f.mustCreate(t, accounts.NewUser{Email: "op@example.org", Name: "Op", Role: access.Operator, Password: "operator-secret-1"})
		if u, err := f.svc.Authenticate(ctx, " OP@example.org", "operator-secret-1", "10.0.0.1"); err != nil || u.Email != "op@example.org" {
			t.Fatalf("right password: %v", err)
		}
		_, wrong := f.svc.Authenticate(ctx, "op@example.org", "nope-nope-nope", "10.0.0.1")
		_, unknown := f.svc.Authenticate(ctx, "ghost@example.org", "nope-nope-nope", "10.0.0.1")
		if !errors.Is(wrong, accounts.ErrBadCredentials) || !errors.Is(unknown, accounts.ErrBadCredentials) {
			t.Fatalf("wrong password: %v; unknown user: %v — want the same generic error", wrong, unknown)
		}
	})
}

func TestLockOutAfterRepeatedFailures(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := setup(t, db)
		ctx := context.Background()
		f.mustCreate(t, accounts.NewUser{Email: "op@example.org", Name: "Op", Role: access.Operator, Password: "operator-secret-1"})
		for _, email := range []string{"op@example.org", "ghost@example.org"} {
			for i := range accounts.MaxFailures {
				if _, err := f.svc.Authenticate(ctx, email, "wrong-password", "10.0.0.2"); !errors.Is(err, accounts.ErrBadCredentials) {
					t.Fatalf("%s attempt %d: %v", email, i+1, err)
				}
			}
			_, err := f.svc.Authenticate(ctx, email, "operator-secret-1", "10.0.0.3")
			e := errs.As(err)
			if e == nil || e.Code != errs.RateLimited || e.Key != "login.locked" || e.Args[1] != 15 {
				t.Fatalf("%s after %d failures: %v, want a 15-minute lock", email, accounts.MaxFailures, err)
			}
		}
		f.clock.advance(accounts.LockDuration + time.Second)
		if _, err := f.svc.Authenticate(ctx, "op@example.org", "operator-secret-1", "10.0.0.3"); err != nil {
			t.Fatalf("after the lock expired: %v", err)
		}
	})
}

func TestDeactivatedUserCannotLogIn(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := setup(t, db)
		ctx := context.Background()
		admin := f.mustCreate(t, accounts.NewUser{Email: "root@example.org", Name: "Root", Role: access.Admin})
		op := f.mustCreate(t, accounts.NewUser{Email: "op@example.org", Name: "Op", Role: access.Operator, Password: "operator-secret-1"})
		if _, err := f.svc.Update(ctx, admin.Principal(), op.ID, accounts.Changes{Name: "Op", Role: access.Operator, Active: false}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.Authenticate(ctx, "op@example.org", "operator-secret-1", "10.0.0.1"); !errors.Is(err, accounts.ErrBadCredentials) {
			t.Fatalf("deactivated user logged in: %v", err)
		}
		if err := f.svc.SetPassword(ctx, admin.Principal(), op.ID, "short"); errs.CodeOf(err) != errs.Invalid {
			t.Fatalf("short reset password accepted: %v", err)
		}
	})
}

func TestAdminPasswordReset(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := setup(t, db)
		ctx := context.Background()
		admin := f.mustCreate(t, accounts.NewUser{Email: "root@example.org", Name: "Root", Role: access.Admin})
		op := f.mustCreate(t, accounts.NewUser{Email: "op@example.org", Name: "Op", Role: access.Operator, Password: "operator-secret-1"})
		if err := f.svc.SetPassword(ctx, admin.Principal(), op.ID, "a brand new secret"); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.Authenticate(ctx, "op@example.org", "operator-secret-1", "10.0.0.1"); err == nil {
			t.Fatal("old password still works")
		}
		if _, err := f.svc.Authenticate(ctx, "op@example.org", "a brand new secret", "10.0.0.1"); err != nil {
			t.Fatalf("new password: %v", err)
		}
		if err := f.svc.SetPassword(ctx, op.Principal(), admin.ID, "taking over now"); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("operator reset the admin's password: %v", err)
		}
	})
}
