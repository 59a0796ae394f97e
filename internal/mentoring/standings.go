package mentoring

import (
	"context"
	"embed"
	"io/fs"
	"slices"
	"sync"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Standings are the school standings of every mentor of a scope, read in
// three queries whatever their number: a shortlist over a pool of a
// thousand mentors asks Eligible of none of them. Of gives one mentor's.
type Standings struct {
	modules  []Module
	attended map[int64][]int64 // mentor → modules attended
	passed   map[int64]bool    // mentor → a final check passed
}

// Of is mentor id's standing, as standing reads it one by one: the
// required modules they attended no session of, and whether they passed
// a final check. A mentor of no session and no check misses every
// required module.
func (st Standings) Of(id int64) Standing {
	out := Standing{Passed: st.passed[id]}
	for _, m := range st.modules {
		if m.Required && !slices.Contains(st.attended[id], m.ID) {
			out.Missing = append(out.Missing, m)
		}
	}
	return out
}

// Standings reads the standings of the mentors within p's scope (their
// organisation and region subtrees); p needs ViewMentors.
func (s *Service) Standings(ctx context.Context, p access.Principal) (Standings, error) {
	if err := access.Can(p, access.ViewMentors, p.Scope()); err != nil {
		return Standings{}, err
	}
	q, err := bulkQueriesFor(s.db.Engine)
	if err != nil {
		return Standings{}, err
	}
	st := Standings{attended: map[int64][]int64{}, passed: map[int64]bool{}}
	if st.modules, err = store.Select(ctx, s.db.R, scanModule, s.q.Modules); err != nil {
		return Standings{}, err
	}
	pairs, err := store.Select(ctx, s.db.R, func(sc store.Scanner) ([2]int64, error) {
		var p [2]int64
		return p, sc.Scan(&p[0], &p[1])
	}, q.AttendedInScope, p.ScopeArgs()...)
	if err != nil {
		return Standings{}, err
	}
	for _, pr := range pairs {
		st.attended[pr[0]] = append(st.attended[pr[0]], pr[1])
	}
	passed, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (int64, error) {
		var id int64
		return id, sc.Scan(&id)
	}, q.PassedInScope, store.Args(p.ScopeArgs(), []any{Passed})...)
	for _, id := range passed {
		st.passed[id] = true
	}
	return st, err
}

// bulkQueries are the queries of standings/*.sql, kept apart from the
// package's own so this file binds them itself.
type bulkQueries struct {
	AttendedInScope, PassedInScope string
}

//go:embed standings/*.sql
var bulkFS embed.FS

// bound holds the bulk queries bound per engine.
var bound sync.Map // store.Engine → *bulkQueries

func bulkQueriesFor(e store.Engine) (*bulkQueries, error) {
	if q, ok := bound.Load(e); ok {
		return q.(*bulkQueries), nil
	}
	sub, err := fs.Sub(bulkFS, "standings")
	if err != nil {
		return nil, err
	}
	var q bulkQueries
	if err := store.BindQueries(&q, sub, e); err != nil {
		return nil, err
	}
	bound.Store(e, &q)
	return &q, nil
}
