package dedupe_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/dedupe"
	"github.com/jolproject/jol/internal/testworld"
)

// pairKey is a pair by its two person ids, lower first.
type pairKey [2]int64

func keyOf(a, b int64) pairKey { return pairKey{min(a, b), max(a, b)} }

// queue reads the whole queue as p sees it, in order.
func queue(t *testing.T, s *dedupe.Service, p access.Principal) []dedupe.Pair {
	t.Helper()
	var out []dedupe.Pair
	pg := dedupe.Page{Limit: 2}
	for {
		ps, next, err := s.Queue(t.Context(), p, pg)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, ps...)
		if next == "" {
			return out
		}
		pg.Cursor = next
	}
}

func TestScanQueuesKnownDuplicatesBestFirst(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		r := newRegistry(t, w)
		s := w.Services.Dedupe
		sc, err := s.Run(t.Context(), dedupe.ByRequest, 0)
		if err != nil {
			t.Fatal(err)
		}
		if sc.Persons != 168 || sc.NewPairs != sc.Pairs {
			t.Errorf("scan = %+v, want 168 persons and every pair new", sc)
		}
		q := queue(t, s, w.Principal(access.Coordinator))
		found := map[pairKey]dedupe.Pair{}
		for i, p := range q {
			found[keyOf(p.A.ID, p.B.ID)] = p
			if p.A.ID >= p.B.ID {
				t.Errorf("pair %d: person_a %d not below person_b %d", p.ID, p.A.ID, p.B.ID)
			}
			if i > 0 && q[i-1].Weight < p.Weight {
				t.Errorf("pair %d (%.2f) after a lighter one (%.2f)", p.ID, p.Weight, q[i-1].Weight)
			}
		}
		for _, k := range []string{"latin", "typo", "swap", "omarov"} {
			p, ok := found[keyOf(r.id(k), r.id(k+"2"))]
			if !ok {
				t.Errorf("pair %s not queued; queue: %+v", k, q)
				continue
			}
			if p.Probability <= 0.5 {
				t.Errorf("pair %s: probability %.3f", k, p.Probability)
			}
		}
		if p := found[keyOf(r.id("swap"), r.id("swap2"))]; !contains(p.Agree, dedupe.FieldBirth) || !contains(p.Agree, dedupe.FieldLast) {
			t.Errorf("swapped day and month: agree %v, disagree %v", p.Agree, p.Disagree)
		}
		// The known duplicates come first: every other pair weighs less.
		known := map[pairKey]bool{}
		for _, k := range []string{"latin", "typo", "swap", "omarov"} {
			known[keyOf(r.id(k), r.id(k+"2"))] = true
		}
		for i, p := range q {
			if i < 4 != known[keyOf(p.A.ID, p.B.ID)] {
				t.Errorf("queue[%d] = %s / %s (%.2f): the four known pairs should lead", i, p.A.Name, p.B.Name, p.Weight)
			}
		}
	})
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
