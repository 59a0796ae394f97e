package debate

import "testing"

// TestEqualWinsPreferred plays mid-sized tournaments and checks each
// round against what power pairing can do at best when nothing else
// interferes: no repeat, and no more debates across brackets than there
// are brackets of odd size (each needs one team from another).
func TestEqualWinsPreferred(t *testing.T) {
	for seed := range uint64(4) {
		tour := simTournament(40+int(seed), seed)
		var rounds []Round
		for r := 1; r <= 5; r++ {
			ss := mustTally(t, tour, rounds)
			d, err := Pair(tour, r, ss)
			if err != nil {
				t.Fatal(err)
			}
			wins := map[int64]int{}
			brackets := map[int]int{}
			for _, s := range ss {
				wins[s.Team.ID] = s.Wins
				if s.Team.ID != d.Bye {
					brackets[s.Wins]++
				}
			}
			odd := 0
			for _, n := range brackets {
				odd += n % 2
			}
			across := 0
			for _, db := range d.Debates {
				if wins[db.Prop] != wins[db.Opp] {
					across++
				}
			}
			if across > odd {
				t.Errorf("seed %d round %d: %d debates across brackets, %d brackets of odd size", seed, r, across, odd)
			}
			for _, rx := range d.Relaxations {
				if rx.Key == RelaxRepeat || rx.Key == RelaxSchool {
					t.Errorf("seed %d round %d: %+v", seed, r, rx)
				}
			}
			rounds = append(rounds, play(tour, d, testRand(seed)))
		}
	}
}
