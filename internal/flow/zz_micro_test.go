package flow

import (
	"os"
	"testing"
)

var microS *simplex

func microSetup(b *testing.B) *simplex {
	if microS != nil {
		return microS
	}
	f, _ := os.Open("/tmp/flowbench/m.min")
	g, err := ReadDIMACS(f)
	if err != nil {
		b.Fatal(err)
	}
	s := newSimplex(g, 10001*21003, 1<<40)
	for i := 0; i < 60000; i++ {
		e := s.pricer.entering(s)
		if e < 0 {
			break
		}
		s.pivot(e)
	}
	microS = s
	return s
}

func bestInRange2(s *simplex, lo, hi int) int {
	state, cost, tail, head := s.state[lo:hi], s.cost[lo:hi], s.tail[lo:hi], s.head[lo:hi]
	cost, tail, head = cost[:len(state)], tail[:len(state)], head[:len(state)]
	pi := s.pi
	best, bestVal := -1, int64(0)
	best2, bestVal2 := -1, int64(0)
	i := 0
	for ; i+1 < len(state); i += 2 {
		v := int64(state[i]) * (cost[i] - pi[tail[i]] + pi[head[i]])
		w := int64(state[i+1]) * (cost[i+1] - pi[tail[i+1]] + pi[head[i+1]])
		if v < bestVal {
			best, bestVal = i, v
		}
		if w < bestVal2 {
			best2, bestVal2 = i+1, w
		}
	}
	if i < len(state) {
		if v := int64(state[i]) * (cost[i] - pi[tail[i]] + pi[head[i]]); v < bestVal {
			best, bestVal = i, v
		}
	}
	if bestVal2 < bestVal || (bestVal2 == bestVal && best2 < best && best2 >= 0) {
		best = best2
	}
	if best < 0 {
		return -1
	}
	return lo + best
}

func BenchmarkScan1(b *testing.B) {
	s := microSetup(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for lo := 0; lo < s.m; lo += 1020 {
			bestInRange(s, lo, min(lo+1020, s.m))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(s.m), "ns/arc")
}

func BenchmarkScan2(b *testing.B) {
	s := microSetup(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for lo := 0; lo < s.m; lo += 1020 {
			bestInRange2(s, lo, min(lo+1020, s.m))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(s.m), "ns/arc")
}
