package eligibility

import (
	"runtime"
	"sync"
	"time"
)

// evaluateAll evaluates every subject, encodes its detail and digests it,
// on as many goroutines as there are processors.
func evaluateAll(rs RuleSet, subs []subject, day time.Time) ([]scored, error) {
	out := make([]scored, len(subs))
	rules := rulesDigest(rs.Rules)
	workers := runtime.GOMAXPROCS(0)
	chunk := (len(subs) + workers - 1) / max(workers, 1)
	var g errgroup
	for lo := 0; lo < len(subs); lo += chunk {
		hi := min(lo+chunk, len(subs))
		g.Go(func() error {
			for i := lo; i < hi; i++ {
				var err error
				if _, out[i], err = evaluateSubject(rs, rules, &subs[i], day); err != nil {
					return err
				}
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
