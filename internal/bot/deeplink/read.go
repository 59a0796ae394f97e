package deeplink

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// ErrDisabled is returned by Resolve for a link that was disabled.
var ErrDisabled = errs.New(errs.Conflict, "bot.link_disabled")

// List returns one page of the links within p's scope, newest first, the
// targets named in locale, with the cursor of the next page.
func (s *Service) List(ctx context.Context, p access.Principal, locale string, pg store.Page) ([]Link, string, error) {
	if err := access.Can(p, access.ManageBotLinks, p.Scope()); err != nil {
		return nil, "", err
	}
	rows, err := store.Select(ctx, s.db.R, scanLink, s.q.Links,
		store.Args(p.ScopeArgs(), []any{locale, pg.BeforeArg(), pg.LimitArg(), pg.SkipArg()})...)
	if err != nil {
		return nil, "", err
	}
	list, next := store.Trim(pg, rows, func(l Link) int64 { return l.ID })
	return list, next, nil
}

// Count counts the links within p's scope, up to store.CountCap.
func (s *Service) Count(ctx context.Context, p access.Principal) (store.Count, error) {
	if err := access.Can(p, access.ManageBotLinks, p.Scope()); err != nil {
		return store.Count{}, err
	}
	var n int
	if err := s.db.R.QueryRowContext(ctx, s.q.Count, store.Args(p.ScopeArgs(), []any{store.CountArg()})...).Scan(&n); err != nil {
		return store.Count{}, err
	}
	return store.Counted(n), nil
}

// Get returns link id, its target named in locale, if it lies within p's
// scope.
func (s *Service) Get(ctx context.Context, p access.Principal, id int64, locale string) (Link, error) {
	if err := access.Can(p, access.ManageBotLinks, p.Scope()); err != nil {
		return Link{}, err
	}
	l, err := s.byID(ctx, s.db.R, id, locale)
	if err != nil {
		return Link{}, err
	}
	if !access.Within(p, l.Scope()) {
		return Link{}, errs.ErrNotFound
	}
	return l, nil
}

// Resolve finds the link of key for the bot, its target named in locale,
// in q (the update's transaction). A key that is no key, or no link's,
// is not found; a disabled link is ErrDisabled. Anyone who has the key
// may resolve it: it is printed on posters.
func (s *Service) Resolve(ctx context.Context, q store.Querier, key, locale string) (Link, error) {
	if !plausible(key) {
		return Link{}, errs.ErrNotFound
	}
	var id int64
	if err := q.QueryRowContext(ctx, s.q.ByKey, key).Scan(&id); err != nil {
		return Link{}, store.NotFound(err)
	}
	l, err := s.byID(ctx, q, id, locale)
	if err == nil && !l.Active {
		return l, ErrDisabled
	}
	return l, err
}

// Named returns link id with its target named in locale, active or not,
// without a scope check: for the bot, which remembers the link a chat
// came from and never shows more of it than its poster does.
func (s *Service) Named(ctx context.Context, q store.Querier, id int64, locale string) (Link, error) {
	return s.byID(ctx, q, id, locale)
}

func (s *Service) byID(ctx context.Context, q store.Querier, id int64, locale string) (Link, error) {
	l, err := scanLink(q.QueryRowContext(ctx, s.q.ByID, id, locale))
	return l, store.NotFound(err)
}

func scanLink(sc store.Scanner) (Link, error) {
	var l Link
	var target sql.NullString
	var disabled sql.NullTime
	err := sc.Scan(&l.ID, &l.Key, &l.Kind, &l.TargetID, &l.Label, &l.Active, &l.CreatedBy, &l.CreatedAt, &disabled,
		&l.orgPath, &l.region, &target)
	if disabled.Valid {
		t := disabled.Time.UTC()
		l.Disabled = &t
	}
	l.CreatedAt = l.CreatedAt.UTC()
	l.Target = target.String
	return l, err
}
