package debate

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// wishes computes, independently of cost.go, what pairing a and b gives
// up, tier by tier (without the random tier). active are the teams of
// the draw, which fix the brackets' order.
func wishes(a, b Standing, active []Standing) [numTiers - 1]int64 {
	var w [numTiers - 1]int64
	for _, id := range a.Met {
		if id == b.Team.ID {
			w[0]++
		}
	}
	w[1] = int64((a.Wins - b.Wins) * (a.Wins - b.Wins))
	if a.Team.School != "" && a.Team.School == b.Team.School {
		w[2] = 1
	}
	if a.Team.Region != "" && a.Team.Region == b.Team.Region {
		w[3] = 1
	}
	ba, bb := a.Prop-a.Opp, b.Prop-b.Opp
	if ba*bb > 0 {
		w[4] = int64(min(max(ba, -ba), max(bb, -bb)))
	}
	// above and below count the teams of x's bracket ranked above and below it.
	above := func(x Standing, higher bool) int64 {
		n := int64(0)
		for _, y := range active {
			if y.Wins == x.Wins && y.Team.ID != x.Team.ID && (y.Rank < x.Rank) == higher {
				n++
			}
		}
		return n
	}
	if a.Wins < b.Wins {
		a, b = b, a
	}
	if a.Wins != b.Wins {
		w[5] = above(b, true) + above(a, false) // b from the top of its bracket, a from the bottom
	}
	return w
}

func addWishes(x, y [numTiers - 1]int64) [numTiers - 1]int64 {
	for i := range x {
		x[i] += y[i]
	}
	return x
}

// bestWishes tries every perfect matching of active.
func bestWishes(active []Standing) [numTiers - 1]int64 {
	var best [numTiers - 1]int64
	found := false
	used := make([]bool, len(active))
	var rec func(sum [numTiers - 1]int64)
	rec = func(sum [numTiers - 1]int64) {
		i := slices.Index(used, false)
		if i == -1 {
			if !found || slices.Compare(sum[:], best[:]) < 0 {
				best, found = sum, true
			}
			return
		}
		used[i] = true
		for j := i + 1; j < len(active); j++ {
			if !used[j] {
				used[j] = true
				rec(addWishes(sum, wishes(active[i], active[j], active)))
				used[j] = false
			}
		}
		used[i] = false
	}
	rec([numTiers - 1]int64{})
	return best
}

// randomStandings makes a tournament of n teams in the middle of its
// preliminary rounds, with few schools and regions so clashes are common.
func randomStandings(rng *rand.Rand, n int) (Tournament, []Standing) {
	t := Tournament{Rules: DefaultRules, Seed: rng.Uint64()}
	for i := range n {
		t.Teams = append(t.Teams, Team{ID: int64(i + 1),
			School: fmt.Sprint("s", rng.IntN(n/2+1)), Region: fmt.Sprint("r", rng.IntN(3))})
	}
	ss, err := Tally(t, nil)
	if err != nil {
		panic(err)
	}
	rounds := rng.IntN(4)
	for i := range ss {
		ss[i].Wins = rng.IntN(rounds + 1)
		ss[i].Points = rng.IntN(300)
		ss[i].Prop = rng.IntN(rounds + 1)
		ss[i].Opp = rounds - ss[i].Prop
		ss[i].Byes = rng.IntN(2)
	}
	for range rounds * n / 2 { // meetings are mutual
		i, j := rng.IntN(n), rng.IntN(n)
		if i != j {
			ss[i].Met = append(ss[i].Met, ss[j].Team.ID)
			ss[j].Met = append(ss[j].Met, ss[i].Team.ID)
		}
	}
	RankStandings(ss)
	return t, ss
}

func TestPairIsOptimalAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for trial := range 1500 {
		tour, ss := randomStandings(rng, 2+rng.IntN(9))
		draw, err := Pair(tour, 2, ss)
		if err != nil {
			t.Fatal(err)
		}
		var active []Standing
		byID := map[int64]Standing{}
		for _, s := range ss {
			byID[s.Team.ID] = s
			if s.Team.ID != draw.Bye {
				active = append(active, s)
			}
		}
		var got [numTiers - 1]int64
		for _, d := range draw.Debates {
			got = addWishes(got, wishes(byID[d.Prop], byID[d.Opp], active))
		}
		if want := bestWishes(active); got != want {
			t.Fatalf("trial %d (%d teams): draw gives up %v, the best draw %v\nstandings %+v\ndraw %+v",
				trial, len(ss), got, want, ss, draw)
		}
		if draw.Bye != 0 {
			bye := byID[draw.Bye]
			for _, s := range active {
				if s.Byes < bye.Byes || s.Byes == bye.Byes && s.Rank > bye.Rank {
					t.Fatalf("trial %d: bye to %+v, but %+v comes first by the rule", trial, bye, s)
				}
			}
		}
		if len(draw.Debates)*2 != len(active) {
			t.Fatalf("trial %d: %d debates for %d teams", trial, len(draw.Debates), len(active))
		}
	}
}
