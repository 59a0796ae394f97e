package flow

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestDIMACSRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 50 {
		g := randInstance(r)
		var b bytes.Buffer
		if err := g.WriteDIMACS(&b); err != nil {
			t.Fatal(err)
		}
		back, err := ReadDIMACS(&b)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(back.supply, g.supply) || !slices.Equal(back.tail, g.tail) ||
			!slices.Equal(back.head, g.head) || !slices.Equal(back.capacity, g.capacity) ||
			!slices.Equal(back.cost, g.cost) {
			t.Fatalf("read back differs:\n%+v\n%+v", g, back)
		}
	}
}

func TestReadDIMACS(t *testing.T) {
	g, err := ReadDIMACS(strings.NewReader("c a comment\n\np min 3 2\nn 1 4\nn 3 -4\na 1 2 0 5 -2\na 2 3 0 9 7\n"))
	if err != nil {
		t.Fatal(err)
	}
	if g.NumNodes() != 3 || g.NumArcs() != 2 || g.Supply(0) != 4 || g.Supply(2) != -4 {
		t.Fatalf("read %+v", g)
	}
	if from, to, c, cost := g.Arc(0); from != 0 || to != 1 || c != 5 || cost != -2 {
		t.Fatalf("arc 0: %d %d %d %d", from, to, c, cost)
	}
	for _, bad := range []string{
		"",
		"a 1 2 0 5 1\n",
		"p max 3 2\n",
		"p min 2 1\np min 2 1\n",
		"p min 2 1\na 1 3 0 5 1\n",
		"p min 2 1\na 1 2 1 5 1\n",
		"p min 2 1\na 1 2 0 -5 1\n",
		"p min 2 1\nn 0 5\n",
		"p min 2 1\na 1 2 0 x 1\n",
		"p min 2 1\nx 1 2\n",
	} {
		if _, err := ReadDIMACS(strings.NewReader(bad)); err == nil {
			t.Errorf("read %q without error", bad)
		}
	}
}
