package linkage

// A comparator grades one field of a pair into a level: 0 when either
// record lacks the field (it then weighs nothing), 1 for full agreement,
// and higher levels for weaker agreement, the last being disagreement.
type comparator struct {
	Name   string
	Levels int // number of levels, counting level 0
	kind   fieldKind
	free   int // index of the free field, for kindFree
}

type fieldKind uint8

const (
	kindLast fieldKind = iota
	kindFirst
	kindPatronymic
	kindBirth
	kindSex
	kindNatID
	kindRegion
	kindFree
)

// Levels of the name comparators, and of free text fields, which use
// the first, third and last of them.
const (
	nameExact    = 1 // the same Latin form, spaces aside
	nameStrong   = 2 // the same phonetic key or surname stem, or Jaro–Winkler ≥ 0.93
	nameWeak     = 3 // Jaro–Winkler ≥ 0.85 or at most two edits
	nameDisagree = 4
)

// comparators returns the comparators for the fields both datasets have.
func comparators(a, b *Dataset) []comparator {
	both := a.has & b.has
	var cs []comparator
	add := func(bit fieldSet, name string, levels int, kind fieldKind) {
		if both&bit != 0 {
			cs = append(cs, comparator{Name: name, Levels: levels, kind: kind})
		}
	}
	add(hasLast, "last_name", 5, kindLast)
	add(hasFirst, "first_name", 5, kindFirst)
	add(hasPatronymic, "patronymic", 5, kindPatronymic)
	add(hasBirth, "birth_date", 5, kindBirth)
	add(hasSex, "sex", 3, kindSex)
	add(hasNatID, "national_id", 4, kindNatID)
	add(hasRegion, "region", 3, kindRegion)
	for k, name := range a.FreeFields {
		if k < len(b.FreeFields) && b.FreeFields[k] == name {
			cs = append(cs, comparator{Name: name, Levels: 4, kind: kindFree, free: k})
		}
	}
	return cs
}

// compareNames grades two name codes of one lexicon (both non-zero).
func compareNames(lex *Lexicon, x, y uint32, last bool) int {
	if x == y {
		return nameExact
	}
	fx, fy := &lex.forms[x], &lex.forms[y]
	if fx.joined == fy.joined {
		return nameExact
	}
	if fx.key != 0 && fx.key == fy.key || last && fx.surname != "" && fx.surname == fy.surname {
		return nameStrong
	}
	jw := jaroWinkler(fx.joined, fy.joined)
	switch {
	case jw >= 0.93:
		return nameStrong
	case jw >= 0.85 || jw >= 0.6 && (editDistance(fx.joined, fy.joined, 2) <= 2 || keysOneApart(lex, fx, fy)):
		return nameWeak
	}
	return nameDisagree
}

// keysOneApart reports whether two names' phonetic keys, of three letters
// or more, are one edit apart: a mistake in a name written in another
// script (mhmdnd, mhmdvnd), which the two spellings hide.
func keysOneApart(lex *Lexicon, fx, fy *forms) bool {
	kx, ky := lex.text[fx.key], lex.text[fy.key]
	return len(kx) >= 3 && len(ky) >= 3 && editDistance(kx, ky, 1) <= 1
}

// samePlace reports whether two regions (both present) have one
// placeKey.
func samePlace(lex *Lexicon, x, y uint32) bool {
	p := lex.forms[x].place
	return x == y || p != 0 && p == lex.forms[y].place
}

// sameFather reports whether two patronymics (both present) hold one
// father's name.
func sameFather(lex *Lexicon, x, y uint32) bool {
	f := lex.forms[x].father
	return f != 0 && f == lex.forms[y].father
}

// compareText grades two free text values: exact, similar, different.
func compareText(lex *Lexicon, x, y uint32) int {
	if x == y || lex.forms[x].latin == lex.forms[y].latin {
		return 1
	}
	if jaroWinkler(lex.forms[x].latin, lex.forms[y].latin) >= 0.9 {
		return 2
	}
	return 3
}

