package flowgen

import (
	"bytes"
	"testing"

	"github.com/jolproject/jol/internal/flow"
)

func TestSizes(t *testing.T) {
	g := Mentoring(200, 10, 5, 1)
	if g.NumNodes() != 2+200+10 || g.NumArcs() != 200*(5+2)+10 {
		t.Errorf("mentoring: %d nodes, %d arcs", g.NumNodes(), g.NumArcs())
	}
	a := Allocation(AllocationSize{Requests: 1000, Items: 3, Regions: 4, Warehouses: 5}, 1)
	var lines int
	for arc := range a.NumArcs() {
		if _, _, c, cost := a.Arc(arc); c == 1 && cost < 0 {
			lines++
		}
	}
	if lines != 1000 {
		t.Errorf("allocation: %d request lines, want 1000", lines)
	}
	if a.Supply(0) != 1000 || a.Supply(1) != -1000 {
		t.Errorf("allocation: supplies %d and %d", a.Supply(0), a.Supply(1))
	}
}

// The same size and seed give the same graph; another seed another.
func TestSameSeedSameGraph(t *testing.T) {
	dimacs := func(g *flow.Graph) []byte {
		var b bytes.Buffer
		if err := g.WriteDIMACS(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	size := AllocationSize{Requests: 500, Items: 4, Regions: 3, Warehouses: 4}
	if !bytes.Equal(dimacs(Allocation(size, 7)), dimacs(Allocation(size, 7))) {
		t.Error("allocation differs for the same seed")
	}
	if bytes.Equal(dimacs(Allocation(size, 7)), dimacs(Allocation(size, 8))) {
		t.Error("allocation is the same for another seed")
	}
	if !bytes.Equal(dimacs(Mentoring(100, 10, 4, 3)), dimacs(Mentoring(100, 10, 4, 3))) {
		t.Error("mentoring differs for the same seed")
	}
}
