package match

import (
	"cmp"
	"slices"
)

// model is an input prepared for matching: people in id order, their
// attributes as small integers and sets, the mentors' places after the
// kept matches, and each young person's candidates.
type model struct {
	in      *Input
	youth   []*Youth // by id
	mentors []*Mentor
	mIndex  map[int64]int
	free    []int // places after the kept matches
	kept    map[int64]bool
	exclude map[int64][]int // young person's id → excluded mentors' indexes

	// Attributes as ids and bit sets, for the pairwise scan.
	yField, yRegion  []int
	yLangs, yFormats []set
	mFields          []set
	mRegion          []int
	mLangs, mFormats []set
	minor, vetted    []bool   // of the young people, of the mentors
	cands            [][]cand // of each young person, in mentor order
	status           []status // of each young person
}

// cand is one candidate mentor of a young person.
type cand struct {
	mentor int // index in model.mentors
	pref   int // preference worth: 3, 2, 1 for a choice, else Other
	fit    Fit
}

// newModel prepares a validated input.
func newModel(in *Input) *model {
	m := &model{in: in, kept: map[int64]bool{}, exclude: map[int64][]int{}}
	for i := range in.Youth {
		m.youth = append(m.youth, &in.Youth[i])
	}
	for i := range in.Mentors {
		m.mentors = append(m.mentors, &in.Mentors[i])
	}
	slices.SortFunc(m.youth, func(a, b *Youth) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(m.mentors, func(a, b *Mentor) int { return cmp.Compare(a.ID, b.ID) })
	m.mIndex = make(map[int64]int, len(m.mentors))
	m.free = make([]int, len(m.mentors))
	for i, x := range m.mentors {
		m.mIndex[x.ID] = i
		m.free[i] = x.Free
	}
	for _, p := range in.Keep {
		m.kept[p.Youth] = true
		m.free[m.mIndex[p.Mentor]]--
	}
	for _, p := range in.Exclude {
		m.exclude[p.Youth] = append(m.exclude[p.Youth], m.mIndex[p.Mentor])
	}

	fields, regions, langs, formats := interner{}, interner{}, interner{}, interner{}
	for _, y := range m.youth {
		m.yField = append(m.yField, fields.id(y.Field))
		m.yRegion = append(m.yRegion, regions.id(y.Region))
		m.yLangs = append(m.yLangs, langs.set(y.Languages))
		m.yFormats = append(m.yFormats, formats.set(y.Formats))
		m.minor = append(m.minor, Minor(y.Birth, in.Date))
	}
	for _, x := range m.mentors {
		m.mFields = append(m.mFields, fields.set(x.Fields))
		m.mRegion = append(m.mRegion, regions.id(x.Region))
		m.mLangs = append(m.mLangs, langs.set(x.Languages))
		m.mFormats = append(m.mFormats, formats.set(x.Formats))
		m.vetted = append(m.vetted, x.Minors && !x.VettedUntil.IsZero() && !x.VettedUntil.Before(in.Date))
	}
	return m
}

// fit is what mentor j shares with young person i.
func (m *model) fit(i, j int) Fit {
	var f Fit
	if m.mFields[j].has(m.yField[i]) {
		f |= SameField
	}
	if m.mRegion[j] == m.yRegion[i] {
		f |= SameRegion
	}
	if m.yLangs[i].meets(m.mLangs[j]) {
		f |= SharedLanguage
	}
	if m.yFormats[i].meets(m.mFormats[j]) {
		f |= SharedFormat
	}
	return f
}

// interner numbers distinct strings from 0; the empty string is -1, a
// value nothing shares.
type interner map[string]int

func (n interner) id(s string) int {
	if s == "" {
		return -1
	}
	if id, ok := n[s]; ok {
		return id
	}
	n[s] = len(n)
	return len(n) - 1
}

func (n interner) set(ss []string) set {
	var s set
	for _, x := range ss {
		s = s.with(n.id(x))
	}
	return s
}

// set is a set of small integers.
type set []uint64

func (s set) with(i int) set {
	if i < 0 {
		return s
	}
	for len(s) <= i/64 {
		s = append(s, 0)
	}
	s[i/64] |= 1 << (i % 64)
	return s
}

func (s set) has(i int) bool {
	return i >= 0 && i/64 < len(s) && s[i/64]&(1<<(i%64)) != 0
}

// meets reports whether s and t share an element.
func (s set) meets(t set) bool {
	for k := range min(len(s), len(t)) {
		if s[k]&t[k] != 0 {
			return true
		}
	}
	return false
}
