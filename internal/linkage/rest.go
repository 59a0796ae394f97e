package linkage

import (
	"runtime"
	"sync"
)

// LinkRest links the records LinkLists left unlinked: left and right
// hold the unlinked records of both lists, in datasets of the lexicon of
// the run, and m is the model LinkLists fitted on the whole lists.
// Blocking proposes only the pairs that share a key, and a child whose
// every key carries a mistake (a name misspelt in another script, the
// date and ID wrong) is never compared. What is left unlinked is small,
// so LinkRest compares every pair of it whose birth years are at most
// one apart (or that lacks a date), weighs the pairs with m, whose
// weights and thresholds stay those of the whole lists, and assigns them
// one to one as LinkLists does. The work grows with the product of the
// two sides: it is meant for residues of a few thousand records.
func LinkRest(left, right *Dataset, m *Model) *LinkResult {
	cs := m.Comparators
	c := newCodec(cs)
	byYear := map[int][]int32{}
	var undated []int32
	for i := range left.Records {
		if b := left.Records[i].Birth; b != 0 {
			y, _, _ := b.Parts()
			byYear[y] = append(byYear[y], int32(i))
		} else {
			undated = append(undated, int32(i))
		}
	}
	workers := runtime.GOMAXPROCS(0)
	found := make([][]Link, workers)
	compared := make([]int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			lv, scratch := make([]uint8, len(cs)), make([]uint8, len(cs))
			memo := new(nameMemo)
			weights := map[uint32]float64{}
			try := func(i int32, j int) {
				compared[w]++
				levels(cs, left, int(i), right, j, lv, memo)
				p := c.encode(lv)
				wt, ok := weights[p]
				if !ok {
					wt = m.weight(c, p, scratch)
					weights[p] = wt
				}
				if wt >= m.Review {
					found[w] = append(found[w], Link{int(i), j, wt})
				}
			}
			for j := w; j < right.Len(); j += workers {
				b := right.Records[j].Birth
				if b == 0 {
					for i := range left.Records {
						try(int32(i), j)
					}
					continue
				}
				y, _, _ := b.Parts()
				for _, yy := range [...]int{y - 1, y, y + 1} {
					for _, i := range byYear[yy] {
						try(i, j)
					}
				}
				for _, i := range undated {
					try(i, j)
				}
			}
		})
	}
	wg.Wait()
	var cands []Link
	st := Stats{}
	for w := range workers {
		cands = append(cands, found[w]...)
		st.Candidates += compared[w]
	}
	res := settle(cands, nil, left.Len(), right.Len(), m)
	res.Model, res.Stats = m, st
	return res
}
