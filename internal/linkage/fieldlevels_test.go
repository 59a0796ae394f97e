package linkage

import (
	"math"
	"testing"
)

func TestCompareGradesEachField(t *testing.T) {
	d := NewDataset(NewLexicon())
	d.Add(Input{Last: "Ахметова", First: "Мадина", Patronymic: "Болатқызы", Birth: MakeDate(2014, 6, 12), Sex: SexFemale})
	d.Add(Input{Last: "Akhmetova", First: "Madina", Birth: MakeDate(2014, 12, 6), Sex: SexMale, NatID: "140612600018"})
	want := map[string]Level{"last_name": Agree, "first_name": Agree, "patronymic": Missing, "birth_date": Partial,
		"sex": Disagree, "national_id": Missing}
	got := Compare(d, 0, 1, nil)
	if len(got) != len(want) {
		t.Fatalf("%d fields compared, want %d: %+v", len(got), len(want), got)
	}
	for _, f := range got {
		if l, ok := want[f.Field]; !ok || f.Level != l || f.Weight != 0 {
			t.Errorf("%s: level %d weight %v, want level %d and no weight without a model", f.Field, f.Level, f.Weight, l)
		}
	}
}

// TestDedupPairsCarryTheirFields checks that each pair a deduplication
// returns weighs the sum of its fields' weights, the clustered ones at
// least the review threshold and the others within the band.
func TestDedupPairsCarryTheirFields(t *testing.T) {
	d := readFEBRL(t, NewLexicon(), "dataset3.csv")
	res := Dedup(d)
	clustered, band := 0, 0
	for _, p := range res.Pairs {
		sum := 0.0
		for _, f := range p.Fields {
			sum += f.Weight
			if f.Level == Missing && f.Weight != 0 {
				t.Fatalf("pair %d–%d: missing %s weighs %v", p.Left, p.Right, f.Field, f.Weight)
			}
		}
		if math.Abs(sum-p.Weight) > 1e-9 || p.Left >= p.Right {
			t.Fatalf("pair %d–%d weighs %v, its fields %v", p.Left, p.Right, p.Weight, sum)
		}
		if p.Clustered {
			clustered++
			if p.Weight < res.Model.Review {
				t.Errorf("clustered pair %d–%d weighs %v, under the review threshold %v", p.Left, p.Right, p.Weight, res.Model.Review)
			}
		} else {
			band++
			if p.Weight < res.Model.Review || p.Weight >= res.Model.Match {
				t.Errorf("band pair %d–%d weighs %v, outside [%v, %v)", p.Left, p.Right, p.Weight, res.Model.Review, res.Model.Match)
			}
		}
	}
	inClusters := 0
	for _, g := range res.Clusters {
		inClusters += len(g) * (len(g) - 1) / 2
	}
	if clustered != inClusters || band != len(res.Review) {
		t.Errorf("%d clustered and %d band pairs, want %d and %d", clustered, band, inClusters, len(res.Review))
	}
}
