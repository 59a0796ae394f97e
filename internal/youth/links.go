package youth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// A young person has no account: their secret link is their key to their
// own page. The token is 32 random bytes, written as 43 characters of
// unpadded base64url, handed to them once and stored only as its SHA-256,
// so a copy of the database opens no one's page.
const (
	tokenBytes = 32
	// TokenLen is the length of a link's token.
	TokenLen = 43
)

// Link issues young person id a new secret link and returns its token,
// which is shown once and never again: the link issued before stops
// working. p needs ManageYouth over the young person (a coordinator
// re-issues a lost link). The re-issue is written to the change log,
// without the token.
func (s *Service) Link(ctx context.Context, p access.Principal, id int64) (string, error) {
	if err := access.Can(p, access.ManageYouth, p.Scope()); err != nil {
		return "", err
	}
	var token string
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		y, err := s.byID(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := access.Can(p, access.ManageYouth, y.Target()); err != nil {
			return err
		}
		if token, err = s.issue(ctx, tx, id, p.UserID); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "issue", Entity: "youth", EntityID: itoa(id),
			OrgPath: y.OrgPath, RegionPath: y.RegionPath})
	})
	return token, err
}

// LinkIssued is when young person id's link was last issued; zero when
// they have none. p needs ViewYouth over them.
func (s *Service) LinkIssued(ctx context.Context, p access.Principal, id int64) (time.Time, error) {
	y, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return time.Time{}, err
	}
	if err := access.Can(p, access.ViewYouth, y.Target()); err != nil {
		return time.Time{}, err
	}
	var at time.Time
	err = s.db.R.QueryRowContext(ctx, s.q.LinkIssued, id).Scan(&at)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, nil
	}
	return at.UTC(), err
}

// ByLink returns the young person whose secret link token is, unmasked:
// the link is theirs, and their own page shows them their own contacts.
// A token of the wrong shape, an unknown one and a replaced one are all
// errs.ErrNotFound, alike. The token is looked up by its hash, so the
// database never compares the secret itself, and the hash found is
// compared again in constant time. Throttling the callers is the
// surface's work, as for every public page.
func (s *Service) ByLink(ctx context.Context, token string) (Youth, error) {
	if len(token) != TokenLen {
		return Youth{}, errs.ErrNotFound
	}
	if _, err := base64.RawURLEncoding.DecodeString(token); err != nil {
		return Youth{}, errs.ErrNotFound
	}
	want := hashToken(token)
	var id int64
	var got string
	err := s.db.R.QueryRowContext(ctx, s.q.LinkByHash, want).Scan(&id, &got)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1) {
		return Youth{}, errs.ErrNotFound
	}
	if err != nil {
		return Youth{}, err
	}
	return s.byID(ctx, s.db.R, id)
}

// issue writes a new link for young person id in tx, issued by user by
// (0 at registration), and returns its token.
func (s *Service) issue(ctx context.Context, tx *sql.Tx, id, by int64) (string, error) {
	b := make([]byte, tokenBytes)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	token := base64.RawURLEncoding.EncodeToString(b)
	_, err := tx.ExecContext(ctx, s.q.UpsertLink, id, hashToken(token), s.now().UTC(), store.NullID(by))
	return token, err
}

// hashToken is what the database keeps of a token.
func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
