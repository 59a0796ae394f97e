package dedupe

import (
	"strings"

	"github.com/jolproject/jol/internal/linkage"
	"github.com/jolproject/jol/internal/linkage/names"
)

// The fields a scan compares, as the engine's comparators name them.
const (
	FieldLast       = "last_name"
	FieldFirst      = "first_name"
	FieldPatronymic = "patronymic"
	FieldBirth      = "birth_date"
	FieldSex        = "sex"
	FieldNationalID = "national_id"
	FieldRegion     = "region"
)

// Fields lists the compared fields in the order pages show them.
func Fields() []string {
	return []string{FieldLast, FieldFirst, FieldPatronymic, FieldBirth, FieldSex, FieldNationalID, FieldRegion}
}

// Agreement is how one field of a pair compares.
type Agreement string

// The agreements of a field: the same, alike (one name in two scripts or
// spellings, a typo, a swapped day and month), different, or missing on
// either record.
const (
	Agree   Agreement = "agree"
	Alike   Agreement = "alike"
	Differ  Agreement = "differ"
	Missing Agreement = "missing"
)

// Agreements lists the agreements of a field.
func Agreements() []Agreement { return []Agreement{Agree, Alike, Differ, Missing} }

// grade is the level of each compared field of records i and j of d, on
// the engine's scale: 0 missing, 1 the same, higher levels weaker, the
// last different (see internal/linkage). The engine keeps its
// comparators to itself, so this is the registry's reading of a pair, for
// the reviewer and for the weight of a pair the engine clustered.
func grade(d *linkage.Dataset, i, j int) map[string]int {
	a, b := &d.Records[i], &d.Records[j]
	lex := d.Lex
	last, first := nameLevel(lex, a.Last, b.Last, true), nameLevel(lex, a.First, b.First, false)
	// Lists put the first name first too: the better reading counts.
	if last+first > 2 {
		sl, sf := nameLevel(lex, a.Last, b.First, true), nameLevel(lex, a.First, b.Last, false)
		if sl != 0 && sf != 0 && sl+sf < last+first {
			last, first = sl, sf
		}
	}
	out := map[string]int{
		FieldLast:       last,
		FieldFirst:      first,
		FieldPatronymic: nameLevel(lex, a.Patronymic, b.Patronymic, false),
	}
	if a.Birth != 0 && b.Birth != 0 {
		out[FieldBirth] = dateLevel(a.Birth, b.Birth)
	}
	if a.Sex != linkage.SexUnknown && b.Sex != linkage.SexUnknown {
		out[FieldSex] = pick(a.Sex == b.Sex, 1, 2)
	}
	if a.NatLen != 0 && b.NatLen != 0 {
		switch {
		case a.NatLen == b.NatLen && a.NatID == b.NatID:
			out[FieldNationalID] = 1
		case a.NatLen == b.NatLen && !(a.NatValid && b.NatValid) && digitsApart(a.NatID, b.NatID) == 1:
			out[FieldNationalID] = 2
		default:
			out[FieldNationalID] = 3
		}
	}
	if a.Region != 0 && b.Region != 0 {
		out[FieldRegion] = pick(lex.Latin(a.Region) == lex.Latin(b.Region), 1, 2)
	}
	return out
}

// levels of the engine's comparators, by field: how many a field has,
// counting level 0 (see internal/linkage compare.go).
var fieldLevels = map[string]int{FieldLast: 5, FieldFirst: 5, FieldPatronymic: 5, FieldBirth: 5, FieldSex: 3,
	FieldNationalID: 4, FieldRegion: 3}

// agreement turns a field's level into what the reviewer reads.
func agreement(field string, level int) Agreement {
	switch {
	case level == 0:
		return Missing
	case level == 1:
		return Agree
	case level == fieldLevels[field]-1:
		return Differ
	}
	return Alike
}

// nameLevel grades two names: the same Latin form, the same phonetic key
// or surname stem, at most two edits apart, or different.
func nameLevel(lex *linkage.Lexicon, x, y uint32, last bool) int {
	if x == 0 || y == 0 {
		return 0
	}
	lx, ly := strings.ReplaceAll(lex.Latin(x), " ", ""), strings.ReplaceAll(lex.Latin(y), " ", "")
	switch {
	case x == y || lx == ly:
		return 1
	case names.Key(lx) == names.Key(ly) || last && names.Surname(lx) == names.Surname(ly):
		return 2
	case editDistance(lx, ly) <= 2:
		return 3
	}
	return 4
}

// dateLevel grades two birth dates: the same; day and month swapped or
// one digit apart; the same day a year apart; different.
func dateLevel(a, b linkage.Date) int {
	ay, am, ad := a.Parts()
	by, bm, bd := b.Parts()
	switch {
	case a == b:
		return 1
	case ay == by && am == bd && ad == bm, digitsApart(uint64(a), uint64(b)) == 1:
		return 2
	case am == bm && ad == bd && (ay-by == 1 || by-ay == 1):
		return 3
	}
	return 4
}

// digitsApart counts the decimal digits in which a and b differ.
func digitsApart(a, b uint64) int {
	n := 0
	for a > 0 || b > 0 {
		if a%10 != b%10 {
			n++
		}
		a, b = a/10, b/10
	}
	return n
}

// editDistance is the Levenshtein distance of two ASCII strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := pick(a[i-1] == b[j-1], 0, 1)
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func pick(c bool, yes, no int) int {
	if c {
		return yes
	}
	return no
}

// weigh is the weight of a pair graded g under the engine's fitted
// model: the sum of the weights of each comparator's level.
func weigh(m *linkage.Model, g map[string]int) float64 {
	w := 0.0
	for k, c := range m.Comparators {
		if l, ok := g[c.Name]; ok && l < len(m.Weights[k]) {
			w += m.Weights[k][l]
		}
	}
	return w
}
