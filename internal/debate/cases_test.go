package debate

import (
	"testing"

	"github.com/jolproject/jol/internal/errs"
)

func newTestChampionship(t *testing.T) *Championship {
	t.Helper()
	c, err := NewChampionship(Rubric{
		{Key: "analysis", Weight: 3, Min: 0, Max: 10},
		{Key: "solution", Weight: 2, Min: 0, Max: 10},
		{Key: "delivery", Weight: 1, Min: 1, Max: 5},
	}, []Juror{{ID: 1, Region: "north"}, {ID: 2, Region: "south"}, {ID: 3, Region: "east"}},
		[]Team{{ID: 10, Region: "north"}, {ID: 11, Region: "west"}, {ID: 12, Region: "west"}, {ID: 13, Region: "west"}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCaseScoringRefusals(t *testing.T) {
	c := newTestChampionship(t)
	full := map[string]int{"analysis": 5, "solution": 5, "delivery": 3}
	for name, tc := range map[string]struct {
		juror, team int64
		scores      map[string]int
		code        errs.Code
		key         string
	}{
		"own region":    {1, 10, full, errs.Forbidden, "error.case_juror_own_region"},
		"above range":   {2, 10, map[string]int{"analysis": 11, "solution": 5, "delivery": 3}, errs.Invalid, "error.invalid"},
		"below range":   {2, 10, map[string]int{"analysis": 5, "solution": 5, "delivery": 0}, errs.Invalid, "error.invalid"},
		"missing":       {2, 10, map[string]int{"analysis": 5, "solution": 5}, errs.Invalid, "error.invalid"},
		"unknown juror": {9, 10, full, errs.Invalid, "error.case_unknown_juror"},
		"unknown team":  {2, 99, full, errs.Invalid, "error.case_unknown_team"},
	} {
		e := errs.As(c.Score(tc.juror, tc.team, tc.scores))
		if e == nil || e.Code != tc.code || e.Key != tc.key {
			t.Errorf("%s: got %v, want %s %s", name, e, tc.code, tc.key)
		}
	}
	if err := c.Score(2, 10, full); err != nil {
		t.Fatal(err)
	}
	if e := errs.As(c.Score(2, 10, full)); e == nil || e.Key != "error.case_scored_twice" {
		t.Fatalf("second scoring: %v", e)
	}
	if _, err := NewChampionship(Rubric{{Key: "a", Weight: 0, Min: 0, Max: 10}}, nil, nil); err == nil {
		t.Fatal("a criterion of weight 0 accepted")
	}
}

func TestLeaderboardWeightedMeanAndTieBreaks(t *testing.T) {
	c := newTestChampionship(t)
	score := func(j, tm int64, a, s, d int) {
		t.Helper()
		if err := c.Score(j, tm, map[string]int{"analysis": a, "solution": s, "delivery": d}); err != nil {
			t.Fatal(err)
		}
	}
	// Team 11: (3·8+2·6+1·4)/6 = 40/6 and (3·6+2·6+1·4)/6 = 34/6: mean 74/12.
	score(1, 11, 8, 6, 4)
	score(2, 11, 6, 6, 4)
	// Team 12: one juror, 3·7+2·5+1·5 = 36 → 36/6 = 6.0, below 74/12 ≈ 6.17.
	score(3, 12, 7, 5, 5)
	// Team 13: 37/6 ≈ 6.17 like team 11, but more on analysis (8 v 7 mean).
	score(3, 13, 8, 5, 3)
	lb := c.Leaderboard()
	order := []int64{lb[0].Team, lb[1].Team, lb[2].Team, lb[3].Team}
	if order[0] != 13 || order[1] != 11 || order[2] != 12 || order[3] != 10 {
		t.Fatalf("leaderboard %v, want 13 (tie won on analysis), 11, 12, then unscored 10", order)
	}
	if lb[1].Num != 74 || lb[1].Den != 12 || lb[3].Jurors != 0 || lb[3].Rank != 4 {
		t.Fatalf("entries %+v", lb)
	}
	if got := lb[2].Score(); got != 6 {
		t.Fatalf("team 12 scores %v, want 6", got)
	}
}
