package accounts

import (
	"context"
	"database/sql"
	"errors"
	"math"
	"time"

	"github.com/jolproject/jol/internal/errs"
)

// Throttle settings: after MaxFailures wrong passwords for one e-mail (or
// MaxFailures×4 from one address) within FailureWindow, logins for it are
// refused for LockDuration. Unknown e-mails are throttled like known ones,
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
// the minutes left in the lock-out.
func (s *Service) Authenticate(ctx context.Context, email, password, ip string) (User, error) {
	email = NormalizeEmail(email)
	keys := []throttleKey{{"email:" + email, MaxFailures}, {"ip:" + ip, MaxFailures * 4}}
	for _, k := range keys {
		if left, err := s.lockedFor(ctx, k.key); err != nil {
			return User{}, err
		} else if left > 0 {
			return User{}, errs.New(errs.RateLimited, "login.locked", "Minutes", int(math.Ceil(left.Minutes())))
		}
	}
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
		for _, k := range keys {
			if err := s.fail(ctx, k); err != nil {
				return User{}, err
			}
		}
		return User{}, ErrBadCredentials
	}
	if _, err := s.db.W.ExecContext(ctx, s.q.DeleteThrottle, keys[0].key); err != nil {
		return User{}, err
	}
	if _, err := s.db.W.ExecContext(ctx, s.q.TouchLogin, u.ID, s.now().UTC()); err != nil {
		return User{}, err
	}
	return u, nil
}

type throttleKey struct {
	key   string
	limit int
}

func (s *Service) lockedFor(ctx context.Context, key string) (time.Duration, error) {
	var failures int
	var start time.Time
	var until sql.NullTime
	err := s.db.R.QueryRowContext(ctx, s.q.SelectThrottle, key).Scan(&failures, &start, &until)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	if left := until.Time.Sub(s.now()); until.Valid && left > 0 {
		return left, nil
	}
	return 0, nil
}

// fail counts a failed attempt against k and starts a lock-out when the
// limit is reached within the window.
func (s *Service) fail(ctx context.Context, k throttleKey) error {
	now := s.now().UTC()
	var failures int
	var start time.Time
	var until sql.NullTime
	err := s.db.W.QueryRowContext(ctx, s.q.SelectThrottle, k.key).Scan(&failures, &start, &until)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && now.Sub(start) > FailureWindow) {
		failures, start, err = 0, now, nil
	}
	if err != nil {
		return err
	}
	failures++
	var lock sql.NullTime
	if failures >= k.limit {
		lock = sql.NullTime{Time: now.Add(LockDuration), Valid: true}
		failures, start = 0, now
	}
	_, err = s.db.W.ExecContext(ctx, s.q.UpsertThrottle, k.key, failures, start, lock)
	return err
}
