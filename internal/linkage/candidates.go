package linkage

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// pair is a candidate pair: left and right record and its pattern.
type pair struct {
	l, r    uint32
	pattern uint32
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
			lv := make([]uint8, len(cs))
			var keys []uint64
			var mine []pair
			skips := 0
			for {
				start := int(next.Add(chunk)) - chunk
				if start >= right.Len() {
					break
				}
				for r := start; r < min(start+chunk, right.Len()); r++ {
					keys = blockKeys(right, r, keys[:0])
					for _, k := range keys {
						recs, big := ix.block(k)
						if big {
							skips++
						}
						for _, l := range recs {
							if mark[l] == uint32(r)+1 || self && int(l) >= r {
								continue
							}
							mark[l] = uint32(r) + 1
							levels(cs, left, int(l), right, r, lv)
							mine = append(mine, pair{l, uint32(r), c.encode(lv)})
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

// countPatterns counts the candidate pairs of each pattern.
func countPatterns(ps [][]pair) map[uint32]float64 {
	counts := map[uint32]float64{}
	for _, part := range ps {
		for _, p := range part {
			counts[p.pattern]++
		}
	}
	return counts
}
