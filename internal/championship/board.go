package championship

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// The leaderboard's order is debate.Championship.Leaderboard's, kept on
// each team's row as one string, board_key, rewritten whenever the team
// is scored:
//
//	"0" desc(mean) desc(mean of the heaviest criterion) … hex(team id)   a scored team
//	"1" hex(team id)                                                    a team not yet scored
//
// desc(x) is the float64 x written so that strings sort in x's
// descending order. The means are fractions whose denominators are at
// most MaxCriteria·debate.MaxWeight·MaxJurors and numerators below
// MaxScore times that, so two different means differ by more than the
// float64 rounding of either: equal floats are equal means, and the key
// orders the teams exactly as the fractions do. A page is a range of the
// (championship_id, board_key) index; a rank is a count of it.

// boardKey is the key of team id after jurors scored it, sums holding
// Σ over jurors of each criterion in tie-break order, weights theirs.
func boardKey(id int64, jurors int, sums []int64, weights ...int) string {
	if jurors == 0 {
		return fmt.Sprintf("1%016x", id)
	}
	var b strings.Builder
	b.WriteByte('0')
	var num, wsum int64
	for i, s := range sums {
		num += int64(weights[i]) * s
		wsum += int64(weights[i])
	}
	desc(&b, float64(num)/float64(wsum*int64(jurors)))
	for _, s := range sums {
		desc(&b, float64(s)/float64(jurors))
	}
	fmt.Fprintf(&b, "%016x", id)
	return b.String()
}

// desc writes non-negative x so that the strings sort in x's descending
// order: the bits of a non-negative float64 sort as the number does.
func desc(b *strings.Builder, x float64) {
	fmt.Fprintf(b, "%016x", ^math.Float64bits(x))
}

// tieOrder is the rubric in tie-break order: the heaviest criterion
// first, criteria of equal weight in rubric order (as debate does).
func tieOrder(r []Criterion) []Criterion {
	out := slices.Clone(r)
	slices.SortStableFunc(out, func(a, b Criterion) int { return cmp.Compare(b.Weight, a.Weight) })
	return out
}

// retotal recomputes team's totals and key from its scores, in tx.
func (s *Service) retotal(ctx context.Context, tx *sql.Tx, r []Criterion, team int64) error {
	rows, err := tx.QueryContext(ctx, s.q.TeamSums, team)
	if err != nil {
		return err
	}
	sums, jurors := map[string]int64{}, 0
	for rows.Next() {
		var code string
		var sum int64
		if err := rows.Scan(&code, &sum, &jurors); err != nil {
			rows.Close()
			return err
		}
		sums[code] = sum
	}
	if err := rows.Close(); err != nil {
		return err
	}
	order := tieOrder(r)
	ordered, weights := make([]int64, len(order)), make([]int, len(order))
	var num, wsum int64
	for i, c := range order {
		ordered[i], weights[i] = sums[c.Code], c.Weight
		num += int64(c.Weight) * sums[c.Code]
		wsum += int64(c.Weight)
	}
	_, err = tx.ExecContext(ctx, s.q.SetTotals, jurors, num, wsum*int64(jurors),
		boardKey(team, jurors, ordered, weights...), team)
	return err
}

// Standing is a team's place on a leaderboard: names of teams only, never
// of young people.
type Standing struct {
	Rank       int     `json:"rank"`
	TeamID     int64   `json:"team_id"`
	Name       string  `json:"name"`
	RegionCode string  `json:"region"`
	Jurors     int     `json:"jurors"`
	Score      float64 `json:"score"`
	key        string
}

// Leaderboard returns a page of championship id's leaderboard: at most
// limit teams after cursor ("" for the top), and the next page's cursor
// ("" on the last page).
func (s *Service) Leaderboard(ctx context.Context, p access.Principal, id int64, cursor string, limit int) ([]Standing, string, error) {
	if _, err := s.Get(ctx, p, id); err != nil {
		return nil, "", err
	}
	pg := store.Page{Limit: min(max(limit, 1), store.MaxLimit)}
	rows, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (Standing, error) {
		var st Standing
		var num, den int64
		var path string
		err := sc.Scan(&st.TeamID, &st.Name, &st.RegionCode, &path, &st.Jurors, &num, &den, &st.key)
		st.Score = ratio(num, den)
		return st, err
	}, s.q.Board, id, cursor, pg.LimitArg())
	if err != nil || len(rows) == 0 {
		return nil, "", err
	}
	var above int
	if err := s.db.R.QueryRowContext(ctx, s.q.Above, id, rows[0].key).Scan(&above); err != nil {
		return nil, "", err
	}
	for i := range rows {
		rows[i].Rank = above + i + 1
	}
	rows, next := store.TrimBy(pg, rows, func(st Standing) string { return st.key })
	return rows, next, nil
}

// Result is a young person's placing in a finished championship: their
// team's score and rank.
type Result struct {
	YouthID    int64   `json:"youth_id"`
	RegionPath string  `json:"region_path"`
	Score      float64 `json:"score"`
	Rank       int     `json:"rank"`
}

// Results returns every participant's result of finished championship
// id, best first, for the staged selection; p needs to see the
// championship.
func (s *Service) Results(ctx context.Context, p access.Principal, id int64) ([]Result, error) {
	c, err := s.Get(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if c.State != Finished {
		return nil, errs.New(errs.Conflict, "error.championship_unfinished")
	}
	rank, last := 0, int64(0)
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (Result, error) {
		var r Result
		var team, num, den int64
		err := sc.Scan(&r.YouthID, &r.RegionPath, &team, &num, &den)
		if team != last {
			rank, last = rank+1, team
		}
		r.Score, r.Rank = ratio(num, den), rank
		return r, err
	}, s.q.Placings, id)
}
