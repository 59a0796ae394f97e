// Package flowgen generates large flow instances shaped like Jol's: the
// allocation of a campaign's stock to requests and the matching of mentees
// to mentors. Benchmarks and the comparison with other solvers use them;
// the same size and seed always give the same graph.
package flowgen

import (
	"math/rand/v2"

	"github.com/jolproject/jol/internal/flow"
)

// Mentoring is a mentee–mentor matching: each mentee has a number of
// candidate mentors, each pairing a mismatch cost (0–999, lower is
// better); each mentor takes a limited number of mentees (1–39, about
// mentees/mentors on average, so capacity is tight); a mentee left
// unmatched costs 10,000. Nodes: a source holding every mentee's unit,
// a sink, the mentees, the mentors. Arcs: source → mentee (1), mentee →
// mentor per candidate (1), mentee → sink for staying unmatched (1),
// mentor → sink (its capacity).
//
// 20,000 mentees, 1,000 mentors and 50 candidates make 1,041,000 arcs.
func Mentoring(mentees, mentors, candidates int, seed uint64) *flow.Graph {
	r := rand.New(rand.NewPCG(seed, 0x6d656e746f72))
	candidates = min(candidates, mentors)
	g := flow.NewGraph(2+mentees+mentors, mentees*(candidates+2)+mentors)
	src, sink := g.AddNode(), g.AddNode()
	firstMentee := g.AddNodes(mentees)
	firstMentor := g.AddNodes(mentors)
	g.SetSupply(src, int64(mentees))
	g.SetSupply(sink, -int64(mentees))

	const unmatched = 10_000
	seen := make([]int, mentors) // the mentee who last chose each mentor, plus one
	for i := range mentees {
		me := firstMentee + i
		g.AddArc(src, me, 1, 0)
		for k := 0; k < candidates; {
			m := r.IntN(mentors)
			if seen[m] == i+1 {
				continue
			}
			seen[m] = i + 1
			g.AddArc(me, firstMentor+m, 1, r.Int64N(1000))
			k++
		}
		g.AddArc(me, sink, 1, unmatched)
	}
	mean := max(1, mentees/max(1, mentors))
	for m := range mentors {
		g.AddArc(firstMentor+m, sink, 1+r.Int64N(int64(2*mean-1)), 0)
	}
	return g
}
