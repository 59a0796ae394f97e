package public

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// Application is what a family posts on the form.
type Application struct {
	LastName, FirstName, Patronymic string
	BirthDate                       time.Time // zero when not given or not a date
	Sex                             people.Sex
	NationalID                      string
	GuardianLastName                string
	GuardianFirstName               string
	GuardianPhone                   string
	Relation                        Relation
	RegionCode                      string
	// Grade is the school grade as chosen: "1" to "12", "0" for not at
	// school, "" when not given. The form asks it when the campaign's
	// rules bound the grade.
	Grade string
	// Distance is how far the school is from home, in kilometres, as
	// typed: "" when not given; Persian and Arabic-Indic digits and a
	// comma or the Arabic decimal separator (٫) are read.
	Distance    string
	Items       []Choice // what is needed, with sizes
	Consent     bool     // to the processing of the child's data
	ChildAssent bool     // the child's own, from 14
	Locale      string   // the family's language, for the messages

	grade int      // Grade read by check; -1 when not given
	km    *float64 // Distance read by check
}

// Choice is one item asked for and its size.
type Choice struct {
	ItemID int64
	Size   string
}

// Relation is who the applicant is to the child.
type Relation string

// The relations the form offers.
const (
	Mother   Relation = "mother"
	Father   Relation = "father"
	Guardian Relation = "guardian" // legal guardian or trustee
	Relative Relation = "relative" // another relative caring for the child
)

// Relations lists them in the form's order.
func Relations() []Relation { return []Relation{Mother, Father, Guardian, Relative} }

// MaxField bounds every text field of the form, in characters.
const MaxField = people.MaxName

// check validates what the form says against campaign c on day today, all
// at once, before anything is written: a refused application leaves
// nothing behind. It returns the child's region.
func (a *Application) check(c Campaign, today time.Time) (Region, error) {
	var fs []errs.FieldError
	a.GuardianPhone = strings.TrimSpace(text.NormalizeDigits(a.GuardianPhone))
	fs = valid.Name(fs, "last_name", a.LastName, MaxField)
	fs = valid.Name(fs, "first_name", a.FirstName, MaxField)
	fs = valid.Line(fs, "patronymic", a.Patronymic, MaxField)
	fs = valid.Name(fs, "guardian_last_name", a.GuardianLastName, MaxField)
	fs = valid.Name(fs, "guardian_first_name", a.GuardianFirstName, MaxField)
	if n := digitCount(a.GuardianPhone); n < 10 || n > 15 || utf8.RuneCountInString(a.GuardianPhone) > 25 ||
		strings.Trim(a.GuardianPhone, "+0123456789 -()") != "" {
		fs = append(fs, errs.Field("guardian_phone", "public.error.phone"))
	}
	if a.Sex != people.Male && a.Sex != people.Female {
		fs = append(fs, errs.Field("sex", "error.required", "Field", "sex"))
	}
	if !a.Relation.valid() {
		fs = append(fs, errs.Field("relation", "error.required", "Field", "relation"))
	}
	reg, ok := c.region(a.RegionCode)
	if !ok {
		fs = append(fs, errs.Field("region", "public.error.region"))
	}
	age := -1
	switch {
	case a.BirthDate.IsZero():
		fs = append(fs, errs.Field("birth_date", "error.required", "Field", "birth_date"))
	case a.BirthDate.After(today):
		fs = append(fs, errs.Field("birth_date", "error.birth_future"))
	default:
		if age = years(a.BirthDate, today); c.Rules.Age != nil && !c.Rules.Age.Contains(age) {
			r := c.Rules.Age
			fs = append(fs, errs.Field("birth_date", "error.request_outside_age", "Min", r.Min, "Max", r.Max))
		}
	}
	fs = append(fs, a.checkID(reg)...)
	fs = append(fs, a.checkItems(c)...)
	fs = append(fs, a.checkGrade(c.Rules)...)
	fs = append(fs, a.checkItemRules(c.Rules, age)...)
	fs = append(fs, a.checkDistance()...)
	if !a.Consent {
		fs = append(fs, errs.Field("consent", "public.error.consent"))
	}
	if age >= people.AssentAge && age < people.Adult && !a.ChildAssent {
		fs = append(fs, errs.Field("child_assent", "error.assent_required", "Count", people.AssentAge))
	}
	return reg, errs.Validation(fs...)
}

