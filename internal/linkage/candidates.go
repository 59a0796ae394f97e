package linkage

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// pair is a candidate pair: left and right record, its pattern, and the
// rules whose keys it agrees on (bit i for rule i).
type pair struct {
	l, r    uint32
	pattern uint32
	rules   uint16
}

// Stats describe a run's blocking.
type Stats struct {
	Candidates    int // pairs compared
	SkippedBlocks int // lookups of a key whose block exceeded the cap
	Patterns      int // distinct patterns of levels
}

// candidates compares every right record with the left records sharing
// a blocking key and returns the pairs with their patterns. With self
// set (deduplication, left == right) only pairs l < r are made. The work
// is spread over the processors; each worker keeps its own marks of the
// left records it has already paired with the current right record.
func candidates(left, right *Dataset, ix *blockIndex, self bool, cs []comparator, c codec) ([][]pair, Stats) {
	workers := runtime.GOMAXPROCS(0)
	out := make([][]pair, workers)
	var next atomic.Int64
	var skipped atomic.Int64
	var wg sync.WaitGroup
	const chunk = 2048
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mark := make([]uint32, left.Len())
			pos := make([]uint32, left.Len()) // where mine holds the pair of l with the current r
			lv := make([]uint8, len(cs))
			memo := new(nameMemo)
			var keys []blockKey
			var mine []pair
			skips := 0
			for {
				start := int(next.Add(chunk)) - chunk
				if start >= right.Len() {
					break
				}
				for r := start; r < min(start+chunk, right.Len()); r++ {
					keys = blockKeys(right, r, true, keys[:0])
					for _, k := range keys {
						recs, big := ix.block(k.hash, limit(k.rule))
						if big {
							skips++
						}
						bit := uint16(1) << k.rule
						for _, e := range recs {
							l := uint32(e & ix.recMask)
							if self && int(l) >= r {
								continue
							}
							if mark[l] == uint32(r)+1 {
								mine[pos[l]].rules |= bit
								continue
							}
							mark[l], pos[l] = uint32(r)+1, uint32(len(mine))
							levels(cs, left, int(l), right, r, lv, memo)
							mine = append(mine, pair{l, uint32(r), c.encode(lv), bit})
						}
					}
				}
			}
			out[w] = mine
			skipped.Add(int64(skips))
		}()
	}
	wg.Wait()
	st := Stats{SkippedBlocks: int(skipped.Load())}
	for _, ps := range out {
		st.Candidates += len(ps)
	}
	return out, st
}

// countPatterns counts the candidate pairs of each pattern, in all and
// for each rule.
func countPatterns(ps [][]pair) (all map[uint32]float64, byRule [numRules]map[uint32]float64) {
	all = map[uint32]float64{}
	for i := range byRule {
		byRule[i] = map[uint32]float64{}
	}
	for _, part := range ps {
		for _, p := range part {
			all[p.pattern]++
			for i := range numRules {
				if p.rules&(1<<i) != 0 {
					byRule[i][p.pattern]++
				}
			}
		}
	}
	return all, byRule
}
