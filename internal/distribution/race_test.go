package distribution_test

import (
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/testworld"
)

// 100 staff handing over the same reserved unit at once: exactly one
// wins, the others are told it is handed over already, and the ledger
// gave it once.
func TestSameLineHandedOverOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		id := f.request(t, "Aigerim", f.computer())
		var mu sync.Mutex
		answers := map[string]int{}
		var wg sync.WaitGroup
		for i := range 100 {
			wg.Go(func() {
				serial := []string{"PC-1", "PC-2", "PC-3"}[i%3]
				_, err := f.handOver(id, distribution.LineInput{Line: 1, Serials: []string{serial}})
				mu.Lock()
				answers[key(err)]++
				mu.Unlock()
			})
		}
		wg.Wait()
		if answers[""] != 1 || answers["error.handover_done"] != 99 {
			t.Fatalf("answers %v", answers)
		}
		if n := f.scalar(t, "SELECT count(*) FROM stock_docs WHERE kind = 'issue_person'"); n != 1 {
			t.Fatalf("%d issues, want 1", n)
		}
		if n := f.scalar(t, "SELECT count(*) FROM stock_units WHERE state = 'issued'"); n != 1 {
			t.Fatalf("%d computers issued, want 1", n)
		}
		f.verify(t)
	})
}
