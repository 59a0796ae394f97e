package tournament

import (
	"context"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/debate"
	"github.com/jolproject/jol/internal/errs"
)

// Result is one young person's result in a finished tournament, as the
// staged selection reads it: their place and region, Score the sum of
// their own speaker scores in the preliminary rounds, Rank their team's
// final place.
type Result struct {
	YouthID    int64   `json:"youth_id"`
	RegionPath string  `json:"region_path"`
	Score      float64 `json:"score"`
	Rank       int     `json:"rank"`
}

// Places orders the teams by how far they went: the broken teams by the
// stage they reached and then by seed (the champion first), then the
// others by their preliminary standing.
func (b *Book) Places() ([]int64, error) {
	ss, _, err := b.Standings()
	if err != nil {
		return nil, err
	}
	br, err := b.Bracket()
	if err != nil {
		return nil, err
	}
	var out []int64
	if br != nil {
		out = br.Qualifiers(len(br.Seeds))
	}
	slices.SortFunc(ss, func(a, b2 debate.Standing) int { return a.Rank - b2.Rank })
	for _, s := range ss {
		if !slices.Contains(out, s.Team.ID) {
			out = append(out, s.Team.ID)
		}
	}
	return out, nil
}

// Results returns each member's result in tournament id, once its final
// is decided; p needs ViewTournaments.
func (s *Service) Results(ctx context.Context, p access.Principal, id int64) ([]Result, error) {
	b, err := s.Book(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if b.State != Finished {
		return nil, errs.New(errs.Conflict, "error.tournament_not_finished")
	}
	places, err := b.Places()
	if err != nil {
		return nil, err
	}
	rank := make(map[int64]int, len(places))
	for i, id := range places {
		rank[id] = i + 1
	}
	score := map[int64][]int{} // team → speaker position → points
	for _, r := range b.Stage(Prelim) {
		for _, d := range r.Debates {
			if d.Ballot == nil {
				continue
			}
			add(score, d.Prop, d.Ballot.PropScores)
			add(score, d.Opp, d.Ballot.OppScores)
		}
	}
	var out []Result
	for _, tm := range b.Teams {
		for i, m := range tm.Members {
			res := Result{YouthID: m.YouthID, RegionPath: m.RegionPath, Rank: rank[tm.ID]}
			if i < len(score[tm.ID]) {
				res.Score = float64(score[tm.ID][i])
			}
			out = append(out, res)
		}
	}
	slices.SortStableFunc(out, func(a, b Result) int { return a.Rank - b.Rank })
	return out, nil
}

func add(score map[int64][]int, team int64, xs []int) {
	s := score[team]
	for len(s) < len(xs) {
		s = append(s, 0)
	}
	for i, x := range xs {
		s[i] += x
	}
	score[team] = s
}
