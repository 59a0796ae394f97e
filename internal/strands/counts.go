package strands

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// StrandCount sums up one strand within a reader's scope.
type StrandCount struct {
	Strand     Strand `json:"strand"`
	Activities int    `json:"activities"` // 0 for mentoring, which has none
	Enrolled   int    `json:"enrolled"`   // places taken; for mentoring, young people who had a mentor
	Capacity   int    `json:"capacity"`
}

// Counts sums up every strand within p's scope, in the order of Strands.
func (s *Service) Counts(ctx context.Context, p access.Principal) ([]StrandCount, error) {
	if err := access.Can(p, access.ViewStrands, p.Scope()); err != nil {
		return nil, err
	}
	out := make([]StrandCount, len(Strands()))
	for i, st := range Strands() {
		out[i].Strand = st
	}
	rows, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (StrandCount, error) {
		var c StrandCount
		return c, sc.Scan(&c.Strand, &c.Activities, &c.Enrolled, &c.Capacity)
	}, s.q.StrandCounts, p.ScopeArgs()...)
	if err != nil {
		return nil, err
	}
	for _, c := range rows {
		for i := range out {
			if out[i].Strand == c.Strand {
				out[i] = c
			}
		}
	}
	err = s.db.R.QueryRowContext(ctx, s.q.MentoredInScope, p.ScopeArgs()...).Scan(&out[0].Enrolled)
	return out, err
}
