package eligibility

import "fmt"

// checkLine says what one rule found: "age 8, within 6–10".
func checkLine(c Check) Message {
	m := Message{Key: "eligibility.check." + string(c.Rule) + "." + string(c.Outcome)}
	switch c.Rule {
	case RuleAge, RuleGrade:
		m.Args = []any{"Min", c.Min, "Max", c.Max}
		if c.Outcome != Unknown {
			m.Args = append(m.Args, "Count", c.Value)
		}
	case RuleCategories:
		m.Args = []any{"Want", categories(c.Want)}
		switch {
		case c.Outcome == Passed:
			m.Args = append(m.Args, "Got", categories(c.Got))
		case len(c.Expired) > 0:
			m.Key = "eligibility.check.categories.expired"
			m.Args = append(m.Args, "Got", categories(c.Expired))
		}
	case RuleRegion:
		m.Args = []any{"Want", regions(c.Want)}
		if c.Outcome != Unknown {
			m.Args = append(m.Args, "Got", Region(c.Got[0]))
		}
	case RuleInstitution:
		l := make(List, len(c.IDs))
		for i, id := range c.IDs {
			l[i] = Institution(id)
		}
		m.Args = []any{"Want", l}
		if c.Outcome != Unknown {
			m.Args = append(m.Args, "Got", Institution(c.ID))
		}
	case RuleReceived:
		m.Args = []any{"Item", Item(c.ID)}
	}
	if c.Item != 0 {
		return Message{Key: "eligibility.check.for_item", Args: []any{"Item", Item(c.Item), "Check", m}}
	}
	return m
}

// shortReasons names the rules with the given outcome for the family's
// version: the campaign's condition, never the applicant's own values.
func shortReasons(r Result, o Outcome) List {
	var l List
	seen := map[string]bool{}
	for _, c := range r.Checks {
		if c.Outcome != o {
			continue
		}
		m := Message{Key: "eligibility.reason." + string(c.Rule) + "." + string(o)}
		if c.Rule == RuleAge || c.Rule == RuleGrade {
			m.Args = []any{"Min", c.Min, "Max", c.Max}
		}
		if c.Rule == RuleReceived {
			m.Args = []any{"Item", Item(c.ID)}
		}
		if k := m.Key + fmt.Sprint(m.Args...); !seen[k] {
			seen[k] = true
			l = append(l, m)
		}
	}
	return l
}

func categories(codes []string) List {
	l := make(List, len(codes))
	for i, c := range codes {
		l[i] = Category(c)
	}
	return l
}

func regions(paths []string) List {
	l := make(List, len(paths))
	for i, p := range paths {
		l[i] = Region(p)
	}
	return l
}
