package accounts

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Token is an API token as listed: never the secret itself.
type Token struct {
	ID         int64      `json:"id"`
	UserID     int64      `json:"user_id"`
	UserEmail  string     `json:"user_email"`
	Name       string     `json:"name"`
	Prefix     string     `json:"prefix"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at,omitempty"`
	RevokedAt  *time.Time `json:"revoked_at,omitempty"`
}

// mayManageTokensOf allows everyone their own tokens and admins the
// tokens of users in their scope.
func (s *Service) mayManageTokensOf(ctx context.Context, p access.Principal, userID int64) error {
	if userID == p.UserID {
		return access.Can(p, access.ManageOwnToken, access.Target{})
	}
	_, err := s.Get(ctx, p, userID)
	return err
}

// Tokens lists the tokens of user id (0: every user's, for an unscoped admin).
func (s *Service) Tokens(ctx context.Context, p access.Principal, userID int64) ([]Token, error) {
	if userID == 0 {
		if err := access.Can(p, access.ManageUsers, access.Target{}); err != nil {
			return nil, err
		}
	} else if err := s.mayManageTokensOf(ctx, p, userID); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, scanToken, s.q.ListTokens, userID)
}

// RevokeToken stops a token from working, at once.
func (s *Service) RevokeToken(ctx context.Context, p access.Principal, id int64) error {
	t, err := s.token(ctx, id)
	if err != nil {
		return err
	}
	if err := s.mayManageTokensOf(ctx, p, t.UserID); err != nil {
		// Someone else's token is "not found", so ids reveal nothing.
		return errs.ErrNotFound
	}
	defer s.tokens.purge()
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q.RevokeToken, id, s.now().UTC()); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "revoke", Entity: "api_token", EntityID: strconv.FormatInt(id, 10)})
	})
}

func (s *Service) token(ctx context.Context, id int64) (Token, error) {
	t, err := scanToken(s.db.R.QueryRowContext(ctx, s.q.SelectToken, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Token{}, errs.ErrNotFound
	}
	return t, err
}

func scanToken(sc store.Scanner) (Token, error) {
	var t Token
	var used, revoked sql.NullTime
	if err := sc.Scan(&t.ID, &t.UserID, &t.UserEmail, &t.Name, &t.Prefix, &t.CreatedAt, &used, &revoked); err != nil {
		return Token{}, err
	}
	if used.Valid {
		t.LastUsedAt = &used.Time
	}
	if revoked.Valid {
		t.RevokedAt = &revoked.Time
	}
	return t, nil
}
