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

// Matcher finds a Named by a cell's text: first by its code or a name
// exactly as folded, then by the name without the strip words around it.
// A bare name shared by two items ("Алматы" the city and "Алматы облысы"
// the region) is only found with its full name.
type Matcher struct {
	exact map[string]string // folded code or name → code
	bare  map[string]string // folded name without strip words → code; "" when ambiguous
	strip []string
}

// NewMatcher indexes items by code and names; strip are words ignored
// around a name.
func NewMatcher(items []Named, strip ...string) *Matcher {
	m := &Matcher{exact: map[string]string{}, bare: map[string]string{}}
	for _, w := range strip {
		if k := valueKey(w); k != "" {
			m.strip = append(m.strip, k)
		}
	}
	for _, it := range items {
		m.exact[valueKey(it.Code)] = it.Code
		for _, n := range it.Names {
			if k := valueKey(n); k != "" {
				m.exact[k] = it.Code
			}
		}
	}
	for _, it := range items {
		for _, n := range it.Names {
			k := m.trim(valueKey(n))
			if k == "" {
				continue
			}
			if prev, seen := m.bare[k]; seen && prev != it.Code {
				m.bare[k] = ""
			} else if !seen {
				m.bare[k] = it.Code
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
	c := m.bare[m.trim(k)]
	return c, c != ""
}

// trim removes the strip words at either end of a folded name.
func (m *Matcher) trim(k string) string {
	for _, w := range m.strip {
		k = strings.TrimSpace(strings.TrimPrefix(strings.TrimSuffix(k, " "+w), w+" "))
	}
	return k
}

// RegionWords are the words for region and province that lists add to
// region names; a region is found with or without them.
var RegionWords = []string{"облысы", "область", "обл", "region", "province", "oblast", "استان", "région", "province de", "région de", "region of", "қаласы", "город", "city", "г"}

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
