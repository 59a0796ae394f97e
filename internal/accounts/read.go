package accounts

import (
	"context"
	"database/sql"
	"strings"

	"github.com/jolproject/jol/internal/access"
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

// LookupIn is Lookup read in q, for a caller inside a transaction.
func (s *Service) LookupIn(ctx context.Context, q store.Querier, id int64) (User, error) {
	return s.get(ctx, q, id)
}

func (s *Service) get(ctx context.Context, q store.Querier, id int64) (User, error) {
	u, err := scanUser(q.QueryRowContext(ctx, s.q.SelectUser, id))
	if err == sql.ErrNoRows {
		return User{}, errs.ErrNotFound
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
	out, err := store.Select(ctx, s.db.R, scanUser, s.q.ListUsers, listArgs(p, f, pg)...)
	if err != nil {
		return nil, "", err
	}
	out, next := store.Trim(pg, out, func(u User) int64 { return u.ID })
	return out, next, nil
}

// ListCount is how many users List pages through for p and f, up to
// store.CountCap.
func (s *Service) ListCount(ctx context.Context, p access.Principal, f Filter) (store.Count, error) {
	if err := access.Can(p, access.ManageUsers, p.Scope()); err != nil {
		return store.Count{}, err
	}
	return store.CountRows(ctx, s.db.R, s.q.ListUsers, listArgs(p, f, store.Page{Limit: store.CountCap})...)
}

// listArgs binds ListUsers for p, f and pg.
func listArgs(p access.Principal, f Filter, pg store.Page) []any {
	like := ""
	if q := strings.ToLower(strings.TrimSpace(f.Query)); q != "" {
		like = "%" + q + "%"
	}
	return []any{pg.BeforeArg(), p.OrgPath + "%", p.RegionPath + "%", string(f.Role), like, pg.LimitArg(), pg.SkipArg()}
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
		return User{}, errs.ErrNotFound
	}
	return u, err
}
