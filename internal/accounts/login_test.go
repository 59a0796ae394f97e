package accounts_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
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

// TestParallelWrongPasswordsCheckAtMostTheLimit fires 100 wrong passwords
// for one e-mail at once, then 100 for as many e-mails from one address:
// only as many passwords may be checked as the throttle allows (a wrong
// password that was checked answers ErrBadCredentials, one that was not
// answers RateLimited), and the right password is refused afterwards.
func TestParallelWrongPasswordsCheckAtMostTheLimit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := setup(t, db)
		f.mustCreate(t, accounts.NewUser{Email: "op@example.org", Name: "Op", Role: access.Operator, Password: "operator-secret-1"})
		// A check that takes a few milliseconds, as a real one takes more,
		// so that many logins are in flight at once.
		var err error
		f.svc, err = accounts.New(db, f.log, accounts.NewHasher(accounts.Params{Memory: 4 * 1024, Time: 1, Threads: 1}, 2), f.clock.now)
		if err != nil {
			t.Fatal(err)
		}
		checked := burst(t, f, func(i int) (string, string) {
			return "op@example.org", fmt.Sprintf("10.1.%d.%d", i/250, i%250)
		})
		if checked == 0 || checked > accounts.MaxFailures {
			t.Errorf("one e-mail from 100 addresses: %d passwords checked, want 1 to %d", checked, accounts.MaxFailures)
		}
		_, err = f.svc.Authenticate(context.Background(), "op@example.org", "operator-secret-1", "10.2.0.1")
		if errs.CodeOf(err) != errs.RateLimited {
			t.Errorf("right password during the lock-out: %v, want it refused", err)
		}

		checked = burst(t, f, func(i int) (string, string) { return fmt.Sprintf("guess%d@example.org", i), "10.3.0.1" })
		if limit := accounts.MaxFailures * 4; checked == 0 || checked > limit {
			t.Errorf("100 e-mails from one address: %d passwords checked, want 1 to %d", checked, limit)
		}
	})
}

// burst runs 100 wrong logins at once, the i-th for the e-mail and address
// that who(i) names, and counts the passwords that were checked.
func burst(t *testing.T, f fixture, who func(i int) (email, ip string)) int {
	t.Helper()
	var wg sync.WaitGroup
	results := make([]error, 100)
	for i := range results {
		wg.Go(func() {
			email, ip := who(i)
			_, results[i] = f.svc.Authenticate(context.Background(), email, "wrong-password", ip)
		})
	}
	wg.Wait()
	checked := 0
	for _, err := range results {
		switch {
		case errors.Is(err, accounts.ErrBadCredentials):
			checked++
		case errs.CodeOf(err) != errs.RateLimited:
			t.Fatalf("wrong password: %v", err)
		}
	}
	return checked
}

// TestRightPasswordsLeaveTheAddressOpen: an office behind one address logs
// in many times a day; successes give their attempt back, so only wrong
// passwords count towards the address's limit, and a right password clears
// the e-mail's count.
func TestRightPasswordsLeaveTheAddressOpen(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := setup(t, db)
		ctx := context.Background()
		f.mustCreate(t, accounts.NewUser{Email: "op@example.org", Name: "Op", Role: access.Operator, Password: "operator-secret-1"})
		// Five rounds of three wrong passwords and six right ones: 15 wrong
		// passwords, under the address's 20, and 30 logins.
		for i := range 45 {
			if i%9 < 3 {
				if _, err := f.svc.Authenticate(ctx, "op@example.org", "wrong-password", "10.0.0.9"); !errors.Is(err, accounts.ErrBadCredentials) {
					t.Fatalf("attempt %d, wrong password: %v", i+1, err)
				}
				continue
			}
			if _, err := f.svc.Authenticate(ctx, "op@example.org", "operator-secret-1", "10.0.0.9"); err != nil {
				t.Fatalf("attempt %d, right password: %v", i+1, err)
			}
		}
	})
}
