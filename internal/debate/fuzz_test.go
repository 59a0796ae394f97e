package debate

import (
	"fmt"
	"testing"
)

// FuzzPair builds a tournament and its standings from the fuzzer's bytes
// and checks that the draw covers every team once, gives the bye by the
// rule, and is as good as the best draw brute force finds.
func FuzzPair(f *testing.F) {
	f.Add([]byte{4, 1, 2, 3, 4, 5, 6, 7, 8}, uint64(1))
	f.Add([]byte{7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, uint64(2))
	f.Add([]byte{9, 255, 17, 3, 99, 4, 4, 4, 8, 8, 1, 2, 200, 13}, uint64(3))
	f.Fuzz(func(t *testing.T, data []byte, seed uint64) {
		if len(data) == 0 {
			return
		}
		n := 2 + int(data[0])%9
		next := func() int {
			if len(data) < 2 {
				return 0
			}
			data = data[1:]
			return int(data[0])
		}
		tour := Tournament{Rules: DefaultRules, Seed: seed}
		for i := range n {
			b := next()
			tour.Teams = append(tour.Teams, Team{ID: int64(i + 1),
				School: fmt.Sprint(b % 4), Region: fmt.Sprint(b / 4 % 3)})
		}
		ss, err := Tally(tour, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := range ss {
			b := next()
			ss[i].Wins, ss[i].Prop, ss[i].Opp, ss[i].Byes = b%4, b/4%3, b/12%3, b/36%2
			ss[i].Points = next()
			if o := next() % (n + 1); o != 0 && int64(o) != ss[i].Team.ID {
				ss[i].Met = append(ss[i].Met, int64(o))
				for j := range ss {
					if ss[j].Team.ID == int64(o) {
						ss[j].Met = append(ss[j].Met, ss[i].Team.ID)
					}
				}
			}
		}
		RankStandings(ss)
		d, err := Pair(tour, 3, ss)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[int64]bool{}
		if d.Bye != 0 {
			seen[d.Bye] = true
		}
		for _, db := range d.Debates {
			if seen[db.Prop] || seen[db.Opp] || db.Prop == db.Opp {
				t.Fatalf("team twice in %+v", d)
			}
			seen[db.Prop], seen[db.Opp] = true, true
		}
		if len(seen) != n || (d.Bye != 0) != (n%2 == 1) {
			t.Fatalf("draw %+v does not cover %d teams once", d, n)
		}
		var active []Standing
		byID := map[int64]Standing{}
		for _, s := range ss {
			byID[s.Team.ID] = s
			if s.Team.ID != d.Bye {
				active = append(active, s)
			}
		}
		var got [numTiers - 1]int64
		for _, db := range d.Debates {
			got = addWishes(got, wishes(byID[db.Prop], byID[db.Opp], active))
		}
		if want := bestWishes(active); got != want {
			t.Fatalf("draw gives up %v, the best %v", got, want)
		}
	})
}
