package youth

import "time"

// Age is the number of years completed on day on by someone born on
// birth. A birthday on 29 February is reached on 1 March in other years,
// as the registry's eligibility rules count it.
func Age(birth, on time.Time) int {
	by, bm, bd := birth.Date()
	y, m, d := on.Date()
	age := y - by
	if m < bm || (m == bm && d < bd) {
		age--
	}
	return age
}

// GroupOf is the age group of age, and false outside 14–29.
func GroupOf(age int) (AgeGroup, bool) {
	switch {
	case age < MinAge || age > MaxAge:
		return "", false
	case age < AdultAge:
		return Teen, true
	case age < 25:
		return YoungAdult, true
	}
	return Adult, true
}

// AgeGroups lists the age groups, youngest first.
func AgeGroups() []AgeGroup { return []AgeGroup{Teen, YoungAdult, Adult} }

// Settlements lists the kinds of settlement.
func Settlements() []Settlement { return []Settlement{Rural, Urban} }

// Statuses lists the statuses.
func Statuses() []Status { return []Status{NEET, InEducation, Employed} }

// Channels lists the channels of registration.
func Channels() []Channel { return []Channel{Web, Telegram, Import} }
