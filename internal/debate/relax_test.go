package debate

import (
	"slices"
	"testing"
)

// keys lists the relaxations' keys.
func keys(rs []Relaxation) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Key)
	}
	return out
}

func TestRepeatOnlyAsLastResort(t *testing.T) {
	// Two teams that met in round 1 can only meet again.
	tour := Tournament{Teams: []Team{{ID: 1}, {ID: 2}}, Rules: DefaultRules, Seed: 1}
	r1, err := Pair(tour, 1, mustTally(t, tour, nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(r1.Relaxations) != 0 {
		t.Fatalf("round 1 of two teams gave up %v", keys(r1.Relaxations))
	}
	played := []Round{{Draw: r1, Ballots: []Ballot{{Debate: r1.Debates[0], Winner: Proposition,
		PropScores: []int{70, 70, 70}, OppScores: []int{60, 60, 60}}}}}
	r2, err := Pair(tour, 2, mustTally(t, tour, played))
	if err != nil {
		t.Fatal(err)
	}
	rx := r2.Relaxations
	if len(rx) == 0 || rx[0].Key != RelaxRepeat || rx[0].Args[1] != 2 {
		t.Fatalf("a forced repeat was reported as %+v", rx)
	}
	if !slices.Contains(keys(rx), RelaxPullUp) {
		t.Fatalf("a 1-win team meeting a 0-win team was not reported: %v", keys(rx))
	}
	// The team that had proposition now takes opposition: no side relaxation.
	if slices.Contains(keys(rx), RelaxSides) || r2.Debates[0].Prop != r1.Debates[0].Opp {
		t.Fatalf("sides not swapped: round 1 %+v, round 2 %+v", r1.Debates, r2.Debates)
	}
	key, args := rx[0].Message(func(id int64) string { return map[int64]string{1: "Alpha", 2: "Beta"}[id] })
	if key != "debate.relax.repeat" || len(args) != 6 || args[1] == args[3] {
		t.Fatalf("Message() = %q %v", key, args)
	}
}

func TestRegionGivesWayBeforeSchool(t *testing.T) {
	// Four teams of one region from two schools: every draw has two region
	// clashes, and one of them has two school clashes as well.
	tour := Tournament{Rules: DefaultRules, Seed: 5, Teams: []Team{
		{ID: 1, School: "A", Region: "x"}, {ID: 2, School: "A", Region: "x"},
		{ID: 3, School: "B", Region: "x"}, {ID: 4, School: "B", Region: "x"}}}
	for seed := range uint64(20) {
		tour.Seed = seed
		d, err := Pair(tour, 1, mustTally(t, tour, nil))
		if err != nil {
			t.Fatal(err)
		}
		if got := keys(d.Relaxations); !slices.Equal(got, []string{RelaxRegion, RelaxRegion}) {
			t.Fatalf("seed %d: relaxations %v, want two region clashes only (draw %+v)", seed, got, d.Debates)
		}
	}
}

func mustTally(t *testing.T, tour Tournament, rounds []Round) []Standing {
	t.Helper()
	ss, err := Tally(tour, rounds)
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

// TestRelaxationsMatchTheDraw checks on random instances that every wish
// a draw gives up is reported and nothing else is.
func TestRelaxationsMatchTheDraw(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		tour := simTournament(30, seed)
		for i := range tour.Teams {
			tour.Teams[i].Region = []string{"n", "s"}[i%2] // regions clash often
		}
		rounds, _ := runRounds(t, tour, 3)
		for _, r := range rounds {
			want := 0
			for _, d := range r.Draw.Debates {
				if tour.Teams[d.Prop-100].Region == tour.Teams[d.Opp-100].Region {
					want++
				}
			}
			got := 0
			for _, rx := range r.Draw.Relaxations {
				if rx.Key == RelaxRegion {
					got++
				}
			}
			if got != want {
				t.Fatalf("round %d: %d region clashes, %d reported", r.Draw.Round, want, got)
			}
		}
	}
}
