package selection

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"slices"
	"strconv"
)

// Candidate is one young person in a ranking: their macro-region and
// their score from the regional round.
type Candidate struct {
	YouthID int64
	Macro   Macro
	Score   float64
}

// Placed is a candidate's outcome in a ranking.
type Placed struct {
	Candidate
	MacroRank int    // 1 for the best of the macro-region
	Quota     int    // the macro-region's quota
	Position  int    // the place in the top list; 0 when not selected
	Reason    Reason // why they are, or are not, in the list
}

// Reason says why a candidate is or is not in the top list.
type Reason string

// The reasons.
const (
	// WithinQuota: among the best of the macro-region, up to its quota.
	WithinQuota Reason = "quota"
	// Redistributed: below the macro-region's quota line, taken on one of
	// the places another macro-region could not fill.
	Redistributed Reason = "redistributed"
	// Below: not selected.
	Below Reason = "below"
)

// Rank ranks candidates for a selection of places: each macro-region's
// best up to its quota (quotas), then the places a macro-region cannot
// fill — it has fewer candidates than its quota — go to the best
// remaining candidates of any macro-region, highest score first. Equal
// scores are ordered by tie (see TieRule), seeded for a draw by seed
// (the selection's id). The top list is ordered by score, with the same
// tie rule; the result lists every candidate, the selected first in
// list order, then the others by score.
func Rank(cands []Candidate, quotas map[Macro]int, places int, tie TieRule, seed int64) []Placed {
	less := order(tie, seed)
	out := make([]Placed, len(cands))
	for i, c := range cands {
		out[i] = Placed{Candidate: c, Quota: quotas[c.Macro], Reason: Below}
	}
	slices.SortFunc(out, func(a, b Placed) int { return less(a.Candidate, b.Candidate) })
	taken, seen := 0, map[Macro]int{}
	for i := range out {
		seen[out[i].Macro]++
		out[i].MacroRank = seen[out[i].Macro]
		if out[i].MacroRank <= out[i].Quota && taken < places {
			out[i].Reason = WithinQuota
			taken++
		}
	}
	for i := range out {
		if taken >= places {
			break
		}
		if out[i].Reason == Below {
			out[i].Reason = Redistributed
			taken++
		}
	}
	// The selected keep score order among themselves: out is sorted, so
	// numbering them in place gives the list's order.
	pos := 0
	for i := range out {
		if out[i].Reason != Below {
			pos++
			out[i].Position = pos
		}
	}
	slices.SortStableFunc(out, func(a, b Placed) int {
		return cmp.Compare(unselected(a), unselected(b))
	})
	return out
}

// unselected is 1 for a candidate not in the list, 0 for one in it.
func unselected(p Placed) int {
	if p.Position > 0 {
		return 0
	}
	return 1
}

// order is the ranking's order: the higher score first, then tie.
func order(tie TieRule, seed int64) func(a, b Candidate) int {
	return func(a, b Candidate) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		if tie == Draw {
			if c := cmp.Compare(lot(seed, a.YouthID), lot(seed, b.YouthID)); c != 0 {
				return c
			}
		}
		return cmp.Compare(a.YouthID, b.YouthID)
	}
}

// lot is a young person's number in the draw of selection seed: the
// first eight bytes of the SHA-256 of "seed:youth". Anyone can recompute
// it, so the draw can be checked after the fact.
func lot(seed, youth int64) uint64 {
	h := sha256.Sum256([]byte(strconv.FormatInt(seed, 10) + ":" + strconv.FormatInt(youth, 10)))
	return binary.BigEndian.Uint64(h[:8])
}

// Proportional shares places among the macro-regions in proportion to
// their numbers of candidates (counts), by the largest remainder method:
// each takes the whole part of its share, and the places left go to the
// largest remainders, ties to the macro-region first in Macros. A
// macro-region never gets more places than it has candidates; what that
// leaves is shared again among the others.
func Proportional(counts map[Macro]int, places int) map[Macro]int {
	out := map[Macro]int{}
	for _, m := range Macros() {
		out[m] = 0
	}
	left := places
	for left > 0 {
		total := 0
		for _, m := range Macros() {
			total += counts[m] - out[m]
		}
		if total == 0 {
			break
		}
		type rem struct {
			m    Macro
			frac int
		}
		var rems []rem
		given := 0
		for _, m := range Macros() {
			open := counts[m] - out[m]
			share := min(left*open/total, open)
			out[m] += share
			given += share
			if out[m] < counts[m] {
				rems = append(rems, rem{m, left * open % total})
			}
		}
		slices.SortStableFunc(rems, func(a, b rem) int { return cmp.Compare(b.frac, a.frac) })
		extra := left - given
		for _, r := range rems {
			if extra == 0 {
				break
			}
			out[r.m]++
			extra--
		}
		left = extra
	}
	return out
}
