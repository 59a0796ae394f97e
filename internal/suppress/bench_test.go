package suppress_test

import (
	"math/rand/v2"
	"testing"

	"github.com/jolproject/jol/internal/suppress"
)

// BenchmarkProtectGroupOfAReport protects the three tables of a large
// report as one group: 20 regions by 4 outcomes (the first two making the
// children reached), by 8 items and by 12 categories, a third of the
// counts small.
func BenchmarkProtectGroupOfAReport(b *testing.B) {
	rng := rand.New(rand.NewPCG(11, 12))
	reached := random(rng, 20, 2, 40)
	rest := random(rng, 20, 2, 20)
	outcome := make([][]int64, 20)
	for i := range outcome {
		outcome[i] = append(append([]int64{}, reached[i]...), rest[i]...)
	}
	ms := []suppress.Linked{{Table: suppress.Table{Cells: outcome}, Split: 2},
		{Table: suppress.Table{Cells: sameRows(rng, reached, 8)}}, {Table: suppress.Table{Cells: sameRows(rng, reached, 12)}}}
	for b.Loop() {
		suppress.ProtectGroup(ms)
	}
}
