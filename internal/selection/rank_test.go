package selection

import "testing"

func TestRankTakesEachMacroRegionsBestThenRedistributes(t *testing.T) {
	cands := []Candidate{
		{1, South, 90}, {2, South, 80}, {3, South, 70}, {4, South, 60},
		{5, West, 95}, {6, East, 50}, {7, East, 50}, {8, North, 10},
	}
	// South 2, west 2 (only one candidate), east 1, north 1: the west's
	// unused place goes to the best remaining, the third of the south.
	quotas := map[Macro]int{South: 2, West: 2, East: 1, North: 1}
	got := Rank(cands, quotas, 6, RegisteredFirst, 1)
	want := map[int64]struct {
		pos    int
		reason Reason
		rank   int
	}{
		5: {1, WithinQuota, 1}, 1: {2, WithinQuota, 1}, 2: {3, WithinQuota, 2}, 3: {4, Redistributed, 3},
		6: {5, WithinQuota, 1}, 8: {6, WithinQuota, 1}, 7: {0, Below, 2}, 4: {0, Below, 4},
	}
	for i, p := range got {
		w := want[p.YouthID]
		if p.Position != w.pos || p.Reason != w.reason || p.MacroRank != w.rank {
			t.Errorf("%d: youth %d = pos %d %s rank %d, want %+v", i, p.YouthID, p.Position, p.Reason, p.MacroRank, w)
		}
	}
	if got[6].YouthID != 4 || got[7].YouthID != 7 {
		t.Errorf("the unselected follow the list by score: %+v", got[6:])
	}
}

func TestTiesFollowTheRule(t *testing.T) {
	cands := []Candidate{{30, South, 5}, {10, South, 5}, {20, South, 5}}
	first := Rank(cands, map[Macro]int{South: 1}, 1, RegisteredFirst, 7)
	if first[0].YouthID != 10 || first[0].Position != 1 {
		t.Errorf("registered first: %+v", first)
	}
	// The draw is the order of lot, which anyone can recompute.
	best := cands[0].YouthID
	for _, c := range cands {
		if lot(7, c.YouthID) < lot(7, best) {
			best = c.YouthID
		}
	}
	if d := Rank(cands, map[Macro]int{South: 1}, 1, Draw, 7); d[0].YouthID != best {
		t.Errorf("draw took %d, want %d", d[0].YouthID, best)
	}
}

func TestProportionalQuotasSumToThePlaces(t *testing.T) {
	for _, c := range []struct {
		counts map[Macro]int
		places int
		want   map[Macro]int
	}{
		{map[Macro]int{South: 500, North: 200, West: 150, Centre: 100, East: 50}, 400,
			map[Macro]int{South: 200, North: 80, West: 60, Centre: 40, East: 20}},
		{map[Macro]int{South: 1, North: 1, West: 1}, 2, map[Macro]int{South: 1, North: 1}},
		// Largest remainders: 9.8 and 0.2 give the last place to the south.
		{map[Macro]int{South: 100, East: 2}, 10, map[Macro]int{South: 10}},
		// The east has fewer candidates than its share: the rest is shared again.
		{map[Macro]int{South: 4, East: 1, West: 5}, 8, map[Macro]int{South: 3, East: 1, West: 4}},
		{map[Macro]int{South: 3, East: 2}, 10, map[Macro]int{South: 3, East: 2}},
	} {
		got := Proportional(c.counts, c.places)
		for _, m := range Macros() {
			if got[m] != c.want[m] {
				t.Errorf("%v over %d: %v, want %v", c.counts, c.places, got, c.want)
				break
			}
		}
	}
}
