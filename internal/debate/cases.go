package debate

import (
	"cmp"
	"maps"
	"slices"

	"github.com/jolproject/jol/internal/errs"
)

// Criterion is one line of a case championship's rubric: each juror
// scores each team on it from Min to Max, and it counts Weight times.
type Criterion struct {
	Key      string
	Weight   int
	Min, Max int
}

// MaxWeight bounds a criterion's weight.
const MaxWeight = 100

// Rubric is the criteria a jury scores teams by, the heaviest first in
// ties (see Leaderboard).
type Rubric []Criterion

// Juror is a member of a case championship's jury.
type Juror struct {
	ID     int64
	Region string
}

// Championship is a case championship: its rubric, jury and teams (the
// Team's School is not used).
type Championship struct {
	Rubric Rubric
	Jurors []Juror
	Teams  []Team
	scores map[[2]int64]map[string]int // (juror, team) → criterion → score
}

// NewChampionship checks the rubric and returns a championship with no
// scores yet.
func NewChampionship(r Rubric, jurors []Juror, teams []Team) (*Championship, error) {
	if len(r) == 0 {
		return nil, errs.Validation(errs.Field("rubric", "error.case_rubric_empty"))
	}
	seen := map[string]bool{}
	for _, c := range r {
		if c.Key == "" || seen[c.Key] || c.Weight < 1 || c.Weight > MaxWeight || c.Max <= c.Min {
			return nil, errs.Validation(errs.Field("rubric", "error.case_criterion_invalid",
				"Criterion", c.Key, "Max", MaxWeight))
		}
		seen[c.Key] = true
	}
	return &Championship{Rubric: slices.Clone(r), Jurors: jurors, Teams: teams,
		scores: map[[2]int64]map[string]int{}}, nil
}

// Score records a juror's scores of a team, one per criterion. It refuses
// a juror of the team's own region, a score outside a criterion's range,
// a missing or unknown criterion, and a second scoring of the same team.
func (c *Championship) Score(juror, team int64, scores map[string]int) error {
	j := slices.IndexFunc(c.Jurors, func(x Juror) bool { return x.ID == juror })
	if j < 0 {
		return errs.New(errs.Invalid, "error.case_unknown_juror", "ID", juror)
	}
	t := slices.IndexFunc(c.Teams, func(x Team) bool { return x.ID == team })
	if t < 0 {
		return errs.New(errs.Invalid, "error.case_unknown_team", "ID", team)
	}
	if r := c.Jurors[j].Region; r != "" && r == c.Teams[t].Region {
		return errs.New(errs.Forbidden, "error.case_juror_own_region", "Region", r)
	}
	key := [2]int64{juror, team}
	if _, done := c.scores[key]; done {
		return errs.New(errs.Conflict, "error.case_scored_twice")
	}
	var fs []errs.FieldError
	for k := range scores {
		if !slices.ContainsFunc(c.Rubric, func(cr Criterion) bool { return cr.Key == k }) {
			fs = append(fs, errs.Field(k, "error.case_criterion_unknown", "Criterion", k))
		}
	}
	for _, cr := range c.Rubric {
		s, ok := scores[cr.Key]
		switch {
		case !ok:
			fs = append(fs, errs.Field(cr.Key, "error.case_criterion_missing", "Criterion", cr.Key))
		case s < cr.Min || s > cr.Max:
			fs = append(fs, errs.Field(cr.Key, "error.case_score_range",
				"Criterion", cr.Key, "Score", s, "Min", cr.Min, "Max", cr.Max))
		}
	}
	slices.SortFunc(fs, func(a, b errs.FieldError) int { return cmp.Compare(a.Field, b.Field) })
	if err := errs.Validation(fs...); err != nil {
		return err
	}
	c.scores[key] = maps.Clone(scores)
	return nil
}
