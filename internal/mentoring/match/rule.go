package match

import "math/bits"

// Rule says which eligible mentors are a young person's candidates.
type Rule struct {
	// Field, Region, Language and Format, when set, require the mentor
	// to share the young person's field, region, a language or a format;
	// when not set the criterion only counts towards the fit.
	Field, Region, Language, Format bool
	// Limit is the most candidates a young person is shortlisted, the
	// best-fitting first and by mentor id among equals; 0 means no
	// limit. A young person's own eligible choices are candidates
	// whatever the limit.
	Limit int
	// ChoicesOnly matches a young person who ranked mentors only with
	// one of them; otherwise, when none of them can take them, with
	// another candidate.
	ChoicesOnly bool
}

// Fit is the set of criteria a mentor shares with a young person.
type Fit uint8

// The criteria of fit, each worth one point.
const (
	SameField Fit = 1 << iota
	SameRegion
	SharedLanguage
	SharedFormat
)

// maxFit is the most points a match's fit is worth.
const maxFit = 4

// Points is the fit's worth: the number of criteria met.
func (f Fit) Points() int { return bits.OnesCount8(uint8(f)) }

// meets reports whether the fit meets the rule's requirements.
func (r Rule) meets(f Fit) bool {
	var need Fit
	if r.Field {
		need |= SameField
	}
	if r.Region {
		need |= SameRegion
	}
	if r.Language {
		need |= SharedLanguage
	}
	if r.Format {
		need |= SharedFormat
	}
	return f&need == need
}

// Preference worths: what a match is worth for the young person's
// ranking of the mentor.
const (
	// Other is a candidate the young person did not rank, or any when
	// they asked for an automatic match.
	Other = 0
	// maxPref is a first choice's worth; the k-th choice is worth
	// maxPref+1−k.
	maxPref = MaxChoices
)
