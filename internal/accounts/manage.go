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

// Get returns a user p may manage, or p themselves.
func (s *Service) Get(ctx context.Context, p access.Principal, id int64) (User, error) {
	u, err := s.get(ctx, s.db.R, id)
	if err != nil {
		return User{}, err
	}
	if id != p.UserID {
		if err := access.Can(p, access.ManageUsers, u.Target()); err != nil {
			return User{}, err
		}
	}
	return u, nil
}

// Lookup returns a user by id without an access check, for wiring the
// current session or token to its user. Never show its result to anyone
// but that user.
func (s *Service) Lookup(ctx context.Context, id int64) (User, error) { return s.get(ctx, s.db.R, id) }

func (s *Service) get(ctx context.Context, q store.Querier, id int64) (User, error) {
	u, err := scanUser(q.QueryRowContext(ctx, s.q.SelectUser, id))
	if err == sql.ErrNoRows {
		return User{}, errs.New(errs.NotFound, "error.not_found")
	}
	return u, err
}

// Filter narrows a list of users.
type Filter struct {
	Role  access.Role
	Query string // part of the name or e-mail
}

// List returns the users p may manage, newest first.
func (s *Service) List(ctx context.Context, p access.Principal, f Filter, pg store.Page) ([]User, string, error) {
	if err := access.Can(p, access.ManageUsers, p.Scope()); err != nil {
		return nil, "", err
	}
	like := ""
	if q := strings.ToLower(strings.TrimSpace(f.Query)); q != "" {
		like = "%" + q + "%"
	}
	rows, err := s.db.R.QueryContext(ctx, s.q.ListUsers, pg.BeforeArg(), p.OrgPath+"%", p.RegionPath+"%",
		string(f.Role), like, pg.LimitArg())
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, "", err
		}
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	out, next := store.Trim(pg, out, func(u User) int64 { return u.ID })
	return out, next, nil
}

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
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q.UpdateUser, id, after.Name, after.Role, nullID(after.OrgID),
			nullID(after.RegionID), after.Locale, after.Active, s.now().UTC())
		if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "update", Entity: "user", EntityID: strconv.FormatInt(id, 10),
			OrgPath: after.OrgPath, Before: before.auditView(), After: after.auditView()})
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
			EntityID: strconv.FormatInt(id, 10), OrgPath: u.OrgPath})
	})
}

// SetLocale records a user's language choice.
func (s *Service) SetLocale(ctx context.Context, id int64, locale string) error {
	_, err := s.db.W.ExecContext(ctx, s.q.UpdateLocale, id, locale, s.now().UTC())
	return err
}

// Count returns how many users exist; 0 means the installation is new and
// the one-time set-up page is open.
func (s *Service) Count(ctx context.Context) (int, error) {
	var n int
	err := s.db.R.QueryRowContext(ctx, s.q.CountUsers).Scan(&n)
	return n, err
}

// LookupEmail returns a user by e-mail without an access check, for the
// command line run by the installation's operator.
func (s *Service) LookupEmail(ctx context.Context, email string) (User, error) {
	u, err := scanUser(s.db.R.QueryRowContext(ctx, s.q.SelectUserByEmail, NormalizeEmail(email)))
	if err == sql.ErrNoRows {
		return User{}, errs.New(errs.NotFound, "error.not_found")
	}
	return u, err
}
