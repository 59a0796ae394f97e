package eligibility

import (
	"slices"
	"strings"
	"time"
)

// Evaluate applies rules and weights to what is known of an applicant
// asking for item (a catalogue item id; 0 for a request as a whole, which
// only the rules for every item apply to) on the decision date on.
func Evaluate(rules Rules, weights Weights, f Facts, item int64, on time.Time) Result {
	return EvaluateItems(rules, weights, f, []int64{item}, on)
}

// EvaluateItems evaluates a request for several items (the lines of a
// request, a kit or single items): the rules for every item once, then
// each item's own rules. It is eligible only when every rule passes.
func EvaluateItems(rules Rules, weights Weights, f Facts, items []int64, on time.Time) Result {
	day := dayOf(on)
	r := Result{
		Status:         Eligible,
		RulesVersion:   rules.Version,
		WeightsVersion: weights.Version,
		RankRegion:     RankRegion(f.RegionPath, weights.rankDepth()),
	}
	for _, it := range items {
		if it != 0 && !slices.Contains(r.Items, it) {
			r.Items = append(r.Items, it)
		}
	}
	r.Checks = rules.All.apply(f, 0, day, nil)
	if rules.All.NotReceived {
		for _, it := range r.Items {
			r.Checks = append(r.Checks, receivedCheck(f, 0, it))
		}
	}
	for _, it := range r.Items {
		if c, ok := rules.Items[it]; ok {
			r.Checks = c.apply(f, it, day, r.Checks)
			if c.NotReceived {
				r.Checks = append(r.Checks, receivedCheck(f, it, it))
			}
		}
	}
	for _, c := range r.Checks {
		switch {
		case c.Outcome == Failed:
			r.Status = Ineligible
		case c.Outcome == Unknown && r.Status == Eligible:
			r.Status = Undetermined
		}
	}
	r.Terms = weights.terms(f, day)
	for _, t := range r.Terms {
		r.Score += t.Points
	}
	return r
}

// apply appends the checks of c but "not received" to out; scope is the
// item the criteria belong to (0: every item).
func (c Criteria) apply(f Facts, scope int64, day time.Time, out []Check) []Check {
	if c.Age != nil {
		age, ok := f.AgeOn(day)
		out = append(out, rangeCheck(RuleAge, scope, *c.Age, age, ok))
	}
	if c.Grade != nil {
		out = append(out, rangeCheck(RuleGrade, scope, *c.Grade, f.Grade, f.Grade > 0))
	}
	if len(c.Categories) > 0 {
		out = append(out, categoryCheck(scope, c.Categories, f.Categories, day))
	}
	if len(c.Regions) > 0 {
		ch := Check{Rule: RuleRegion, Item: scope, Outcome: Unknown, Want: c.Regions}
		if f.RegionPath != "" {
			ch.Outcome, ch.Got = Failed, []string{f.RegionPath}
			if slices.ContainsFunc(c.Regions, func(p string) bool { return strings.HasPrefix(f.RegionPath, p) }) {
				ch.Outcome = Passed
			}
		}
		out = append(out, ch)
	}
	if len(c.Institutions) > 0 {
		ch := Check{Rule: RuleInstitution, Item: scope, Outcome: Unknown, IDs: c.Institutions, ID: f.Institution}
		if f.Institution != 0 {
			ch.Outcome = outcome(slices.Contains(c.Institutions, f.Institution))
		}
		out = append(out, ch)
	}
	return out
}

// receivedCheck: has the applicant received item this year already?
func receivedCheck(f Facts, scope, item int64) Check {
	return Check{Rule: RuleReceived, Item: scope, ID: item, Outcome: outcome(!slices.Contains(f.Received, item))}
}

func rangeCheck(rule Rule, scope int64, r Range, v int, known bool) Check {
	ch := Check{Rule: rule, Item: scope, Min: r.Min, Max: r.Max, Outcome: Unknown}
	if known {
		ch.Value, ch.Outcome = v, outcome(r.Contains(v))
	}
	return ch
}

func categoryCheck(scope int64, want []string, held []Held, day time.Time) Check {
	ch := Check{Rule: RuleCategories, Item: scope, Want: want, Outcome: Failed}
	for _, h := range held {
		if !slices.Contains(want, h.Code) {
			continue
		}
		if h.ValidOn(day) {
			ch.Got = append(ch.Got, h.Code)
			ch.Outcome = Passed
		} else {
			ch.Expired = append(ch.Expired, h.Code)
		}
	}
	return ch
}

func outcome(ok bool) Outcome {
	if ok {
		return Passed
	}
	return Failed
}
