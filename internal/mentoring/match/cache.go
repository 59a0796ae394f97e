package match

// Young people who share a field, a region, languages, formats and
// being a minor or not share a shortlist, unless they refused a mentor
// before: shortlistAll scans the mentors once per such group, not once
// per young person, and adds each young person's own choices. Cohorts
// have far fewer groups than young people.

// groupKey is what a young person's shortlist depends on; only sets of
// at most 64 values are keyed (others are scanned each time).
type groupKey struct {
	field, region  int
	langs, formats uint64
	minor          bool
}

// group is a shortlist found for a group, and its status.
type group struct {
	cands []cand
	st    status
}

func (m *model) groupKey(i int) (groupKey, bool) {
	if len(m.yLangs[i]) > 1 || len(m.yFormats[i]) > 1 {
		return groupKey{}, false
	}
	k := groupKey{field: m.yField[i], region: m.yRegion[i], minor: m.minor[i]}
	if len(m.yLangs[i]) == 1 {
		k.langs = m.yLangs[i][0]
	}
	if len(m.yFormats[i]) == 1 {
		k.formats = m.yFormats[i][0]
	}
	return k, true
}

// groupCandidates is candidates(i, s, false), with the shortlist of i's
// group found once. Young people whose candidates do not come from the
// group's shortlist alone go to candidates.
func (m *model) groupCandidates(i int, s *scratch, groups map[groupKey]group) ([]cand, status) {
	y := m.youth[i]
	k, ok := m.groupKey(i)
	if !ok || m.in.Rule.Limit <= 0 || m.kept[y.ID] || m.minor[i] && !y.Consent ||
		len(m.exclude[y.ID]) > 0 || m.in.Rule.ChoicesOnly && len(y.Choices) > 0 {
		return m.candidates(i, s, false)
	}
	g, seen := groups[k]
	if !seen {
		g.cands, g.st = m.candidates(i, s, true)
		groups[k] = g
	}
	out := append([]cand(nil), g.cands...)
choices:
	for n, id := range y.Choices {
		j, known := m.mIndex[id]
		if !known {
			continue
		}
		for c := range out {
			if out[c].mentor == j {
				out[c].pref = maxPref - n
				continue choices
			}
		}
		if f := m.fit(i, j); m.mentors[j].School && m.free[j] > 0 && m.in.Rule.meets(f) && (!m.minor[i] || m.vetted[j]) {
			out = append(out, cand{j, maxPref - n, f})
		}
	}
	if len(out) > 0 {
		return out, hasCandidates
	}
	return nil, g.st
}
