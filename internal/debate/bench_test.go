package debate

import "testing"

// BenchmarkPair300 pairs round 4 of a 300-team tournament (150 schools,
// four regions) from its standings after three rounds: one matching over
// all 44,850 pairs of teams.
func BenchmarkPair300(b *testing.B) {
	tour := simTournament(300, 13)
	_, ss := runRounds(b, tour, 3)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Pair(tour, 4, ss); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAllocateJudges300 seats panels of three for the 150 debates of
// that round from 500 judges.
func BenchmarkAllocateJudges300(b *testing.B) {
	tour := simTournament(300, 13)
	_, ss := runRounds(b, tour, 3)
	d, err := Pair(tour, 4, ss)
	if err != nil {
		b.Fatal(err)
	}
	var judges []Judge
	for i := range 500 {
		judges = append(judges, Judge{ID: int64(i + 1), Strength: i % 101,
			Region: []string{"region0", "region1", "region2", "region3", "elsewhere"}[i%5]})
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := AllocateJudges(tour, d.Debates, judges); err != nil {
			b.Fatal(err)
		}
	}
}
