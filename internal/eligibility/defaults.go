package eligibility

import "github.com/jolproject/jol/internal/people"

// DefaultRules are a starting rule set for a campaign of programme (a
// campaign.Programme: "kits", "devices", "delivery", "out_of_school",
// "mentoring"), for a coordinator to adjust and for sample data: school
// ages, one category of need held with valid evidence, nothing received
// twice in a year, and points that put orphans, children without
// parental care and the poorest households first. The categories are the
// registry's built-in ones. An unknown programme gets the kits' set.
func DefaultRules(programme string) (Rules, Weights) {
	need := []string{"low-income", "large-family", "orphan", "no-parental-care", "disability", "incomplete-family"}
	all := Criteria{Age: &Range{Min: 6, Max: 17}, Categories: need, NotReceived: true}
	w := Weights{
		Categories: map[string]int{"orphan": 40, "no-parental-care": 40, "low-income": 30, "large-family": 20,
			"disability": 20, "incomplete-family": 10},
		Income:   map[string]int{people.IncomeBelowPoverty: 20, people.IncomeBelowSubsistence: 15, people.IncomeLow: 5},
		PerChild: 4, ChildrenFrom: 2, Disability: 10, SingleGuardian: 10,
	}
	switch programme {
	case "devices": // distance learning: pupils old enough to use a computer
		all.Age = &Range{Min: 7, Max: 17}
	case "out_of_school":
		all.Categories = append(all.Categories, "out-of-school", "risk-group")
		w.Categories["out-of-school"] = 40
	case "mentoring": // young people up to 23, the NEET among them first
		all.Age = &Range{Min: 14, Max: 23}
		all.Categories = append(all.Categories, "neet", "risk-group")
		w.Categories["neet"] = 30
	case "delivery": // to institutions: the institution's children, whatever their category
		all.Categories = nil
	}
	return Rules{All: all}, w
}