// levels fills lv with the levels of record i of a against record j of
// b for each comparator.
func levels(cs []comparator, a *Dataset, i int, b *Dataset, j int, lv []uint8, memo *nameMemo) {
	ra, rb := &a.Records[i], &b.Records[j]
	lex := a.Lex
	// Names are compared as given and, when neither agrees well, with
	// first and last name swapped, which lists do; the better reading
	// counts. A name found in the other field agrees at best strongly.
	lastLv, firstLv := memo.level(lex, ra.Last, rb.Last, true), memo.level(lex, ra.First, rb.First, false)
	if lastLv >= nameWeak && firstLv >= nameWeak {
		// Each surname is read against the other's first name the same
		// way, and the better of the two levels goes to the surname, so
		// the levels do not depend on which record comes first.
		sl, sf := memo.level(lex, ra.Last, rb.First, true), memo.level(lex, rb.Last, ra.First, true)
		if sl != 0 && sf != 0 {
			sl, sf = max(sl, nameStrong), max(sf, nameStrong)
			if sl+sf < lastLv+firstLv {
				lastLv, firstLv = min(sl, sf), max(sl, sf)
			}
		}
	}
	for k := range cs {
		c := &cs[k]
		var l int
		switch c.kind {
		case kindLast:
			l = lastLv
		case kindFirst:
			l = firstLv
		case kindPatronymic:
			l = memo.level(lex, ra.Patronymic, rb.Patronymic, false)
			if l > nameStrong && sameFather(lex, ra.Patronymic, rb.Patronymic) {
				l = nameStrong // Serikovna, Serikqyzy: one father in two languages
			}
		case kindBirth:
			if ra.Birth != 0 && rb.Birth != 0 {
				l = compareDates(ra, rb)
			}
		case kindSex:
			if ra.Sex != SexUnknown && rb.Sex != SexUnknown {
				l = 2
				if ra.Sex == rb.Sex {
					l = 1
				}
			}
		case kindNatID:
			if ra.NatLen != 0 && rb.NatLen != 0 {
				l = compareIDs(ra, rb)
			}
		case kindRegion:
			if ra.Region != 0 && rb.Region != 0 {
				l = 2
				if ra.Region == rb.Region || !a.RegionCodes && (samePlace(lex, ra.Region, rb.Region) || memo.level(lex, ra.Region, rb.Region, false) <= nameStrong) {
					l = 1 // one place, perhaps in two scripts, romanisations or languages
				}
			}
		case kindFree:
			x, y := a.freeCode(i, c.free), b.freeCode(j, c.free)
			if x != 0 && y != 0 {
				l = compareText(lex, x, y)
			}
		}
		lv[k] = uint8(min(l, c.Levels-1))
	}
}

// nameMemo remembers the levels of recent pairs of names: the same first
// names, regions and common surnames meet again and again. Each worker
// has its own; a nil memo computes every level.
type nameMemo struct {
	slots [1 << 14]struct {
		pair  uint64 // x<<32 | y, plus one so that zero is empty
		level uint8
	}
}

// level is compareNames with level 0 for a missing name.
func (m *nameMemo) level(lex *Lexicon, x, y uint32, last bool) int {
	if x == 0 || y == 0 {
		return 0
	}
	if x == y {
		return nameExact
	}
	if m == nil {
		return compareNames(lex, x, y, last)
	}
	key := (uint64(x)<<32 | uint64(y)) + 1
	if last {
		key |= 1 << 63 // surnames compare with their stems too
	}
	slot := &m.slots[(key*0x9e3779b97f4a7c15)>>50]
	if slot.pair == key {
		return int(slot.level)
	}
	l := compareNames(lex, x, y, last)
	slot.pair, slot.level = key, uint8(l)
	return l
}
