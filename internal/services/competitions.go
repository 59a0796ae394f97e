package services

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/tournament"
)

// championshipResults is the selection's source "championship": a
// finished case championship's participants, each with their team's
// score and place.
type championshipResults struct{ s *championship.Service }

// Results implements selection.Source.
func (c championshipResults) Results(ctx context.Context, p access.Principal, id int64) ([]selection.Result, error) {
	rs, err := c.s.Results(ctx, p, id)
	if err != nil {
		return nil, err
	}
	out := make([]selection.Result, len(rs))
	for i, r := range rs {
		out[i] = selection.Result{YouthID: r.YouthID, RegionPath: r.RegionPath, Score: r.Score, Rank: r.Rank}
	}
	return out, nil
}

// tournamentResults is the selection's source "tournament": a finished
// debate tournament's speakers, each with their own speaker points of
// the preliminary rounds and their team's final place.
type tournamentResults struct{ s *tournament.Service }

// Results implements selection.Source.
func (t tournamentResults) Results(ctx context.Context, p access.Principal, id int64) ([]selection.Result, error) {
	rs, err := t.s.Results(ctx, p, id)
	if err != nil {
		return nil, err
	}
	out := make([]selection.Result, len(rs))
	for i, r := range rs {
		out[i] = selection.Result{YouthID: r.YouthID, RegionPath: r.RegionPath, Score: r.Score, Rank: r.Rank}
	}
	return out, nil
}
