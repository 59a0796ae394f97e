package eligibility

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

func TestRank(t *testing.T) {
	at := func(d int) time.Time { return day("2026-07-01").AddDate(0, 0, d) }
	entries := []Entry{
		{ID: 1, Region: "/KZ/KZ-35/", Score: 40, Requested: at(3)},
		{ID: 2, Region: "/KZ/KZ-71/", Score: 10, Requested: at(0)},
		{ID: 3, Region: "/KZ/KZ-35/", Score: 58, Requested: at(5)},
		{ID: 4, Region: "/KZ/KZ-35/", Score: 40, Requested: at(1)}, // earlier than 1: ahead of it
		{ID: 5, Region: "/KZ/KZ-35/", Score: 40, Requested: at(1)}, // same day as 4: the id decides
	}
	want := []Place{{4, 4}, {1, 1}, {1, 4}, {2, 4}, {3, 4}}
	got := Rank(entries)
	if !slices.Equal(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	// The order of the input changes nothing.
	shuffled := slices.Clone(entries)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	for i, p := range Rank(shuffled) {
		if w := want[shuffled[i].ID-1]; p != w {
			t.Errorf("shuffled: id %d got %v, want %v", shuffled[i].ID, p, w)
		}
	}
	if len(Rank(nil)) != 0 {
		t.Error("ranking nothing gives places")
	}
}

func TestRankRegion(t *testing.T) {
	for _, c := range []struct {
		path  string
		depth int
		want  string
	}{
		{"/KZ/KZ-35/KZ-35-01/", 2, "/KZ/KZ-35/"},
		{"/KZ/KZ-35/KZ-35-01/", 1, "/KZ/"},
		{"/KZ/KZ-35/KZ-35-01/", 3, "/KZ/KZ-35/KZ-35-01/"},
		{"/KZ/KZ-35/", 4, "/KZ/KZ-35/"},
		{"", 2, ""},
	} {
		if got := RankRegion(c.path, c.depth); got != c.want {
			t.Errorf("RankRegion(%q, %d) = %q, want %q", c.path, c.depth, got, c.want)
		}
	}
}