// checkID applies the country's rule to the national ID: in Kazakhstan
// every child has an IIN from the birth registration, so it is required
// and must agree with the date of birth and sex; in Iran the national code
// is asked but not required (children without one, refugees among them,
// apply too).
func (a *Application) checkID(reg Region) []errs.FieldError {
	id := strings.TrimSpace(a.NationalID)
	kz := strings.HasPrefix(reg.Code, "KZ")
	if id == "" {
		if kz {
			return []errs.FieldError{errs.Field("national_id", "public.error.iin_required")}
		}
		return nil
	}
	if utf8.RuneCountInString(id) > 30 {
		return []errs.FieldError{errs.Field("national_id", "error.too_long", "Field", "national_id", "Count", 30)}
	}
	kind, number, err := natid.Detect(id)
	if err == nil && kz && kind != natid.KindIIN {
		err = natid.ErrLength
	}
	if err == nil && kind == natid.KindIIN && !a.BirthDate.IsZero() {
		iin, _ := natid.ParseIIN(number)
		err = iin.Consistent(a.BirthDate, map[people.Sex]natid.Sex{people.Male: natid.Male, people.Female: natid.Female}[a.Sex])
	}
	if err != nil {
		if ne, ok := err.(*natid.Error); ok {
			return []errs.FieldError{errs.Field("national_id", ne.Key())}
		}
		return []errs.FieldError{errs.Field("national_id", "error.invalid", "Field", "national_id")}
	}
	a.NationalID = number
	return nil
}

// checkItems checks that at least one item is asked for, each one the
// campaign offers, once, with a size where it comes in sizes.
func (a *Application) checkItems(c Campaign) []errs.FieldError {
	if len(a.Items) == 0 || len(a.Items) > len(c.Items) {
		return []errs.FieldError{errs.Field("items", "public.error.items")}
	}
	a.Items = slices.Clone(a.Items) // the sizes are normalised in a copy, not in the caller's
	var fs []errs.FieldError
	seen := map[int64]bool{}
	for i, ch := range a.Items {
		it, ok := c.item(ch.ItemID)
		if !ok || seen[ch.ItemID] {
			fs = append(fs, errs.Field("items", "public.error.items"))
			continue
		}
		seen[ch.ItemID] = true
		a.Items[i].Size = strings.ToUpper(strings.TrimSpace(text.NormalizeDigits(ch.Size)))
		if key := sizeError(it.Sizing, a.Items[i].Size); key != "" {
			fs = append(fs, errs.Field(SizeField(it.ID), key))
		}
	}
	return fs
}

// SizeField is the form's field of the size of item id.
func SizeField(id int64) string { return "size_" + itoa(id) }

func (r Relation) valid() bool {
	for _, x := range Relations() {
		if r == x {
			return true
		}
	}
	return false
}

func (c Campaign) region(code string) (Region, bool) {
	for _, r := range c.Regions {
		if r.Code == code {
			return r, true
		}
	}
	return Region{}, false
}

func (c Campaign) item(id int64) (Item, bool) {
	for _, it := range c.Items {
		if it.ID == id {
			return it, true
		}
	}
	return Item{}, false
}

func digitCount(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// years is the age in whole years on day now of a person born on birth.
func years(birth, now time.Time) int {
	y := now.Year() - birth.Year()
	if now.Month() < birth.Month() || now.Month() == birth.Month() && now.Day() < birth.Day() {
		y--
	}
	return y
}
