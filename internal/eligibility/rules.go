package eligibility

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/errs"
)

// Limits of what a rule may ask; wider values are refused as mistakes.
const (
	MaxAge   = 120
	MaxGrade = 12
)

// Range is an inclusive range of whole numbers (years of age, grades).
type Range struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

// Contains reports whether v lies within r.
func (r Range) Contains(v int) bool { return v >= r.Min && v <= r.Max }

// Criteria are the conditions a request must meet. Every condition that
// is set must pass; an unset one (nil range, empty list, false flag) is
// not checked.
type Criteria struct {
	Age   *Range `json:"age,omitempty"`   // years completed on the decision date
	Grade *Range `json:"grade,omitempty"` // school grade, 1–12
	// Categories are category codes of the registry; the applicant must
	// hold at least one of them with evidence valid on the decision date.
	Categories []string `json:"categories,omitempty"`
	// Regions are region paths ("/KZ/KZ-35/"); the applicant must live in
	// one of their subtrees.
	Regions []string `json:"regions,omitempty"`
	// Institutions are organisation ids; the applicant must attend one.
	Institutions []int64 `json:"institutions,omitempty"`
	// NotReceived refuses an item the applicant has already received this
	// year in any campaign of the installation.
	NotReceived bool `json:"not_received_this_year,omitempty"`
}

// Rules are a campaign's conditions: those for every item and, per
// catalogue item id, those that apply to that item as well.
type Rules struct {
	Version int                `json:"version"`
	All     Criteria           `json:"all"`
	Items   map[int64]Criteria `json:"items,omitempty"`
}

// ParseRules decodes rules from JSON, refusing unknown fields, and
// validates them against the registry's category codes (nil: any code).
func ParseRules(data []byte, categories []string) (Rules, error) {
	var r Rules
	if err := decodeStrict(data, &r); err != nil {
		return Rules{}, errs.Wrap(err, errs.Invalid, "error.rules_json")
	}
	return r, r.Validate(categories)
}

// Validate checks the rules; categories are the known category codes, or
// nil to accept any. It returns an errs.Invalid error listing each fault
// by the field it is in ("all.age", "items.12.regions").
func (r Rules) Validate(categories []string) error {
	var fs []errs.FieldError
	if r.Version < 0 {
		fs = append(fs, errs.Field("version", "error.rules_version"))
	}
	fs = r.All.check("all", categories, fs)
	for _, id := range slices.Sorted(maps.Keys(r.Items)) {
		if id <= 0 {
			fs = append(fs, errs.Field(fmt.Sprintf("items.%d", id), "error.rules_item"))
			continue
		}
		fs = r.Items[id].check(fmt.Sprintf("items.%d", id), categories, fs)
	}
	return errs.Validation(fs...)
}

func (c Criteria) check(at string, categories []string, fs []errs.FieldError) []errs.FieldError {
	fs = checkRange(at+".age", c.Age, MaxAge, fs)
	fs = checkRange(at+".grade", c.Grade, MaxGrade, fs)
	for _, code := range c.Categories {
		if code == "" || (categories != nil && !slices.Contains(categories, code)) {
			fs = append(fs, errs.Field(at+".categories", "error.rules_category", "Code", code))
		}
	}
	for _, p := range c.Regions {
		if !strings.HasPrefix(p, "/") || !strings.HasSuffix(p, "/") || len(p) < 3 {
			fs = append(fs, errs.Field(at+".regions", "error.rules_region", "Path", p))
		}
	}
	for _, id := range c.Institutions {
		if id <= 0 {
			fs = append(fs, errs.Field(at+".institutions", "error.rules_institution"))
		}
	}
	return fs
}

func checkRange(at string, r *Range, limit int, fs []errs.FieldError) []errs.FieldError {
	if r != nil && (r.Min < 0 || r.Max > limit || r.Min > r.Max) {
		fs = append(fs, errs.Field(at, "error.rules_range", "Max", limit))
	}
	return fs
}

// decodeStrict decodes one JSON value, refusing unknown fields and
// anything after the value.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("data after the JSON value")
	}
	return nil
}
