package linkage

import (
	"strings"

	"github.com/jolproject/jol/internal/natid"

	"github.com/jolproject/jol/internal/linkage/names"
)

// parseNatID encodes a national ID given as ASCII digits and checks it:
// valid is true for a valid Kazakhstan IIN or Iranian national code.
func parseNatID(digits string) (n uint64, width uint8, valid bool) {
	for i := 0; i < len(digits); i++ {
		n = n*10 + uint64(digits[i]-'0')
	}
	_, _, err := natid.Detect(digits)
	return n, uint8(len(digits)), err == nil
}

// checked reports whether IDs of this many digits carry a check digit
// natid verifies (an Iranian national code or an IIN).
func checked(width uint8) bool { return width >= 8 && width <= 10 || width == 12 }

// Levels of the national-ID comparator.
const (
	idExact    = 1
	idTypo     = 2 // one digit mistyped or two adjacent digits swapped, and the check digit shows a mistake
	idDisagree = 3
)

// compareIDs grades two national IDs (both present). IDs are compared as
// numbers, so one whose leading zeros a spreadsheet dropped (22714898 for
// 0022714898) is the same ID. A pair of IDs that are one digit apart but
// both pass their check digit are two real, different IDs, not a typo.
func compareIDs(a, b *Record) int {
	if a.NatID == b.NatID {
		return idExact
	}
	if !oneDigitApart(a.NatID, b.NatID, int(max(a.NatLen, b.NatLen))) {
		return idDisagree
	}
	if checked(a.NatLen) && a.NatValid && b.NatValid {
		return idDisagree
	}
	return idTypo
}

// sexWords are the ways lists write the sexes, folded.
var sexWords = map[string]Sex{
	"m": SexMale, "male": SexMale, "man": SexMale, "boy": SexMale, "h": SexMale, "homme": SexMale,
	"garcon": SexMale, "garçon": SexMale, "masculin": SexMale, "м": SexMale, "муж": SexMale,
	"мужской": SexMale, "мальчик": SexMale, "ер": SexMale, "ұл": SexMale, "мр": SexMale,
	"مرد": SexMale, "پسر": SexMale, "مذکر": SexMale, "1": SexMale,
	"f": SexFemale, "female": SexFemale, "woman": SexFemale, "girl": SexFemale, "femme": SexFemale,
	"fille": SexFemale, "féminin": SexFemale, "feminin": SexFemale, "ж": SexFemale, "жен": SexFemale,
	"женский": SexFemale, "девочка": SexFemale, "әйел": SexFemale, "қыз": SexFemale, "зн": SexFemale,
	"زن": SexFemale, "دختر": SexFemale, "مونث": SexFemale, "مؤنث": SexFemale, "2": SexFemale,
}

// ParseSex reads a sex as lists write it in the five languages; anything
// else is SexUnknown.
func ParseSex(s string) Sex {
	if v, ok := sexWords[strings.ToLower(strings.TrimSpace(s))]; ok {
		return v
	}
	return sexWords[names.Fold(s)]
}
