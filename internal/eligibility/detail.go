package eligibility

import (
	"encoding/json"
	"fmt"
)

// A Result is kept with each request, for a million requests and again in
// their history, so it is stored without what its rule set already says
// (ranges, the categories, regions and institutions asked for), under
// short names. EncodeDetail and DecodeDetail are each other's inverse
// given the rules of the result's version.

type storedCheck struct {
	Rule    Rule     `json:"r"`
	Outcome string   `json:"o"` // p, f, u
	Item    int64    `json:"i,omitempty"`
	Value   int      `json:"v,omitempty"`
	Got     []string `json:"g,omitempty"`
	Expired []string `json:"e,omitempty"`
	ID      int64    `json:"d,omitempty"`
}

type storedTerm struct {
	Kind   Kind    `json:"k"`
	Code   string  `json:"c,omitempty"`
	Count  int     `json:"n,omitempty"`
	Km     float64 `json:"m,omitempty"`
	Points int     `json:"p"`
}

type storedDetail struct {
	Checks []storedCheck `json:"c"`
	Terms  []storedTerm  `json:"t"`
	Items  []int64       `json:"i,omitempty"`
	// The weights' version when it differs from the rules'.
	Weights int `json:"w,omitempty"`
}

// EncodeDetail returns the checks, terms and items of r in their stored
// form; the status, score, versions and rank region are kept beside it.
func EncodeDetail(r Result) ([]byte, error) {
	d := storedDetail{Checks: make([]storedCheck, len(r.Checks)), Terms: make([]storedTerm, len(r.Terms)), Items: r.Items}
	if r.WeightsVersion != r.RulesVersion {
		d.Weights = r.WeightsVersion
	}
	for i, c := range r.Checks {
		d.Checks[i] = storedCheck{Rule: c.Rule, Outcome: string(c.Outcome[:1]), Item: c.Item, Value: c.Value,
			Got: c.Got, Expired: c.Expired, ID: c.ID}
	}
	for i, t := range r.Terms {
		d.Terms[i] = storedTerm(t)
	}
	return json.Marshal(d)
}

// DecodeDetail rebuilds a Result from its stored parts and the rules of
// its version, which give back what each check asked for.
func DecodeDetail(data []byte, rules Rules, status Status, score int, rankRegion string) (Result, error) {
	var d storedDetail
	if err := json.Unmarshal(data, &d); err != nil {
		return Result{}, fmt.Errorf("eligibility: stored result: %w", err)
	}
	r := Result{Status: status, Score: score, RankRegion: rankRegion, Items: d.Items,
		RulesVersion: rules.Version, WeightsVersion: rules.Version,
		Checks: make([]Check, len(d.Checks)), Terms: make([]Term, len(d.Terms))}
	if d.Weights != 0 {
		r.WeightsVersion = d.Weights
	}
	outcomes := map[string]Outcome{"p": Passed, "f": Failed, "u": Unknown}
	for i, s := range d.Checks {
		c := Check{Rule: s.Rule, Outcome: outcomes[s.Outcome], Item: s.Item, Value: s.Value, Got: s.Got,
			Expired: s.Expired, ID: s.ID}
		crit := rules.All
		if s.Item != 0 {
			crit = rules.Items[s.Item]
		}
		switch c.Rule {
		case RuleAge, RuleGrade:
			rg := crit.Age
			if c.Rule == RuleGrade {
				rg = crit.Grade
			}
			if rg != nil {
				c.Min, c.Max = rg.Min, rg.Max
			}
		case RuleCategories:
			c.Want = crit.Categories
		case RuleRegion:
			c.Want = crit.Regions
		case RuleInstitution:
			c.IDs = crit.Institutions
		}
		r.Checks[i] = c
	}
	for i, t := range d.Terms {
		r.Terms[i] = Term(t)
	}
	return r, nil
}
