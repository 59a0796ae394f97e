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
	day := dayOf(on)
	r := Result{
		Status:         Eligible,
		RulesVersion:   rules.Version,
		WeightsVersion: weights.Version,
		RankRegion:     RankRegion(f.RegionPath, weights.rankDepth()),
	}
	r.Checks = rules.All.apply(f, 0, item, day, nil)
	if c, ok := rules.Items[item]; ok && item != 0 {
		r.Checks = c.apply(f, item, item, day, r.Checks)
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

// apply appends the checks of c to out; scope is the item the criteria
// belong to (0: every item) and item the one asked for.
func (c Criteria) apply(f Facts, scope, item int64, day time.Time, out []Check) []Check {
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
	// A request as a whole names no item, so there is nothing to compare.
	if c.NotReceived && item != 0 {
		out = append(out, Check{Rule: RuleReceived, Item: scope, ID: item,
			Outcome: outcome(!slices.Contains(f.Received, item))})
	}
	return out
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
