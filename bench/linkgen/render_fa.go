package main

import (
	"math/rand/v2"
	"strings"
)

// renderPersian writes the names and region of a child of Iran in Persian
// script or in Latin letters.
func renderPersian(rng *rand.Rand, c *child, w writing, r *rates) record {
	first := c.first
	if nick, ok := faNicknames[first]; ok && rng.Float64() < r.nickname {
		first = nick
	}
	father := ""
	if rng.Float64() >= r.noPatronymic {
		father = c.father
	}
	reg := faRegions[c.region]
	if rng.Float64() < r.otherRegion {
		reg = faRegions[rng.IntN(len(faRegions))]
	}
	if w.latin {
		rec := record{0: latinName(rng, c.surname), 1: latinName(rng, first), 6: reg.lat[rng.IntN(len(reg.lat))]}
		if father != "" {
			rec[2] = latinName(rng, father)
		}
		if w.upper {
			for _, i := range []int{0, 1, 2, 6} {
				rec[i] = strings.ToUpper(rec[i])
			}
		}
		return rec
	}
	rec := record{0: persianName(rng, c.surname), 1: persianName(rng, first), 2: persianName(rng, father), 6: reg.fa}
	if rng.IntN(100) < 15 {
		// Typed on an Arabic keyboard: ي and ك for ی and ک.
		for i := range rec {
			rec[i] = strings.NewReplacer("ی", "ي", "ک", "ك").Replace(rec[i])
		}
	}
	return rec
}

// persianName writes a name of faParts joined by "+" in Persian script:
// compounds as one word, two words, or with a zero-width non-joiner.
func persianName(rng *rand.Rand, name string) string {
	sep := ""
	switch n := rng.IntN(100); {
	case n < 30:
		sep = " "
	case n < 45:
		sep = "\u200c"
	}
	return strings.ReplaceAll(name, "+", sep)
}

// latinName writes a name of faParts in Latin letters, each part in one of
// its spellings, compounds joined (Amirhossein), spaced or hyphenated.
func latinName(rng *rand.Rand, name string) string {
	parts := strings.Split(name, "+")
	sep := ""
	switch n := rng.IntN(100); {
	case n < 35:
		sep = " "
	case n < 50:
		sep = "-"
	}
	for i, p := range parts {
		spellings := faParts[p]
		if spellings == nil {
			spellings = faSurnameSuffixes[p]
		}
		s := spellings[0]
		if len(spellings) > 1 && rng.IntN(2) == 0 {
			s = spellings[1+rng.IntN(len(spellings)-1)]
		}
		if i > 0 && sep == "" {
			s = strings.ToLower(s)
		} else {
			s = strings.ToUpper(s[:1]) + s[1:]
		}
		parts[i] = s
	}
	return strings.Join(parts, sep)
}
