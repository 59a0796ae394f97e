package eligibility

import (
	"fmt"
	"maps"
	"slices"

	"github.com/jolproject/jol/internal/errs"
)

// MaxPoints bounds every single weight, so no sum of them can overflow and
// a typing slip (3000 for 30) is caught.
const MaxPoints = 10000

// Band gives Points to an applicant who lives at least FromKm from school.
type Band struct {
	FromKm float64 `json:"from_km"`
	Points int     `json:"points"`
}

// Weights are the points a campaign gives for each circumstance. Requests
// with equal scores are ordered by the date of the request, earlier first,
// then by request id, so the order never depends on chance.
type Weights struct {
	Version int `json:"version"`
	// Categories: points per registry category code held with valid
	// evidence.
	Categories map[string]int `json:"categories,omitempty"`
	// Income: points per household income category (people.Income*).
	Income map[string]int `json:"income,omitempty"`
	// PerChild points for every child of the household beyond ChildrenFrom
	// (0: for every child).
	PerChild     int `json:"per_child,omitempty"`
	ChildrenFrom int `json:"children_from,omitempty"`
	Disability   int `json:"disability,omitempty"`
	// SingleGuardian: a child raised by one parent or guardian.
	SingleGuardian int `json:"single_guardian,omitempty"`
	// Distance bands, in increasing FromKm; the farthest band reached
	// counts. An unknown distance gets no points.
	Distance []Band `json:"distance,omitempty"`
	// RankDepth is the depth of the region requests are ranked in: 2 is
	// the region below the country ("/KZ/KZ-35/"), the default.
	RankDepth int `json:"rank_depth,omitempty"`
}

// ParseWeights decodes weights from JSON, refusing unknown fields, and
// validates them against the known category and income codes (nil: any).
func ParseWeights(data []byte, categories, incomes []string) (Weights, error) {
	var w Weights
	if err := decodeStrict(data, &w); err != nil {
		return Weights{}, errs.Wrap(err, errs.Invalid, "error.weights_json")
	}
	return w, w.Validate(categories, incomes)
}

// Validate checks the weights against the known category and income codes
// (nil to accept any) and returns an errs.Invalid error naming each fault.
func (w Weights) Validate(categories, incomes []string) error {
	var fs []errs.FieldError
	if w.Version < 0 {
		fs = append(fs, errs.Field("version", "error.rules_version"))
	}
	fs = checkCodes("categories", w.Categories, categories, "error.rules_category", fs)
	fs = checkCodes("income", w.Income, incomes, "error.weights_income", fs)
	for _, p := range []struct {
		field  string
		points int
	}{{"per_child", w.PerChild}, {"disability", w.Disability}, {"single_guardian", w.SingleGuardian}} {
		fs = checkPoints(p.field, p.points, fs)
	}
	if w.ChildrenFrom < 0 || w.ChildrenFrom > 50 {
		fs = append(fs, errs.Field("children_from", "error.weights_children_from", "Max", 50))
	}
	for i, b := range w.Distance {
		at := fmt.Sprintf("distance.%d", i)
		fs = checkPoints(at, b.Points, fs)
		if b.FromKm < 0 || (i > 0 && b.FromKm <= w.Distance[i-1].FromKm) {
			fs = append(fs, errs.Field(at, "error.weights_band_order"))
		}
	}
	if w.RankDepth < 0 || w.RankDepth > 6 {
		fs = append(fs, errs.Field("rank_depth", "error.weights_rank_depth", "Max", 6))
	}
	return errs.Validation(fs...)
}

func checkCodes(field string, m map[string]int, known []string, key string, fs []errs.FieldError) []errs.FieldError {
	for _, code := range slices.Sorted(maps.Keys(m)) {
		if code == "" || (known != nil && !slices.Contains(known, code)) {
			fs = append(fs, errs.Field(field, key, "Code", code))
		}
		fs = checkPoints(field+"."+code, m[code], fs)
	}
	return fs
}

func checkPoints(field string, p int, fs []errs.FieldError) []errs.FieldError {
	if p < -MaxPoints || p > MaxPoints {
		fs = append(fs, errs.Field(field, "error.weights_points", "Max", MaxPoints))
	}
	return fs
}

// rankDepth is the depth requests are ranked at.
func (w Weights) rankDepth() int {
	if w.RankDepth == 0 {
		return 2
	}
	return w.RankDepth
}
