package campaigns

import (
	"maps"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/errs"
)

// fillItem puts item it's own conditions c into the form.
func fillItem(f *form, it itemRules, c eligibility.Criteria) {
	setRange(f, it.AgeMin, it.AgeMax, c.Age)
	setRange(f, it.GradeMin, it.GradeMax, c.Grade)
	if c.NotReceived {
		f.Values[it.NotReceived] = "on"
	}
	for _, code := range c.Categories {
		for _, n := range it.Needs {
			if n.Code == code {
				f.Values[n.Need] = "on"
			}
		}
	}
}

// readItems reads each offered item's own conditions from the form. The
// regions and institutions of an item, which the form does not show, and
// the conditions of items no longer offered are kept from kept. An item
// with no condition left has no entry.
func readItems(rq *request, v *rulesView, kept map[int64]eligibility.Criteria) map[int64]eligibility.Criteria {
	f := v.Form
	out := maps.Clone(kept)
	if out == nil {
		out = map[int64]eligibility.Criteria{}
	}
	for _, it := range v.Items {
		c := eligibility.Criteria{Age: formRange(rq, f, it.AgeMin, it.AgeMax), Grade: formRange(rq, f, it.GradeMin, it.GradeMax),
			NotReceived: f.Values[it.NotReceived] != "", Regions: kept[it.ID].Regions, Institutions: kept[it.ID].Institutions}
		for _, n := range it.Needs {
			if f.Values[n.Need] != "" {
				c.Categories = append(c.Categories, n.Code)
			}
		}
		if c.Age == nil && c.Grade == nil && !c.NotReceived && len(c.Categories)+len(c.Regions)+len(c.Institutions) == 0 {
			delete(out, it.ID)
			continue
		}
		out[it.ID] = c
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// absorbRuleErrors puts the rule set's field errors beside the form's
// fields in the user's language: "all.age" beside the age, "items.12.grade"
// beside item 12's grades, "distance.1" beside the band's row (rowOf maps
// the sorted bands to the form's rows), "income.x" above the incomes. It
// reports false for an error that is not the rule set's.
func absorbRuleErrors(rq *request, v *rulesView, err error, rowOf []int) bool {
	e := errs.As(err)
	if e == nil || e.Code != errs.Invalid || len(e.Fields) == 0 {
		return v.Form.Absorb(rq.L, err)
	}
	f := v.Form
	for _, fe := range e.Fields {
		to := ruleErrorField(v, fe, rowOf)
		if _, taken := f.FieldErrs[to]; !taken {
			f.Fail(rq.L, to, fe.Key, fe.Args...)
		}
	}
	return true
}

// ruleErrorField is the form's field an error of the rule set goes beside.
func ruleErrorField(v *rulesView, fe errs.FieldError, rowOf []int) string {
	parts := strings.Split(fe.Field, ".")
	switch {
	case fe.Field == "all.age":
		return "age_min"
	case fe.Field == "all.grade":
		return "grade_min"
	case fe.Field == "all.regions":
		return "regions"
	case parts[0] == "categories" || fe.Field == "all.categories":
		return "categories"
	case parts[0] == "items" && len(parts) == 3:
		id, _ := strconv.ParseInt(parts[1], 10, 64)
		for _, it := range v.Items {
			if it.ID != id {
				continue
			}
			switch parts[2] {
			case "age":
				return it.AgeMin
			case "grade":
				return it.GradeMin
			case "categories":
				return it.Categories
			}
		}
		return "json" // a condition kept from the JSON: said there
	case parts[0] == "distance" && len(parts) == 2:
		i, _ := strconv.Atoi(parts[1])
		if i >= 0 && i < len(rowOf) && i < len(v.Bands) {
			b := v.Bands[rowOf[i]]
			if fe.Key == "error.weights_points" {
				return b.Points
			}
			return b.From
		}
	case parts[0] == "income":
		return "incomes"
	case fe.Field == "per_child" || fe.Field == "disability" || fe.Field == "single_guardian":
		return "points_" + fe.Field
	}
	return fe.Field
}
