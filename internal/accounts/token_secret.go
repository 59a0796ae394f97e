package accounts

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base32"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
)

// TokenPrefix starts every API token, so a leaked one is easy to recognise.
const TokenPrefix = "jol_"

func hashToken(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// CreateToken makes a new API token for user id and returns its secret,
// which is shown once and stored only as a SHA-256 hash (the secret has
// 160 random bits, so a slow hash adds nothing).
func (s *Service) CreateToken(ctx context.Context, p access.Principal, userID int64, name string) (string, Token, error) {
	if err := s.mayManageTokensOf(ctx, p, userID); err != nil {
		return "", Token{}, err
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return "", Token{}, errs.Validation(errs.Field("name", "error.required", "Field", "name"))
	}
	if utf8.RuneCountInString(name) > 100 {
		return "", Token{}, errs.Validation(errs.Field("name", "error.too_long", "Field", "name", "Count", 100))
	}
	raw := make([]byte, 20)
	if _, err := rand.Read(raw); err != nil {
		return "", Token{}, err
	}
	secret := TokenPrefix + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(raw))
	prefix := secret[:len(TokenPrefix)+6]
	var id int64
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.q.InsertToken, userID, name, prefix, hashToken(secret), s.now().UTC()).Scan(&id); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "api_token", EntityID: strconv.FormatInt(id, 10),
			After: map[string]any{"user_id": userID, "name": name, "prefix": prefix}})
	})
	if err != nil {
		return "", Token{}, err
	}
	t, err := s.token(ctx, id)
	return secret, t, err
}

// AuthenticateToken returns the active user a bearer token belongs to.
// A lookup is kept for a moment (token_cache.go).
func (s *Service) AuthenticateToken(ctx context.Context, secret string) (User, error) {
	hash := hashToken(secret)
	now := s.now().UTC()
	e, gen, ok := s.tokens.get(hash, now)
	if !ok {
		var err error
		if e, err = s.lookupToken(ctx, hash); err != nil {
			return User{}, err
		}
		e.until = now.Add(tokenTTL)
	}
	// Record use at most once a minute: a busy client must not turn every
	// read into a write.
	if e.used.IsZero() || now.Sub(e.used) > time.Minute {
		if _, err := s.db.W.ExecContext(ctx, s.q.TouchToken, e.id, now); err != nil {
			return User{}, err
		}
		e.used, ok = now, false
	}
	if !ok {
		s.tokens.put(hash, e, gen)
	}
	return e.user, nil
}

// lookupToken reads the token of hash and its user from the database.
func (s *Service) lookupToken(ctx context.Context, hash string) (tokenEntry, error) {
	var e tokenEntry
	var userID int64
	var revoked, used sql.NullTime
	row := s.db.R.QueryRowContext
	if s.tokenUser != nil {
		row = func(ctx context.Context, _ string, args ...any) *sql.Row {
			return s.tokenUser.QueryRowContext(ctx, args...)
		}
	}
	err := row(ctx, s.q.SelectTokenUser, hash).Scan(&e.id, &userID, &revoked, &used)
	if errors.Is(err, sql.ErrNoRows) || revoked.Valid {
		return e, errs.New(errs.Unauthenticated, "error.unauthenticated")
	}
	if err != nil {
		return e, err
	}
	if s.userByID != nil {
		e.user, err = scanUser(s.userByID.QueryRowContext(ctx, userID))
	} else {
		e.user, err = s.get(ctx, s.db.R, userID)
	}
	if err != nil || !e.user.Active {
		return e, errs.New(errs.Unauthenticated, "error.unauthenticated")
	}
	e.used = used.Time
	return e, nil
}
