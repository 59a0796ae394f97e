package tournament

import (
	"context"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/debate"
)

// Standings are the standings after the decided preliminary rounds, the
// elimination rounds and the qualifiers, as pages and the API show them.
type Standings struct {
	// Rounds is how many preliminary rounds the rows count.
	Rounds    int            `json:"rounds_counted"`
	Rows      []StandingRow  `json:"rows"`
	Bracket   [][]ElimDebate `json:"bracket"`
	Qualified []int64        `json:"qualified"`
}

// StandingRow is a team's record: ranked by wins (a bye counts as one),
// then speaker points, then head-to-head among the teams level on both,
// then the tournament's seeded draw order. Seed is its seed in the break,
// 0 when it did not break.
type StandingRow struct {
	Rank   int    `json:"rank"`
	TeamID int64  `json:"team_id"`
	Team   string `json:"team"`
	Wins   int    `json:"wins"`
	Points int    `json:"points"`
	Byes   int    `json:"byes"`
	Seed   int    `json:"seed,omitempty"`
}

// ElimDebate is an elimination debate and its winner once decided.
type ElimDebate struct {
	Prop   int64 `json:"prop"`
	Opp    int64 `json:"opp"`
	Winner int64 `json:"winner,omitempty"`
}

// Standings reads tournament id's standings; p needs ViewTournaments.
func (s *Service) Standings(ctx context.Context, p access.Principal, id int64) (Standings, error) {
	b, err := s.Book(ctx, p, id)
	if err != nil {
		return Standings{}, err
	}
	return b.Table()
}

// Table computes the book's standings.
func (b *Book) Table() (Standings, error) {
	var st Standings
	ss, n, err := b.Standings()
	if err != nil {
		return st, err
	}
	st.Rounds = n
	slices.SortFunc(ss, func(a, b debate.Standing) int { return a.Rank - b.Rank })
	br, err := b.Bracket()
	if err != nil {
		return st, err
	}
	seed := map[int64]int{}
	if br != nil {
		for i, t := range br.Seeds {
			seed[t] = i + 1
		}
		for i, round := range br.Rounds {
			var row []ElimDebate
			for j, d := range round {
				e := ElimDebate{Prop: d.Prop, Opp: d.Opp}
				if i < len(br.Winners) {
					e.Winner = br.Winners[i][j]
				}
				row = append(row, e)
			}
			st.Bracket = append(st.Bracket, row)
		}
	}
	name := map[int64]string{}
	for _, t := range b.Teams {
		name[t.ID] = t.Name
	}
	for _, s := range ss {
		st.Rows = append(st.Rows, StandingRow{Rank: s.Rank, TeamID: s.Team.ID, Team: name[s.Team.ID], Wins: s.Wins,
			Points: s.Points, Byes: s.Byes, Seed: seed[s.Team.ID]})
	}
	st.Qualified, err = b.Qualified()
	return st, err
}
