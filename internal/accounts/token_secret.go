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
func (s *Service) AuthenticateToken(ctx context.Context, secret string) (User, error) {
	var id, userID int64
	var revoked, used sql.NullTime
	row := s.db.R.QueryRowContext
	if s.tokenUser != nil {
		row = func(ctx context.Context, _ string, args ...any) *sql.Row {
			return s.tokenUser.QueryRowContext(ctx, args...)
		}
	}
	err := row(ctx, s.q.SelectTokenUser, hashToken(secret)).Scan(&id, &userID, &revoked, &used)
	if errors.Is(err, sql.ErrNoRows) || revoked.Valid {
		return User{}, errs.New(errs.Unauthenticated, "error.unauthenticated")
	}
	if err != nil {
		return User{}, err
	}
	var u User
	if s.userByID != nil {
		u, err = scanUser(s.userByID.QueryRowContext(ctx, userID))
	} else {
		u, err = s.get(ctx, s.db.R, userID)
	}
	if err != nil || !u.Active {
		return User{}, errs.New(errs.Unauthenticated, "error.unauthenticated")
	}
	// Record use at most once a minute: a busy client must not turn every
	// read into a write.
	if now := s.now().UTC(); !used.Valid || now.Sub(used.Time) > time.Minute {
		if _, err := s.db.W.ExecContext(ctx, s.q.TouchToken, id, now); err != nil {
			return User{}, err
		}
	}
	return u, nil
}
