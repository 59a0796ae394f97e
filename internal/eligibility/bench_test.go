package eligibility

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// population makes n applicants spread over 17 regions with varied
// circumstances, the same on every run.
func population(n int) []Facts {
	rng := rand.New(rand.NewPCG(9, 9))
	codes := []string{"low-income", "large-family", "orphan", "disability", "incomplete-family"}
	out := make([]Facts, n)
	for i := range out {
		f := Facts{
			BirthDate:   day("2010-01-01").AddDate(0, 0, rng.IntN(12*365)),
			Grade:       rng.IntN(12),
			RegionPath:  fmt.Sprintf("/KZ/KZ-%02d/KZ-%02d-%02d/", 10+rng.IntN(17), 10+rng.IntN(17), rng.IntN(20)),
			Institution: int64(1 + rng.IntN(500)),
			Income:      []string{"", "below_poverty_line", "below_subsistence", "low", "middle"}[rng.IntN(5)],
			Children:    1 + rng.IntN(7),
			Disability:  rng.IntN(20) == 0, SingleGuardian: rng.IntN(6) == 0,
			DistanceKm: rng.Float64() * 20, DistanceKnown: rng.IntN(2) == 0,
			RequestDate: day("2026-07-01").Add(time.Duration(rng.IntN(90*24*3600)) * time.Second),
		}
		for _, c := range codes {
			if rng.IntN(4) == 0 {
				f.Categories = append(f.Categories, Held{Code: c, Expires: day("2026-06-01").AddDate(0, rng.IntN(12), 0)})
			}
		}
		if rng.IntN(10) == 0 {
			f.Received = []int64{11}
		}
		out[i] = f
	}
	return out
}

// BenchmarkEvaluateAndRank evaluates a million requests for a backpack
// and ranks the eligible ones in their regions.
func BenchmarkEvaluateAndRank(b *testing.B) {
	facts := population(1_000_000)
	rules := Rules{All: Criteria{Age: &Range{6, 17}, Regions: []string{"/KZ/"},
		Categories: []string{"low-income", "large-family", "orphan", "disability"}, NotReceived: true}}
	w := roadWeights()
	entries := make([]Entry, 0, len(facts))
	b.ResetTimer()
	for b.Loop() {
		entries = entries[:0]
		for i, f := range facts {
			r := Evaluate(rules, w, f, 11, decision)
			if r.Status == Eligible {
				entries = append(entries, Entry{ID: int64(i + 1), Region: r.RankRegion, Score: r.Score, Requested: f.RequestDate})
			}
		}
		Rank(entries)
	}
	b.ReportMetric(float64(len(entries)), "eligible")
}

// BenchmarkRank ranks a million requests.
func BenchmarkRank(b *testing.B) {
	facts := population(1_000_000)
	entries := make([]Entry, len(facts))
	for i, f := range facts {
		entries[i] = Entry{ID: int64(i + 1), Region: RankRegion(f.RegionPath, 2), Score: f.Children * 3, Requested: f.RequestDate}
	}
	b.ResetTimer()
	for b.Loop() {
		Rank(entries)
	}
}
