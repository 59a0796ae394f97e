package eligibility

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Entry is a request to rank: its id, the region it is ranked in (see
// RankRegion), its score and when it was made.
type Entry struct {
	ID        int64
	Region    string
	Score     int
	Requested time.Time
}

// Place is a request's rank in its region: 1 for the first, and the
// number of requests ranked there.
type Place struct {
	Rank int `json:"rank"`
	Of   int `json:"of"`
}

// Rank places every entry in its region: higher scores first, then the
// earlier request, then the lower id, so the order never depends on
// chance or on the order of entries. The result is aligned with entries.
// Only eligible requests should be ranked; the caller picks them.
func Rank(entries []Entry) []Place {
	// Regions become small integers, so the sort compares numbers only;
	// the sorted copy holds everything a comparison needs contiguously.
	type key struct {
		region int32
		score  int32
		at     int64 // unix nanoseconds; years 1678–2262 are plenty
		id     int64
		pos    int32
	}
	ids := make(map[string]int32)
	keys := make([]key, len(entries))
	for i, e := range entries {
		r, ok := ids[e.Region]
		if !ok {
			r = int32(len(ids))
			ids[e.Region] = r
		}
		keys[i] = key{region: r, score: int32(e.Score), at: e.Requested.UnixNano(), id: e.ID, pos: int32(i)}
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.region, b.region), cmp.Compare(b.score, a.score),
			cmp.Compare(a.at, b.at), cmp.Compare(a.id, b.id))
	})
	out := make([]Place, len(entries))
	for lo := 0; lo < len(keys); {
		hi := lo + 1
		for hi < len(keys) && keys[hi].region == keys[lo].region {
			hi++
		}
		for i := lo; i < hi; i++ {
			out[keys[i].pos] = Place{Rank: i - lo + 1, Of: hi - lo}
		}
		lo = hi
	}
	return out
}

// RankRegion returns the ancestor of a region path at depth (1: the
// country, 2: the region below it), or the path itself when it is not
// that deep. RankRegion("/KZ/KZ-35/KZ-35-01/", 2) is "/KZ/KZ-35/".
func RankRegion(path string, depth int) string {
	if !strings.HasPrefix(path, "/") {
		return path
	}
	i := 0
	for n := 0; n < depth; n++ {
		j := strings.IndexByte(path[i+1:], '/')
		if j < 0 {
			return path
		}
		i += j + 1
	}
	return path[:i+1]
}
