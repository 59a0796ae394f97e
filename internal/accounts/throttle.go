package accounts

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"time"

	"github.com/jolproject/jol/internal/errs"
)

// throttleKey is what logins are counted against, an e-mail or a client
// address, with the attempts it allows per window.
type throttleKey struct {
	key   string
	limit int
}

// throttleRow is a key's count: the attempts of this window, those whose
// password is still being checked included, and the lock-out if any.
type throttleRow struct {
	attempts int
	start    time.Time
	until    sql.NullTime
}

func (r throttleRow) locked(now time.Time) bool { return r.until.Valid && r.until.Time.After(now) }

// lockThrottle reads key's row inside tx and holds it until tx ends: the
// upsert takes PostgreSQL's row lock, and SQLite's write lock is held from
// BEGIN, so no other login can read the count between this read and the
// caller's write. A finished window or lock-out reads as a fresh count.
func (s *Service) lockThrottle(ctx context.Context, tx *sql.Tx, key string, now time.Time) (throttleRow, error) {
	var r throttleRow
	if err := tx.QueryRowContext(ctx, s.q.LockThrottle, key, now).Scan(&r.attempts, &r.start, &r.until); err != nil {
		return r, fmt.Errorf("login throttle %s: %w", key, err)
	}
	if lockEnded := r.until.Valid && !r.locked(now); lockEnded || (!r.until.Valid && now.Sub(r.start) > FailureWindow) {
		r = throttleRow{start: now}
	}
	return r, nil
}

func (s *Service) saveThrottle(ctx context.Context, tx *sql.Tx, key string, r throttleRow) error {
	if _, err := tx.ExecContext(ctx, s.q.SaveThrottle, key, r.attempts, r.start, r.until); err != nil {
		return fmt.Errorf("login throttle %s: %w", key, err)
	}
	return nil
}

// reserve takes one attempt from every key before the password is checked,
// or none when a key is locked or all its attempts are taken. Deciding and
// counting in one transaction is what bounds the checks: a burst of
// parallel logins cannot all pass the test before any of them is counted.
func (s *Service) reserve(ctx context.Context, keys []throttleKey) error {
	now := s.now().UTC()
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		rows := make([]throttleRow, len(keys))
		for i, k := range keys {
			r, err := s.lockThrottle(ctx, tx, k.key, now)
			if err != nil {
				return err
			}
			if r.locked(now) {
				return lockedOut(r.until.Time.Sub(now))
			}
			if r.attempts >= k.limit {
				// Attempts still in flight hold the last places; when they
				// fail the lock-out begins.
				return lockedOut(LockDuration)
			}
			rows[i] = r
		}
		for i, k := range keys {
			rows[i].attempts++
			if err := s.saveThrottle(ctx, tx, k.key, rows[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// failed starts the lock-out of every key whose attempts have reached its
// limit. The attempt itself was counted by reserve.
func (s *Service) failed(ctx context.Context, keys []throttleKey) error {
	now := s.now().UTC()
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		for _, k := range keys {
			r, err := s.lockThrottle(ctx, tx, k.key, now)
			if err != nil {
				return err
			}
			if r.attempts < k.limit || r.locked(now) {
				continue
			}
			r.until = sql.NullTime{Time: now.Add(LockDuration), Valid: true}
			if err := s.saveThrottle(ctx, tx, k.key, r); err != nil {
				return err
			}
		}
		return nil
	})
}

// succeeded clears the e-mail's count (keys[0]) and gives back the
// attempt the login took from the others, unless a lock-out has begun in
// the meantime: a lock taken by failures checked at the same time stands.
func (s *Service) succeeded(ctx context.Context, keys []throttleKey) error {
	now := s.now().UTC()
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		for i, k := range keys {
			r, err := s.lockThrottle(ctx, tx, k.key, now)
			if err != nil {
				return err
			}
			if r.locked(now) {
				continue
			}
			r.attempts = max(0, r.attempts-1)
			if i == 0 { // the right password clears the e-mail's count
				r = throttleRow{start: now}
			}
			if err := s.saveThrottle(ctx, tx, k.key, r); err != nil {
				return err
			}
		}
		return nil
	})
}

func lockedOut(left time.Duration) error {
	return errs.New(errs.RateLimited, "login.locked", "Minutes", int(math.Ceil(left.Minutes())))
}
