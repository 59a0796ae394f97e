package match

import "slices"

// The keys of the reasons a Result gives.
const (
	// KeyChoice1 to KeyChoice3: the young person's first, second or
	// third choice.
	KeyChoice1 = "mentoring.match.choice_1"
	KeyChoice2 = "mentoring.match.choice_2"
	KeyChoice3 = "mentoring.match.choice_3"
	// KeyAutomatic: they asked for an automatic match.
	KeyAutomatic = "mentoring.match.automatic"
	// KeyNotChosen: none of their choices could take them, so another
	// candidate did.
	KeyNotChosen = "mentoring.match.not_chosen"

	// The criteria of fit met, with the value shared: Field, Region,
	// Language (the young person's first shared one), Format.
	KeySameField      = "mentoring.match.same_field"
	KeySameRegion     = "mentoring.match.same_region"
	KeySharedLanguage = "mentoring.match.shared_language"
	KeySharedFormat   = "mentoring.match.shared_format"

	// KeyNoConsent: a minor without a guardian's consent.
	KeyNoConsent = "mentoring.unmatched.no_consent"
	// KeyNoMentor: no mentor who finished the school has a free place
	// and meets the rule for the young person's Field and Region.
	KeyNoMentor = "mentoring.unmatched.no_mentor"
	// KeyNoVetted: a minor, and the only such mentors are not vetted for
	// work with minors (or do not take minors).
	KeyNoVetted = "mentoring.unmatched.no_vetted"
	// KeyDeclined: every candidate declined or let a proposal expire.
	KeyDeclined = "mentoring.unmatched.declined"
	// KeyChoicesUnavailable: the rule allows only the young person's
	// choices, and none of them can take them.
	KeyChoicesUnavailable = "mentoring.unmatched.choices_unavailable"
	// KeyTaken: every one of the Candidates mentors who could take them
	// gave their places to others: more young people matched that way.
	KeyTaken = "mentoring.unmatched.taken"
)

var choiceKeys = [...]string{KeyChoice1, KeyChoice2, KeyChoice3}

// explainMatch explains y's match with x: the preference, then each
// criterion of fit met.
func (m *model) explainMatch(y *Youth, x *Mentor, c cand) Match {
	mt := Match{Youth: y.ID, Mentor: x.ID, Fit: c.fit}
	switch {
	case c.pref != Other:
		mt.Choice = maxPref + 1 - c.pref
		mt.Reasons = append(mt.Reasons, Reason{Key: choiceKeys[mt.Choice-1]})
	case len(y.Choices) == 0:
		mt.Reasons = append(mt.Reasons, Reason{Key: KeyAutomatic})
	default:
		mt.Reasons = append(mt.Reasons, Reason{Key: KeyNotChosen})
	}
	if c.fit&SameField != 0 {
		mt.Reasons = append(mt.Reasons, Reason{KeySameField, []any{"Field", y.Field}})
	}
	if c.fit&SameRegion != 0 {
		mt.Reasons = append(mt.Reasons, Reason{KeySameRegion, []any{"Region", y.Region}})
	}
	if c.fit&SharedLanguage != 0 {
		mt.Reasons = append(mt.Reasons, Reason{KeySharedLanguage, []any{"Language", firstShared(y.Languages, x.Languages)}})
	}
	if c.fit&SharedFormat != 0 {
		mt.Reasons = append(mt.Reasons, Reason{KeySharedFormat, []any{"Format", firstShared(y.Formats, x.Formats)}})
	}
	return mt
}

// explainUnmatched gives the reason young person i is left unmatched.
func (m *model) explainUnmatched(i int, st status) Reason {
	y := m.youth[i]
	switch st {
	case noConsent:
		return Reason{Key: KeyNoConsent}
	case noVetted:
		return Reason{KeyNoVetted, []any{"Field", y.Field, "Region", y.Region}}
	case allExcluded:
		return Reason{Key: KeyDeclined}
	case choicesUnavailable:
		return Reason{Key: KeyChoicesUnavailable}
	case hasCandidates:
		return Reason{KeyTaken, []any{"Candidates", len(m.cands[i])}}
	}
	return Reason{KeyNoMentor, []any{"Field", y.Field, "Region", y.Region}}
}

// firstShared is the first of ys that xs has too.
func firstShared(ys, xs []string) string {
	for _, s := range ys {
		if s != "" && slices.Contains(xs, s) {
			return s
		}
	}
	return ""
}
