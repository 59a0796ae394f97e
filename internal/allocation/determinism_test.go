package allocation_test

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/testworld"
)

// planBytes is plan as JSON without what is not decided by the input: the
// time it took to read and solve.
func planBytes(t *testing.T, p *allocation.Plan) []byte {
	t.Helper()
	q := *p
	q.Read, q.Solve = 0, 0
	b, err := json.Marshal(q)
	must(t, err)
	return b
}

// The same instance, in any order, gives byte for byte the same plan:
// every line's outcome, warehouse, rank and cutoff, the tables and the
// digest.
func TestSameInstanceSamePlanBytes(t *testing.T) {
	r := rand.New(rand.NewPCG(70, 80))
	for i := range 500 {
		in := allocation.RandomInstance(r)
		first, err := allocation.Decide(clone(in))
		must(t, err)
		again := clone(in)
		r.Shuffle(len(again.Lines), func(a, b int) { again.Lines[a], again.Lines[b] = again.Lines[b], again.Lines[a] })
		r.Shuffle(len(again.Stock), func(a, b int) { again.Stock[a], again.Stock[b] = again.Stock[b], again.Stock[a] })
		r.Shuffle(len(again.Warehouses), func(a, b int) {
			again.Warehouses[a], again.Warehouses[b] = again.Warehouses[b], again.Warehouses[a]
		})
		r.Shuffle(len(again.Quotas), func(a, b int) { again.Quotas[a], again.Quotas[b] = again.Quotas[b], again.Quotas[a] })
		second, err := allocation.Decide(again)
		must(t, err)
		if a, b := planBytes(t, first), planBytes(t, second); !bytes.Equal(a, b) {
			t.Fatalf("instance %d planned two ways:\n%s\n%s", i, a, b)
		}
	}
}

// clone copies an instance deeply enough to reorder it.
func clone(in *allocation.Instance) *allocation.Instance {
	out := *in
	out.Lines = append([]allocation.Line(nil), in.Lines...)
	out.Stock = append([]allocation.Stock(nil), in.Stock...)
	out.Quotas = append([]allocation.Quota(nil), in.Quotas...)
	out.Warehouses = nil
	for _, w := range in.Warehouses {
		if w.Routes != nil {
			w.Routes = append([]allocation.Route{}, w.Routes...)
		}
		out.Warehouses = append(out.Warehouses, w)
	}
	return &out
}

// Two dry runs of the same campaign, on both engines, give byte for byte
// the same plan, and the commit that follows carries out that plan.
func TestDryRunsAreIdentical(t *testing.T) {
	testworld.Each(t, func(t *testing.T, tw *testworld.World) {
		f := contested(t, tw)
		coord := f.Principal(access.Coordinator)
		first, err := f.s.DryRun(f.ctx, coord, f.c.ID, "web")
		must(t, err)
		second, err := f.s.DryRun(f.ctx, coord, f.c.ID, "api")
		must(t, err)
		if a, b := planBytes(t, first), planBytes(t, second); !bytes.Equal(a, b) {
			t.Fatalf("two dry runs:\n%s\n%s", a, b)
		}
		done, _, err := f.s.Commit(f.ctx, coord, f.c.ID, allocation.CommitOptions{Version: first.Version,
			Digest: first.Digest})
		must(t, err)
		done.Version = first.Version
		if a, b := planBytes(t, first), planBytes(t, done); !bytes.Equal(a, b) {
			t.Fatalf("the dry run and the commit:\n%s\n%s", a, b)
		}
	})
}
