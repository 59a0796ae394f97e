package match

import (
	"github.com/jolproject/jol/internal/flow"
)

// Result is a matching run's outcome.
type Result struct {
	// Matches are the new matches to propose, by young person's id.
	Matches []Match
	// Unmatched are the young people left without a match (those with a
	// kept match aside), by id, each with the reason.
	Unmatched []Unmatched
	// Matched, Preference and Fit are the three aims' values over the
	// new matches: how many, the sum of preference worths (3, 2, 1 for a
	// first, second, third choice) and the sum of fit points.
	Matched, Preference, Fit int
	// Pivots is the solver's number of simplex pivots.
	Pivots int
}

// Match is a young person matched with a mentor.
type Match struct {
	Youth, Mentor int64
	// Choice is the mentor's rank in the young person's choices, 1 to 3,
	// or 0 when they did not rank them.
	Choice int
	Fit    Fit
	// Reasons explain the match: its preference first, then each
	// criterion of fit met ("your first choice; same field, same region").
	Reasons []Reason
}

// Unmatched is a young person left without a match, and why.
type Unmatched struct {
	Youth  int64
	Reason Reason
}

// Reason is an explanation every surface can give in the user's
// language: Key is an i18n message key, Args name/value pairs for it.
type Reason struct {
	Key  string
	Args []any
}

// result reads the matching from the optimal flow.
func (m *model) result(net *network, sol *flow.Solution) *Result {
	res := &Result{Pivots: sol.Pivots}
	for i, y := range m.youth {
		st := m.status[i]
		if st == kept {
			continue
		}
		if st == hasCandidates {
			if k := matchedWith(net, sol, i, len(m.cands[i])); k >= 0 {
				c := m.cands[i][k]
				mt := m.explainMatch(y, m.mentors[c.mentor], c)
				res.Matches = append(res.Matches, mt)
				res.Matched++
				res.Preference += c.pref
				res.Fit += c.fit.Points()
				continue
			}
		}
		res.Unmatched = append(res.Unmatched, Unmatched{Youth: y.ID, Reason: m.explainUnmatched(i, st)})
	}
	return res
}

// matchedWith is the candidate young person i is matched with, or -1.
func matchedWith(net *network, sol *flow.Solution, i, cands int) int {
	for k := range cands {
		if sol.Flow[net.candArc(i, k)] == 1 {
			return k
		}
	}
	return -1
}
