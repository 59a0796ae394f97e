package selection

import (
	"context"
	"maps"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/valid"
)

// Result is one young person's result in a finished competition, as a
// Source gives it.
type Result struct {
	YouthID    int64   `json:"youth_id"`
	RegionPath string  `json:"region_path"`
	Score      float64 `json:"score"`
	Rank       int     `json:"rank"`
}

// Source gives the results of finished competitions that serve as
// regional rounds: the case championships and the debate tournaments
// each provide one, wired by name in the services. Results answers for
// competition id as p may read it.
type Source interface {
	Results(ctx context.Context, p access.Principal, id int64) ([]Result, error)
}

// AddSource registers src under name ("championship", "tournament"), for
// PullFrom. Call it while wiring, before serving.
func (s *Service) AddSource(name string, src Source) {
	if s.sources == nil {
		s.sources = map[string]Source{}
	}
	s.sources[name] = src
}

// Sources lists the names of the registered sources, sorted.
func (s *Service) Sources() []string {
	return slices.Sorted(maps.Keys(s.sources))
}

// PullFrom is Pull from the source registered under name; an unknown
// name is a field error.
func (s *Service) PullFrom(ctx context.Context, p access.Principal, id int64, round, name string, ref int64) (Pulled, error) {
	return s.Pull(ctx, p, id, round, name, s.sources[name], ref)
}

// Refused is a result a pull did not enter, and why.
type Refused struct {
	YouthID int64 `json:"youth_id"`
	Err     error `json:"-"`
}

// Pulled says what a pull entered and refused.
type Pulled struct {
	Entered int       `json:"entered"`
	Refused []Refused `json:"refused"`
}

// Pull enters, as regional round round of selection id, the results of
// competition ref from src (named source, e.g. "championship"). The
// results are checked one by one like scores entered by hand (Enter):
// those refused — a young person out of scope or already scored — are
// listed with why, and the others entered together.
func (s *Service) Pull(ctx context.Context, p access.Principal, id int64, round, source string, src Source, ref int64) (Pulled, error) {
	if err := access.Can(p, access.ManageSelection, p.Scope()); err != nil {
		return Pulled{}, err
	}
	if err := errs.Validation(valid.Required(nil, "round", strings.TrimSpace(round))...); err != nil {
		return Pulled{}, err
	}
	if src == nil {
		return Pulled{}, errs.Validation(errs.Field("source", "error.selection_source", "Source", source))
	}
	res, err := src.Results(ctx, p, ref)
	if err != nil {
		return Pulled{}, err
	}
	ins := make([]Score, len(res))
	for i, r := range res {
		ins[i] = Score{Round: round, YouthID: r.YouthID, Score: r.Score, Rank: r.Rank}
	}
	var out Pulled
	err = s.enterAll(ctx, p, id, source, ref, ins, func(i int, err error) {
		out.Refused = append(out.Refused, Refused{YouthID: ins[i].YouthID, Err: err})
	})
	out.Entered = len(ins) - len(out.Refused)
	return out, err
}
