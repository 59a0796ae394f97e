package imports

import (
	"strings"
)

// SexValue is the sex read from a cell: "M", "F" or "" when the cell is empty.
type SexValue string

// sexWords are the ways lists write the sex of a child, folded by
// valueKey: letters and words in English, Kazakh, Russian and Persian.
var sexWords = map[string]SexValue{
	"m": "M", "male": "M", "boy": "M", "ер": "M", "ер бала": "M", "ұл": "M", "ұл бала": "M", "е": "M",
	"м": "M", "муж": "M", "мужской": "M", "мальчик": "M", "پسر": "M", "مرد": "M", "مذکر": "M", "ذکور": "M",
	"f": "F", "female": "F", "girl": "F", "әйел": "F", "қыз": "F", "қыз бала": "F", "ә": "F", "қ": "F",
	"ж": "F", "жен": "F", "женский": "F", "девочка": "F", "دختر": "F", "زن": "F", "مونث": "F", "اناث": "F",
}

// ParseSex reads a sex cell. ok is false for a value it does not know.
func ParseSex(s string) (SexValue, bool) {
	k := valueKey(s)
	if k == "" {
		return "", true
	}
	v, ok := sexWords[k]
	return v, ok
}

// valueKey folds a cell for matching against known words: case, dots,
// spaces versus hyphens and underscores, Arabic versus Persian letters.
func valueKey(s string) string { return headerKey(s) }

// Named is something a cell may name by its code or by its name in any of
// the five languages: a category or a region.
type Named struct {
	Code  string
	Names []string
}

// Matcher finds a Named by a cell's text: by its code or a name, folded.
// A place matcher also knows the words people add around place names: a
// region word ("облысы", "область", "استان") points to a region whose
// name carries such a word, so "Алматы обл." is Almaty Region while
// "Алматы" and "г. Алматы" are the city.
type Matcher struct {
	exact   map[string]string // folded code or name → code
	regions map[string]string // region name without its region word → code; "" when two share it
	region  []string          // folded region words
	city    []string          // folded city words
}

// NewMatcher indexes items by code and names.
func NewMatcher(items []Named) *Matcher {
	m := &Matcher{exact: map[string]string{}, regions: map[string]string{}}
	for _, it := range items {
		m.exact[valueKey(it.Code)] = it.Code
		for _, n := range it.Names {
			if k := valueKey(n); k != "" {
				m.exact[k] = it.Code
			}
		}
	}
	return m
}

// NewPlaceMatcher indexes places, also by their names without the region
// and city words.
func NewPlaceMatcher(items []Named) *Matcher {
	m := NewMatcher(items)
	m.region, m.city = fold(RegionWords), fold(CityWords)
	for _, it := range items {
		for _, n := range it.Names {
			b, had := trim(valueKey(n), m.region)
			if !had || b == "" {
				continue
			}
			if prev, seen := m.regions[b]; seen && prev != it.Code {
				m.regions[b] = ""
			} else if !seen {
				m.regions[b] = it.Code
			}
		}
	}
	return m
}

// Find returns the code a cell names.
func (m *Matcher) Find(s string) (string, bool) {
	k := valueKey(s)
	if c, ok := m.exact[k]; ok {
		return c, true
	}
	if b, had := trim(k, m.region); had {
		if c := m.regions[b]; c != "" {
			return c, true
		}
		c, ok := m.exact[b]
		return c, ok
	}
	if b, had := trim(k, m.city); had {
		c, ok := m.exact[b]
		return c, ok
	}
	c := m.regions[k]
	return c, c != ""
}

// trim removes words at either end of a folded name and says whether any
// was there.
func trim(k string, words []string) (string, bool) {
	had := false
	for _, w := range words {
		if t := strings.TrimPrefix(k, w+" "); t != k {
			k, had = t, true
		}
		if t := strings.TrimSuffix(k, " "+w); t != k {
			k, had = t, true
		}
	}
	return k, had
}

func fold(words []string) []string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		out = append(out, valueKey(w))
	}
	return out
}

// RegionWords are the words for region and province that lists add to
// region names.
var RegionWords = []string{"облысы", "область", "обл", "region", "province", "oblast", "استان", "région", "province de", "région de", "region of"}

// CityWords are the words for a city that lists add to city names.
var CityWords = []string{"қаласы", "қ", "город", "г", "city", "شهر", "ville de"}

// SplitCategories splits a categories cell on ";" (and "," as Excel users
// also write), dropping empty parts.
func SplitCategories(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
