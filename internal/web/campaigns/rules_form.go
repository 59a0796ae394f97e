package campaigns

import (
	"context"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/text"
)

// fillRuleForm puts a rule set into the form.
func fillRuleForm(v *rulesView, rs eligibility.RuleSet) {
	f, all, w := v.Form, rs.Rules.All, rs.Weights
	setRange(f, "age_min", "age_max", all.Age)
	setRange(f, "grade_min", "grade_max", all.Grade)
	codes := make([]string, len(all.Regions))
	for i, p := range all.Regions {
		codes[i] = geo.PathCode(p)
	}
	f.Values["regions"] = strings.Join(codes, " ")
	if all.NotReceived {
		f.Values["not_received"] = "on"
	}
	for _, c := range all.Categories {
		f.Values["need_"+c] = "on"
	}
	for _, it := range v.Items {
		fillItem(f, it, rs.Rules.Items[it.ID])
	}
	for code, p := range w.Categories {
		f.Values["cat_"+code] = strconv.Itoa(p)
	}
	for code, p := range w.Income {
		f.Values["income_"+code] = strconv.Itoa(p)
	}
	for name, p := range map[string]int{"points_per_child": w.PerChild, "children_from": w.ChildrenFrom,
		"points_disability": w.Disability, "points_single_guardian": w.SingleGuardian} {
		if p != 0 {
			f.Values[name] = strconv.Itoa(p)
		}
	}
	fillBands(v, w.Distance)
}

// setRange puts r into the fields lo and hi; nil leaves them empty.
func setRange(f *form, lo, hi string, r *eligibility.Range) {
	if r != nil {
		f.Values[lo], f.Values[hi] = strconv.Itoa(r.Min), strconv.Itoa(r.Max)
	}
}

// readRuleForm reads the form into rules and weights; mistakes of form
// (a word for a number, an unknown region, half a band) go into the form,
// the rest is for Validate when the rule set is saved. What the form does
// not show is kept from the current version: the institutions, each
// item's regions and institutions, the conditions of items the campaign
// no longer offers, the ranking depth. rowOf is the form's row of each
// distance band, which are sorted by distance.
func (s *Server) readRuleForm(ctx context.Context, rq *request, v *rulesView) (eligibility.Rules, eligibility.Weights, []int) {
	f := v.Form
	var keep eligibility.RuleSet
	if v.Current != nil {
		keep = *v.Current
	}
	num := func(field string) (int, bool) { return ruleInt(rq, f, field) }
	var rules eligibility.Rules
	all := &rules.All
	all.Age, all.Grade = formRange(rq, f, "age_min", "age_max"), formRange(rq, f, "grade_min", "grade_max")
	all.NotReceived = f.Values["not_received"] != ""
	all.Institutions = keep.Rules.All.Institutions
	for _, code := range strings.FieldsFunc(f.Values["regions"], func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		reg, err := s.svc.Geo.Lookup(ctx, code)
		if err != nil {
			f.Fail(rq.L, "regions", "error.unknown_region", "Code", code)
			continue
		}
		all.Regions = append(all.Regions, reg.Path)
	}
	rules.Items = readItems(rq, v, keep.Rules.Items)
	w := eligibility.Weights{RankDepth: keep.Weights.RankDepth}
	for _, c := range v.Categories {
		if f.Values[c.Need] != "" {
			all.Categories = append(all.Categories, c.Code)
		}
		if p, ok := num(c.Points); ok && p != 0 {
			if w.Categories == nil {
				w.Categories = map[string]int{}
			}
			w.Categories[c.Code] = p
		}
	}
	for _, c := range v.Incomes {
		if p, ok := num(c.Points); ok && p != 0 {
			if w.Income == nil {
				w.Income = map[string]int{}
			}
			w.Income[c.Code] = p
		}
	}
	w.PerChild, _ = num("points_per_child")
	w.ChildrenFrom, _ = num("children_from")
	w.Disability, _ = num("points_disability")
	w.SingleGuardian, _ = num("points_single_guardian")
	var rowOf []int
	w.Distance, rowOf = readBands(rq, v)
	return rules, w, rowOf
}

// ruleInt reads a whole number typed in any digits; empty is no number,
// and a word is a mistake beside the field.
func ruleInt(rq *request, f *form, field string) (int, bool) {
	t := strings.TrimSpace(text.NormalizeDigits(f.Values[field]))
	if t == "" {
		return 0, false
	}
	n, err := strconv.Atoi(t)
	if err != nil {
		f.Fail(rq.L, field, "error.not_a_number")
		return 0, false
	}
	return n, true
}

// formRange reads a range from the fields lo and hi: nil when both are
// empty, one number when only the first is given.
func formRange(rq *request, f *form, lo, hi string) *eligibility.Range {
	a, okA := ruleInt(rq, f, lo)
	b, okB := ruleInt(rq, f, hi)
	if !okA && !okB {
		return nil
	}
	if !okB {
		b = a
	}
	return &eligibility.Range{Min: a, Max: b}
}
