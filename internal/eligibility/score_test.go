package eligibility

import (
	"slices"
	"testing"
)

func roadWeights() Weights {
	return Weights{
		Version:      2,
		Categories:   map[string]int{"low-income": 30, "large-family": 20, "orphan": 40},
		Income:       map[string]int{"below_poverty_line": 25, "below_subsistence": 15},
		PerChild:     4,
		ChildrenFrom: 2,
		Disability:   35, SingleGuardian: 10,
		Distance: []Band{{FromKm: 3, Points: 5}, {FromKm: 10, Points: 12}},
	}
}

func TestScoreBreakdown(t *testing.T) {
	cases := []struct {
		name  string
		facts func(*Facts)
		want  []Term
	}{
		{"categories, income and children", nil, []Term{
			{Kind: TermCategory, Code: "low-income", Points: 30},
			{Kind: TermCategory, Code: "large-family", Points: 20},
			{Kind: TermIncome, Code: "below_subsistence", Points: 15},
			{Kind: TermChildren, Count: 4, Points: 8},
		}},
		{"expired evidence earns nothing", func(f *Facts) {
			f.Categories[0].Expires = day("2026-01-01")
			f.Income, f.Children = "", 2
		}, []Term{{Kind: TermCategory, Code: "large-family", Points: 20}}},
		{"disability, single guardian, far away", func(f *Facts) {
			f.Categories, f.Income, f.Children = nil, "middle", 1
			f.Disability, f.SingleGuardian, f.DistanceKm, f.DistanceKnown = true, true, 12.5, true
		}, []Term{
			{Kind: TermDisability, Points: 35},
			{Kind: TermDistance, Km: 12.5, Points: 12},
			{Kind: TermSingleGuardian, Points: 10},
		}},
		{"a distance between bands takes the nearer band", func(f *Facts) {
			f.Categories, f.Income, f.Children = nil, "", 0
			f.DistanceKm, f.DistanceKnown = 3, true
		}, []Term{{Kind: TermDistance, Km: 3, Points: 5}}},
		{"an unknown distance earns nothing", func(f *Facts) {
			f.Categories, f.Income, f.Children = nil, "", 0
			f.DistanceKm = 50
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := child()
			if c.facts != nil {
				c.facts(&f)
			}
			r := Evaluate(Rules{}, roadWeights(), f, 0, decision)
			if !slices.Equal(r.Terms, c.want) {
				t.Fatalf("terms %+v, want %+v", r.Terms, c.want)
			}
			sum := 0
			for _, x := range c.want {
				sum += x.Points
			}
			if r.Score != sum || r.WeightsVersion != 2 {
				t.Fatalf("score %d (weights v%d), want %d", r.Score, r.WeightsVersion, sum)
			}
		})
	}
}

func TestChildrenFromZeroCountsEveryChild(t *testing.T) {
	w := Weights{PerChild: 3}
	if r := Evaluate(Rules{}, w, Facts{Children: 5}, 0, decision); r.Score != 15 {
		t.Fatalf("score %d, want 15", r.Score)
	}
}
