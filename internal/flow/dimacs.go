package flow

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteDIMACS writes the graph as a DIMACS minimum-cost flow problem:
// "p min NODES ARCS", an "n NODE SUPPLY" line per node with a supply, and
// "a FROM TO 0 CAPACITY COST" per arc in arc order, nodes numbered from 1.
// Other solvers read it, which is how the tests and benchmarks compare
// this one with them.
func (g *Graph) WriteDIMACS(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	fmt.Fprintf(bw, "p min %d %d\n", g.NumNodes(), g.NumArcs())
	var buf []byte
	for v, b := range g.supply {
		if b != 0 {
			buf = append(buf[:0], "n "...)
			buf = strconv.AppendInt(buf, int64(v+1), 10)
			buf = append(buf, ' ')
			buf = strconv.AppendInt(buf, b, 10)
			bw.Write(append(buf, '\n'))
		}
	}
	for a := range g.tail {
		buf = append(buf[:0], "a "...)
		buf = strconv.AppendInt(buf, int64(g.tail[a])+1, 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64(g.head[a])+1, 10)
		buf = append(buf, " 0 "...)
		buf = strconv.AppendInt(buf, g.capacity[a], 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, g.cost[a], 10)
		bw.Write(append(buf, '\n'))
	}
	return bw.Flush()
}

// ReadDIMACS reads a graph that WriteDIMACS wrote, or any DIMACS
// minimum-cost flow problem whose lower bounds are all zero. Comment
// lines ("c …") and blank lines are skipped; arcs keep their order.
func ReadDIMACS(r io.Reader) (*Graph, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	var g *Graph
	var nums [5]int64
	for line := 1; sc.Scan(); line++ {
		f := strings.Fields(sc.Text())
		bad := func(why string) error {
			return fmt.Errorf("dimacs line %d: %s: %q", line, why, sc.Text())
		}
		if len(f) == 0 || f[0] == "c" {
			continue
		}
		switch {
		case f[0] == "p" && len(f) == 4 && f[1] == "min":
			if g != nil {
				return nil, bad("a second problem line")
			}
			if !parseInts(nums[:2], f[2:]) || nums[0] < 0 || nums[1] < 0 {
				return nil, bad("bad sizes")
			}
			g = NewGraph(int(nums[0]), int(nums[1]))
			g.AddNodes(int(nums[0]))
		case g == nil:
			return nil, bad("no problem line before")
		case f[0] == "n" && len(f) == 3:
			if !parseInts(nums[:2], f[1:]) || !inRange(g, nums[0]) {
				return nil, bad("bad node")
			}
			g.SetSupply(int(nums[0]-1), nums[1])
		case f[0] == "a" && len(f) == 6:
			if !parseInts(nums[:], f[1:]) || !inRange(g, nums[0]) || !inRange(g, nums[1]) {
				return nil, bad("bad arc")
			}
			if nums[2] != 0 || nums[3] < 0 {
				return nil, bad("lower bound not zero or negative capacity")
			}
			g.AddArc(int(nums[0]-1), int(nums[1]-1), nums[3], nums[4])
		default:
			return nil, bad("not a min-cost flow line")
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("dimacs: %w", err)
	}
	if g == nil {
		return nil, fmt.Errorf("dimacs: no problem line")
	}
	return g, nil
}

// parseInts parses fields into out, which has the same length, and
// reports whether every field was an integer.
func parseInts(out []int64, fields []string) bool {
	for i, s := range fields {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return false
		}
		out[i] = v
	}
	return true
}

func inRange(g *Graph, v int64) bool { return v >= 1 && v <= int64(g.NumNodes()) }
