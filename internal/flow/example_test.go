package flow_test

import (
	"fmt"

	"github.com/jolproject/jol/internal/flow"
)

// Maximising total weight, serving as many or as few as is best: each
// person's arc costs minus their weight, and a bypass arc of cost zero
// takes whoever is not served, so the least cost is the most weight.
func Example_maximumWeight() {
	weights := []int64{5, 3, 4} // what serving each person is worth
	const places = 2

	g := flow.NewGraph(0, 0)
	src, sink, place := g.AddNode(), g.AddNode(), g.AddNode()
	people := int64(len(weights))
	g.SetSupply(src, people)
	g.SetSupply(sink, -people)
	g.AddArc(src, sink, people, 0) // the bypass: not served
	arcs := make([]int, len(weights))
	for i, w := range weights {
		p := g.AddNode()
		g.AddArc(src, p, 1, 0)
		arcs[i] = g.AddArc(p, place, 1, -w)
	}
	g.AddArc(place, sink, places, 0)

	sol, err := g.Solve()
	if err != nil {
		panic(err)
	}
	for i, a := range arcs {
		fmt.Printf("person %d (weight %d) served: %v\n", i, weights[i], sol.Flow[a] == 1)
	}
	fmt.Println("total weight:", -sol.Cost)
	// Output:
	// person 0 (weight 5) served: true
	// person 1 (weight 3) served: false
	// person 2 (weight 4) served: true
	// total weight: 9
}
