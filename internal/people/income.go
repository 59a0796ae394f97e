package people

import "slices"

// The income scale households are placed on, lowest first: the poverty
// line (in Kazakhstan the threshold of targeted social assistance, 70% of
// the subsistence minimum), the subsistence minimum, below the median,
// and the rest. Forms offer these codes as a choice; a household stored
// with another code (from the API or an older form) keeps it.
const (
	IncomeBelowPoverty     = "below_poverty_line"
	IncomeBelowSubsistence = "below_subsistence"
	IncomeLow              = "low"
	IncomeMiddle           = "middle"
)

// IncomeCategories are the codes of the income scale, lowest first.
func IncomeCategories() []string {
	return []string{IncomeBelowPoverty, IncomeBelowSubsistence, IncomeLow, IncomeMiddle}
}

// KnownIncome reports whether code is one of IncomeCategories.
func KnownIncome(code string) bool { return slices.Contains(IncomeCategories(), code) }
