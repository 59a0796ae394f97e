package eligibility

import (
	"runtime"
	"sync"
	"time"
)

// evaluateAll evaluates every subject and encodes its detail, on as many
// goroutines as there are processors.
func evaluateAll(rs RuleSet, subs []subject, day time.Time) ([]scored, error) {
	out := make([]scored, len(subs))
	workers := runtime.GOMAXPROCS(0)
	chunk := (len(subs) + workers - 1) / max(workers, 1)
	var g errgroup
	for lo := 0; lo < len(subs); lo += chunk {
		hi := min(lo+chunk, len(subs))
		g.Go(func() error {
			for i := lo; i < hi; i++ {
				r := EvaluateItems(rs.Rules, rs.Weights, subs[i].facts, subs[i].items, day)
				d, err := EncodeDetail(r)
				if err != nil {
					return err
				}
				out[i] = scored{status: r.Status, score: r.Score, region: r.RankRegion, detail: d}
			}
			return nil
		})
	}
	return out, g.Wait()
}

// errgroup runs functions on goroutines and returns the first error.
type errgroup struct {
	wg   sync.WaitGroup
	once sync.Once
	err  error
}

func (g *errgroup) Go(fn func() error) {
	g.wg.Go(func() {
		if err := fn(); err != nil {
			g.once.Do(func() { g.err = err })
		}
	})
}

func (g *errgroup) Wait() error {
	g.wg.Wait()
	return g.err
}
