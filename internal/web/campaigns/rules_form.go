package campaigns

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/text"
)

// fillRuleForm puts a rule set into the form.
func fillRuleForm(v *rulesView, rs eligibility.RuleSet) {
	f, all, w := v.Form, rs.Rules.All, rs.Weights
	if all.Age != nil {
		f.Values["age_min"], f.Values["age_max"] = strconv.Itoa(all.Age.Min), strconv.Itoa(all.Age.Max)
	}
	if all.Grade != nil {
		f.Values["grade_min"], f.Values["grade_max"] = strconv.Itoa(all.Grade.Min), strconv.Itoa(all.Grade.Max)
	}
	codes := make([]string, len(all.Regions))
	for i, p := range all.Regions {
		codes[i] = lastCode(p)
	}
	f.Values["regions"] = strings.Join(codes, " ")
	if all.NotReceived {
		f.Values["not_received"] = "on"
	}
	for _, c := range all.Categories {
		f.Values["need_"+c] = "on"
	}
	if len(rs.Rules.Items) > 0 {
		b, _ := json.MarshalIndent(rs.Rules.Items, "", "  ")
		f.Values["items"] = string(b)
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
}

// readRuleForm reads the form into rules and weights; mistakes of form
// (a word for a number, broken JSON, an unknown region) go into the form,
// the rest is for Validate when the rule set is saved. keep carries what
// the form does not show.
func (s *Server) readRuleForm(ctx context.Context, rq *request, v *rulesView, keep eligibility.Weights) (eligibility.Rules, eligibility.Weights) {
	f := v.Form
	num := func(field string) (int, bool) {
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
	rng := func(lo, hi string) *eligibility.Range {
		a, okA := num(lo)
		b, okB := num(hi)
		if !okA && !okB {
			return nil
		}
		if !okB {
			b = a
		}
		return &eligibility.Range{Min: a, Max: b}
	}
	var rules eligibility.Rules
	all := &rules.All
	all.Age, all.Grade = rng("age_min", "age_max"), rng("grade_min", "grade_max")
	all.NotReceived = f.Values["not_received"] != ""
	for _, code := range strings.FieldsFunc(f.Values["regions"], func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		reg, err := s.svc.Geo.Lookup(ctx, code)
		if err != nil {
			f.Fail(rq.L, "regions", "error.unknown_region", "Code", code)
			continue
		}
		all.Regions = append(all.Regions, reg.Path)
	}
	w := eligibility.Weights{Distance: keep.Distance, RankDepth: keep.RankDepth}
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
	if t := strings.TrimSpace(f.Values["items"]); t != "" {
		if err := json.Unmarshal([]byte(t), &rules.Items); err != nil {
			f.Fail(rq.L, "items", "error.rules_json")
		}
	}
	return rules, w
}

// placeRuleErrors moves the rule set's field errors ("all.age",
// "items.12.regions", "categories") beside the form's fields.
func placeRuleErrors(f *form) {
	for field := range f.FieldErrs {
		to := ""
		switch {
		case field == "all.age":
			to = "age_min"
		case field == "all.grade":
			to = "grade_min"
		case field == "all.regions":
			to = "regions"
		case strings.HasPrefix(field, "all.categories"), field == "categories" || strings.HasPrefix(field, "categories."):
			to = "categories"
		case strings.HasPrefix(field, "items"):
			to = "items"
		case field == "income" || strings.HasPrefix(field, "income."):
			to = "incomes"
		case field == "per_child" || field == "disability" || field == "single_guardian":
			to = "points_" + field
		case strings.HasPrefix(field, "distance") || field == "rank_depth":
			to = "weights"
		}
		if to != "" && to != field {
			f.Move(field, to)
		}
	}
}
