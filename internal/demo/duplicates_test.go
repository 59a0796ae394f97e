package demo_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/dedupe"
	"github.com/jolproject/jol/internal/demo"
)

// The demo's Karaganda children written twice wait in the duplicate
// queue, best first, when the demo starts; seeding again adds no record
// and no pair.
func TestDemoDuplicates(t *testing.T) {
	_, svc := seeded(t)
	q := func() []dedupe.Pair {
		var out []dedupe.Pair
		pg := dedupe.Page{Limit: 500}
		for {
			rows, next, err := svc.Dedupe.Queue(ctx, access.System, pg)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, rows...)
			if pg.Cursor = next; next == "" {
				return out
			}
		}
	}
	first := q()
	karaganda, latin := 0, 0
	for _, p := range first {
		if strings.HasPrefix(p.A.RegionPath, "/KZ/KZ-35/") && strings.HasPrefix(p.B.RegionPath, "/KZ/KZ-35/") {
			karaganda++
		}
		if p.B.Name != "" && p.B.Name[0] < 0x80 {
			latin++
		}
	}
	t.Logf("%d pairs queued, %d in Karaganda, %d with a record in Latin letters", len(first), karaganda, latin)
	if karaganda < 24 || latin < 8 {
		t.Errorf("%d pairs in Karaganda (%d in Latin letters), want a few dozen", karaganda, latin)
	}
	if _, err := demo.Seed(ctx, svc, demo.Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	if again := q(); len(again) != len(first) {
		t.Errorf("seeding again: %d pairs, then %d", len(first), len(again))
	}
}
