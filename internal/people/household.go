package people

import (
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// LargeFamily is how many children under 18 make a household large
// ("многодетная семья": four or more).
const LargeFamily = 4

// Limits on a household's codes and references, in characters.
const (
	maxCode = 40
	maxRef  = 100
)

// Household is a family living together. ChildrenUnder18 and Large are
// derived when the household is read, from its members' dates of birth on
// the clock's day, so they follow the children's birthdays and can never be
// edited by hand: a child is a member under 18 who is not in a parent's
// role (mother, father, guardian, grandparent).
type Household struct {
	ID              int64     `json:"id"`
	OrgID           int64     `json:"org_id,omitempty"`
	OrgName         string    `json:"org_name,omitempty"`
	OrgPath         string    `json:"org_path,omitempty"`
	RegionCode      string    `json:"region_code"`
	RegionPath      string    `json:"region_path"`
	Address         string    `json:"address,omitempty"`
	Phone           string    `json:"phone,omitempty"`
	IncomeCategory  string    `json:"income_category,omitempty"` // a code from the programme's income scale
	LowIncome       bool      `json:"low_income"`
	Incomplete      bool      `json:"incomplete"`    // one parent
	Dysfunctional   bool      `json:"dysfunctional"` // a family in a socially dangerous situation
	Notes           string    `json:"notes,omitempty"`
	ExternalRef     string    `json:"external_ref,omitempty"` // the family's reference in an imported file
	ChildrenUnder18 int       `json:"children_under_18"`
	Large           bool      `json:"large"`
	CreatedBy       int64     `json:"created_by,omitempty"`
	CreatedAt       time.Time `json:"created_at"`
	UpdatedAt       time.Time `json:"updated_at"`
}

// Target is the scope of the household's record, for access.Can.
func (h Household) Target() access.Target {
	return access.Target{OrgPath: h.OrgPath, RegionPath: h.RegionPath}
}

// HouseholdInput is what a user sets on a household.
type HouseholdInput struct {
	OrgID          int64 // 0 only for a principal bound to no organisation
	RegionCode     string
	Address        string
	Phone          string
	IncomeCategory string
	LowIncome      bool
	Incomplete     bool
	Dysfunctional  bool
	Notes          string
	ExternalRef    string // unique within the owning organisation when not ""
}

// checkHousehold validates in and returns the household as it is stored,
// with the search digits of its phone.
func checkHousehold(in HouseholdInput) (Household, string, []errs.FieldError) {
	h := Household{Address: text.Clean(in.Address), IncomeCategory: strings.TrimSpace(in.IncomeCategory),
		LowIncome: in.LowIncome, Incomplete: in.Incomplete, Dysfunctional: in.Dysfunctional,
		Notes: strings.TrimSpace(in.Notes), ExternalRef: text.Clean(in.ExternalRef)}
	fs := valid.Line(nil, "address", in.Address, MaxAddress)
	fs = valid.Note(fs, "notes", h.Notes)
	fs = valid.Line(fs, "external_ref", in.ExternalRef, maxRef)
	if !validCode(h.IncomeCategory) && h.IncomeCategory != "" {
		fs = append(fs, errs.Field("income_category", "error.invalid", "Field", "income_category"))
	}
	phone, digits, ok := normPhone(in.Phone)
	if !ok {
		fs = append(fs, errs.Field("phone", "error.invalid_phone"))
	}
	h.Phone = phone
	return h, digits, fs
}

// validCode reports whether c is a code: lower-case Latin letters, digits,
// hyphens and underscores, starting with a letter, at most maxCode long.
func validCode(c string) bool {
	if c == "" || len(c) > maxCode || c[0] < 'a' || c[0] > 'z' {
		return false
	}
	return strings.Trim(c, "abcdefghijklmnopqrstuvwxyz0123456789-_") == ""
}
