package tournament

import (
	"context"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Get returns tournament id; p needs ViewTournaments where it is held.
func (s *Service) Get(ctx context.Context, p access.Principal, id int64) (Tournament, error) {
	t, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return Tournament{}, err
	}
	if err := access.Can(p, access.ViewTournaments, t.Target()); err != nil {
		return Tournament{}, err
	}
	return t, nil
}

// List returns a page of the tournaments within p's scope, newest first,
// and the cursor of the next page ("" after the last).
func (s *Service) List(ctx context.Context, p access.Principal, pg store.Page) ([]Tournament, string, error) {
	if err := access.Can(p, access.ViewTournaments, p.Scope()); err != nil {
		return nil, "", err
	}
	args := append(p.ScopeArgs(), pg.BeforeArg(), pg.LimitArg(), pg.SkipArg())
	out, err := store.Select(ctx, s.db.R, scanTournament, s.q.List, args...)
	if err != nil {
		return nil, "", err
	}
	out, next := store.Trim(pg, out, func(t Tournament) int64 { return t.ID })
	return out, next, nil
}

// Count is how many tournaments List pages through, up to store.CountCap.
func (s *Service) Count(ctx context.Context, p access.Principal) (store.Count, error) {
	if err := access.Can(p, access.ViewTournaments, p.Scope()); err != nil {
		return store.Count{}, err
	}
	var n int
	if err := s.db.R.QueryRowContext(ctx, s.q.Count, append(p.ScopeArgs(), store.CountArg())...).Scan(&n); err != nil {
		return store.Count{}, fmt.Errorf("count tournaments: %w", err)
	}
	return store.Counted(n), nil
}

func (s *Service) byID(ctx context.Context, q store.Querier, id int64) (Tournament, error) {
	t, err := scanTournament(q.QueryRowContext(ctx, s.q.ByID, id))
	return t, store.NotFound(err)
}

func scanTournament(sc store.Scanner) (Tournament, error) {
	var t Tournament
	r := &t.Rules
	err := sc.Scan(&t.ID, &t.OrgID, &t.OrgName, &t.OrgPath, &t.RegionID, &t.RegionCode, &t.RegionPath, &t.Name,
		&t.Prelims, &t.BreakSize, &t.Qualifiers, &r.Speakers, &r.MinScore, &r.MaxScore, &r.PanelSize, &t.Seed,
		&t.State, &t.Version, &t.CreatedAt, &t.UpdatedAt)
	t.CreatedAt, t.UpdatedAt = t.CreatedAt.UTC(), t.UpdatedAt.UTC()
	return t, err
}
