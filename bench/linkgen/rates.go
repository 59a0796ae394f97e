package main

// rates are how often a list gets each kind of thing wrong, per record.
type rates struct {
	typoLast, typoFirst, typoPatronymic float64 // a typing mistake in the field
	swapDayMonth, yearOff, dayOff       float64 // the birth date wrong
	noID, idDigit                       float64 // no identifier; one digit wrong
	swapNames                           float64 // first and last name swapped
	noPatronymic                        float64 // patronymic (father's name in Iran) left out
	maleSurname, bareSurname            float64 // a girl under the -ов form; -ов/-ев left off
	nickname                            float64 // a familiar form of the given name
	otherRegion, noSex                  float64
}

// The population list is a register, kept with care; the school lists are
// typed by school clerks from what parents say. The share of school
// records without an identifier is what makes exact-ID matching flag far
// too many children.
var (
	leftRates = rates{
		typoLast: 0.02, typoFirst: 0.02, typoPatronymic: 0.02,
		swapDayMonth: 0.01, yearOff: 0.005, dayOff: 0.005,
		noID: 0.05, idDigit: 0.01, swapNames: 0.005, noPatronymic: 0.05,
		maleSurname: 0.01, bareSurname: 0.01, otherRegion: 0.005,
	}
	rightRates = rates{
		typoLast: 0.08, typoFirst: 0.08, typoPatronymic: 0.05,
		swapDayMonth: 0.04, yearOff: 0.03, dayOff: 0.02,
		noID: 0.30, idDigit: 0.03, swapNames: 0.03, noPatronymic: 0.30,
		maleSurname: 0.05, bareSurname: 0.02, nickname: 0.01, otherRegion: 0.03, noSex: 0.02,
	}
)
