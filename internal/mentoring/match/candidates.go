package match

import (
	"cmp"
	"slices"
)

// status is where a young person stands before the solve.
type status uint8

const (
	hasCandidates      status = iota
	kept                      // a kept match stands
	noConsent                 // a minor without a guardian's consent
	noMentor                  // no eligible mentor with a free place meets the rule
	noVetted                  // a minor: the only such mentors are not vetted for minors
	allExcluded               // every candidate declined or let a proposal expire
	choicesUnavailable        // ChoicesOnly, and none of the choices can take them
)

// scratch is per-mentor working space reused from one young person to
// the next, so the scan allocates nothing per pair.
type scratch struct {
	pref     []int
	excluded []bool
	byFit    [maxFit + 1][]cand
}

// candidates finds young person i's candidates: the shortlist (the Limit
// best-fitting eligible mentors, by fit and then id) followed by their
// eligible choices outside it, and their status. Under ChoicesOnly a
// young person who ranked mentors considers only them. With noChoices
// their choices are ignored: the shortlist alone, every preference
// Other.
func (m *model) candidates(i int, s *scratch, noChoices bool) ([]cand, status) {
	y := *m.youth[i]
	if noChoices {
		y.Choices = nil
	}
	if m.kept[y.ID] {
		return nil, kept
	}
	if m.minor[i] && !y.Consent {
		return nil, noConsent
	}
	for k, id := range y.Choices {
		if j, ok := m.mIndex[id]; ok {
			s.pref[j] = maxPref - k
		}
	}
	for _, j := range m.exclude[y.ID] {
		s.excluded[j] = true
	}
	defer func() {
		for _, id := range y.Choices {
			if j, ok := m.mIndex[id]; ok {
				s.pref[j] = Other
			}
		}
		for _, j := range m.exclude[y.ID] {
			s.excluded[j] = false
		}
	}()

	onlyChoices := m.in.Rule.ChoicesOnly && len(y.Choices) > 0
	var unvetted, excluded bool
	consider := func(j int) {
		if !m.mentors[j].School || m.free[j] <= 0 {
			return
		}
		f := m.fit(i, j)
		switch {
		case !m.in.Rule.meets(f):
		case m.minor[i] && !m.vetted[j]:
			unvetted = true
		case s.excluded[j]:
			excluded = true
		default:
			s.byFit[f.Points()] = append(s.byFit[f.Points()], cand{j, s.pref[j], f})
		}
	}
	if onlyChoices {
		for _, id := range y.Choices {
			if j, ok := m.mIndex[id]; ok {
				consider(j)
			}
		}
	} else {
		for j := range m.mentors {
			consider(j)
		}
	}

	var out, rest []cand
	limit := m.in.Rule.Limit
	for p := maxFit; p >= 0; p-- {
		for _, c := range s.byFit[p] {
			if onlyChoices || limit <= 0 || len(out) < limit {
				out = append(out, c)
			} else if c.pref != Other {
				rest = append(rest, c)
			}
		}
		s.byFit[p] = s.byFit[p][:0]
	}
	if onlyChoices {
		slices.SortFunc(out, func(a, b cand) int { return cmp.Compare(b.pref, a.pref) })
	}
	out = append(out, rest...)
	switch {
	case len(out) > 0:
		return out, hasCandidates
	case excluded:
		return nil, allExcluded
	case m.minor[i] && unvetted:
		return nil, noVetted
	case onlyChoices:
		return nil, choicesUnavailable
	}
	return nil, noMentor
}

func (m *model) newScratch() *scratch {
	return &scratch{pref: make([]int, len(m.mentors)), excluded: make([]bool, len(m.mentors))}
}
