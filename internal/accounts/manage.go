package accounts

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Changes is an edit of a user's profile, role and scope.
type Changes struct {
	Name   string
	Role   access.Role
	OrgID  int64
	Region string
	Locale string
	Active bool
}

// Update edits a user. p must manage both the user's current scope and
// the new one; nobody can deactivate or demote themselves, so an
// installation never loses its last way in by accident.
func (s *Service) Update(ctx context.Context, p access.Principal, id int64, c Changes) (User, error) {
	before, err := s.Get(ctx, p, id)
	if err != nil {
		return User{}, err
	}
	if err := access.Can(p, access.ManageUsers, before.Target()); err != nil {
		return User{}, err
	}
	if err := errs.Validation(validateUser(before.Email, c.Name, c.Role, c.Locale)...); err != nil {
		return User{}, err
	}
	if id == p.UserID && (!c.Active || c.Role != before.Role) {
		return User{}, errs.Validation(errs.Field("role", "error.self_demote"))
	}
	after := before
	after.Name, after.Role, after.OrgID, after.Locale, after.Active = strings.TrimSpace(c.Name), c.Role, c.OrgID, c.Locale, c.Active
	if err := s.resolveScope(ctx, &after, c.Region); err != nil {
		return User{}, err
	}
	if err := access.Can(p, access.ManageUsers, after.Target()); err != nil {
		return User{}, err
	}
	defer s.tokens.purge() // the user's tokens answer with the user as it was
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q.UpdateUser, id, after.Name, after.Role, store.NullID(after.OrgID),
			store.NullID(after.RegionID), after.Locale, after.Active, s.now().UTC())
		if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "update", Entity: "user", EntityID: strconv.FormatInt(id, 10),
			OrgPath: after.OrgPath, RegionPath: after.RegionPath, Before: before.auditView(), After: after.auditView()})
	})
	if err != nil {
		return User{}, fmt.Errorf("update user %d: %w", id, err)
	}
	return s.get(ctx, s.db.W, id)
}

// SetPassword sets a user's password: an admin resetting someone's, or a
// user changing their own.
func (s *Service) SetPassword(ctx context.Context, p access.Principal, id int64, password string) error {
	u, err := s.Get(ctx, p, id)
	if err != nil {
		return err
	}
	if utf8.RuneCountInString(password) < MinPasswordLength {
		return errs.Validation(errs.Field("password", "error.password_short", "Min", MinPasswordLength))
	}
	hash, err := s.hasher.Hash(ctx, password)
	if err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q.UpdatePassword, id, hash, s.now().UTC()); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "password", Entity: "user",
			EntityID: strconv.FormatInt(id, 10), OrgPath: u.OrgPath, RegionPath: u.RegionPath})
	})
}

// SetLocale records a user's language choice.
func (s *Service) SetLocale(ctx context.Context, id int64, locale string) error {
	defer s.tokens.purge()
	_, err := s.db.W.ExecContext(ctx, s.q.UpdateLocale, id, locale, s.now().UTC())
	return err
}
