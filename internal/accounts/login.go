package accounts

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/errs"
)

// Throttle settings: after MaxFailures wrong passwords for one e-mail (or
// MaxFailures×4 from one address) within FailureWindow, logins for it are
// refused for LockDuration; logins whose password is still being checked
// hold their place in the count, so no more are checked at once. Unknown e-mails are throttled like known ones,
// so the lock-out reveals nothing about who has an account.
const (
	MaxFailures   = 5
	FailureWindow = 15 * time.Minute
	LockDuration  = 15 * time.Minute
)

// ErrBadCredentials is the one answer to a wrong e-mail, a wrong password
// or a deactivated account.
var ErrBadCredentials = errs.New(errs.Unauthenticated, "login.failed")

// Authenticate checks an e-mail and password from the client at ip and
// returns the user, ErrBadCredentials, or a RateLimited error carrying
// the minutes left in the lock-out. At most MaxFailures passwords are
// checked for one e-mail, and MaxFailures×4 from one address, per window,
// however many logins arrive at once.
func (s *Service) Authenticate(ctx context.Context, email, password, ip string) (User, error) {
	email = NormalizeEmail(email)
	keys := []throttleKey{{"email:" + email, MaxFailures}, {"ip:" + ip, MaxFailures * 4}}
	if err := s.reserve(ctx, keys); err != nil {
		return User{}, err
	}
	// The outcome is recorded even if the client hangs up meanwhile.
	done := context.WithoutCancel(ctx)
	u, err := scanUser(s.db.R.QueryRowContext(ctx, s.q.SelectUserByEmail, email))
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return User{}, err
	}
	// Verify even when the user does not exist, against a malformed hash
	// that costs the same: response time must not tell who has an account.
	ok, verr := s.hasher.Verify(ctx, password, u.hash)
	if verr != nil {
		return User{}, verr
	}
	if !ok || !u.Active || u.ID == 0 {
		if err := s.failed(done, keys); err != nil {
			return User{}, err
		}
		return User{}, ErrBadCredentials
	}
	if err := s.succeeded(done, keys); err != nil {
		return User{}, err
	}
	if _, err := s.db.W.ExecContext(done, s.q.TouchLogin, u.ID, s.now().UTC()); err != nil {
		return User{}, err
	}
	return u, nil
}
