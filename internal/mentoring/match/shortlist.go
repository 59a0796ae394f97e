package match

import (
	"slices"

	"github.com/jolproject/jol/internal/errs"
)

// Candidate is a mentor shortlisted for a young person, and what they
// share.
type Candidate struct {
	Mentor int64
	Fit    Fit
}

// Shortlist returns the mentors young person id may rank: those eligible
// for them with a free place that meet in.Rule, the best-fitting first
// and by id among equals, at most Rule.Limit; their present choices and
// Rule.ChoicesOnly play no part. A young person who cannot be matched
// now (a minor without consent, no mentor fits, …) gets none, and the
// reason Run would give; otherwise the reason is zero. An id not in
// in.Youth is errs.ErrNotFound.
func Shortlist(in Input, id int64) ([]Candidate, Reason, error) {
	if !slices.ContainsFunc(in.Youth, func(y Youth) bool { return y.ID == id }) {
		return nil, Reason{}, errs.ErrNotFound
	}
	if err := in.validate(); err != nil {
		return nil, Reason{}, err
	}
	m := newModel(&in)
	i := slices.IndexFunc(m.youth, func(y *Youth) bool { return y.ID == id })
	cs, st := m.candidates(i, m.newScratch(), true)
	if st != hasCandidates {
		return nil, m.explainUnmatched(i, st), nil
	}
	out := make([]Candidate, len(cs))
	for j, c := range cs {
		out[j] = Candidate{Mentor: m.mentors[c.mentor].ID, Fit: c.fit}
	}
	return out, Reason{}, nil
}
