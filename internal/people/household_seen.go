package people

import "github.com/jolproject/jol/internal/access"

// A person within a reader's scope may live in a household outside it: an
// administrator with the wider scope put them there. The rule for records
// out of scope holds for that household too: its number, its organisation
// and its members are never shown. Every read that returns a Person to a
// caller passes it through seenBy, so that the person page, the merge
// comparison, the export and the API all get the same answer: the person
// lives in a household the reader cannot see (HouseholdElsewhere), and
// which one is for an administrator to say. Writes and the change log keep
// the real number: they are not a reader's view.

// seenBy returns per as reader p may see it: with HouseholdID cleared and
// HouseholdElsewhere set when the household lies outside p's scope.
func (per Person) seenBy(p access.Principal) Person {
	if per.HouseholdID != 0 && !access.Within(p, per.home) {
		per.HouseholdID, per.HouseholdElsewhere = 0, true
	}
	per.home = access.Target{}
	return per
}
