package debate

import (
	"slices"
	"testing"
)

func TestJudgesWithoutConflictsStrongestOnTop(t *testing.T) {
	tour := Tournament{Rules: Rules{SpeakersPerTeam: 3, MinScore: 50, MaxScore: 100, PanelSize: 2}, Seed: 1,
		Teams: []Team{{ID: 1, School: "A", Region: "n"}, {ID: 2, School: "B", Region: "n"},
			{ID: 3, School: "C", Region: "s"}, {ID: 4, School: "D", Region: "s"}}}
	debates := []Debate{{Prop: 1, Opp: 3}, {Prop: 2, Opp: 4}} // top debate first
	judges := []Judge{
		{ID: 10, Strength: 90, Region: "w"},
		{ID: 11, Strength: 40, Region: "w"},
		{ID: 12, Strength: 80, Region: "w", Conflicts: []int64{1}},
		{ID: 13, Strength: 70, Region: "w"},
		{ID: 14, Strength: 95, Region: "s"}, // conflicted with every debate
	}
	al, err := AllocateJudges(tour, debates, judges)
	if err != nil {
		t.Fatal(err)
	}
	if len(al.Shortage) != 0 {
		t.Fatalf("shortage %+v", al.Shortage)
	}
	// 12 may not judge team 1, so the top debate takes 10 and 13.
	if !slices.Equal(al.Panels[0].Judges, []int64{10, 13}) || !slices.Equal(al.Panels[1].Judges, []int64{12, 11}) {
		t.Fatalf("panels %+v", al.Panels)
	}
}

func TestJudgesShortageReported(t *testing.T) {
	tour := Tournament{Rules: DefaultRules, Seed: 1,
		Teams: []Team{{ID: 1, Region: "n"}, {ID: 2, Region: "s"}}}
	judges := []Judge{{ID: 1, Region: "n"}, {ID: 2, Region: "e", Strength: 5}, {ID: 3, School: "x"}}
	al, err := AllocateJudges(tour, []Debate{{Prop: 1, Opp: 2}}, judges)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(al.Panels[0].Judges, []int64{2, 3}) {
		t.Fatalf("panel %v, want the two judges without a conflict", al.Panels[0].Judges)
	}
	if len(al.Shortage) != 1 || al.Shortage[0].Key != RelaxJudges || al.Shortage[0].Args[1] != 2 {
		t.Fatalf("shortage %+v", al.Shortage)
	}
	if _, err := AllocateJudges(tour, nil, []Judge{{ID: 1}, {ID: 1}}); err == nil {
		t.Fatal("two judges with one ID accepted")
	}
}

// TestJudgesNeverConflicted runs a large round: no judge sits twice or
// with a conflict, and every panel is full when judges are plentiful.
func TestJudgesNeverConflicted(t *testing.T) {
	tour := simTournament(40, 3)
	_, ss := runRounds(t, tour, 2)
	d, err := Pair(tour, 3, ss)
	if err != nil {
		t.Fatal(err)
	}
	var judges []Judge
	for i := range 70 {
		judges = append(judges, Judge{ID: int64(i + 1), Strength: i % 101,
			Region: []string{"region0", "region1", "region2", "region3", "elsewhere"}[i%5]})
	}
	al, err := AllocateJudges(tour, d.Debates, judges)
	if err != nil {
		t.Fatal(err)
	}
	seated := map[int64]bool{}
	for _, p := range al.Panels {
		if len(p.Judges) != 3 {
			t.Errorf("panel of %d judges: %+v", len(p.Judges), p)
		}
		for _, j := range p.Judges {
			jd := judges[j-1]
			if seated[j] {
				t.Errorf("judge %d sits twice", j)
			}
			seated[j] = true
			for _, id := range []int64{p.Debate.Prop, p.Debate.Opp} {
				if conflicted(jd, tour.Teams[id-100]) {
					t.Errorf("judge %d judges team %d of their region", j, id)
				}
			}
		}
	}
	if len(al.Shortage) != 0 {
		t.Errorf("shortage with 70 judges for %d debates: %+v", len(d.Debates), al.Shortage)
	}
}
