package youth

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// Bounds of what a young person types, in characters.
const (
	MaxName     = 100
	MaxField    = 40
	MaxContact  = 254
	MaxRelation = 50
)

// Input is a registration as a web form, the API, the Telegram bot or an
// imported list sends it.
type Input struct {
	LastName, FirstName, Patronymic string
	Birth                           time.Time
	// RegionCode is the place they live, as deep as known: a settlement,
	// district or region of internal/geo.
	RegionCode string
	Settlement Settlement
	Status     Status
	Field      string // a field of interest, checked by the service's FieldCheck
	Goals      string
	Language   string // kk, ru, en, fr or fa
	Contact    Contact
	Channel    Channel
	Shortlist  bool // consent to be named on a published shortlist; no unless asked
	// Guardian names a minor's guardian (see checkGuardian); their
	// consent is recorded later, by a coordinator.
	Guardian GuardianDetails
}

// FieldCheck reports whether code is a field of interest the programme
// offers. The list of fields belongs to the mentors' side of mentoring;
// the service asks it through this function so the two can be joined by
// the wiring alone.
type FieldCheck func(ctx context.Context, code string) (bool, error)

// clean trims what was typed and folds the handles and addresses that are
// case-insensitive.
func (in Input) clean() Input {
	for _, s := range []*string{&in.LastName, &in.FirstName, &in.Patronymic, &in.RegionCode, &in.Field,
		&in.Goals, &in.Language, &in.Contact.Phone, &in.Contact.Telegram, &in.Contact.Email,
		&in.Guardian.Name, &in.Guardian.Relation, &in.Guardian.Contact} {
		*s = strings.TrimSpace(*s)
	}
	in.RegionCode = strings.ToUpper(in.RegionCode)
	in.Field, in.Language = strings.ToLower(in.Field), strings.ToLower(in.Language)
	in.Contact.Telegram = strings.ToLower(strings.TrimPrefix(in.Contact.Telegram, "@"))
	in.Contact.Email = strings.ToLower(in.Contact.Email)
	in.Birth = store.Day(in.Birth)
	return in
}

// check returns every problem of in at once, as field errors, the age
// taken on day today: the age range is refused with the range and the
// age. The region and the field are checked by the caller, which reads
// them.
func (in Input) check(today time.Time) []errs.FieldError {
	var fs []errs.FieldError
	fs = valid.Name(fs, "last_name", in.LastName, MaxName)
	fs = valid.Name(fs, "first_name", in.FirstName, MaxName)
	fs = valid.Line(fs, "patronymic", in.Patronymic, MaxName)
	fs = checkBirth(fs, in.Birth, today)
	fs = valid.Required(fs, "region", in.RegionCode)
	fs = choice(fs, "settlement", in.Settlement, Settlements())
	fs = choice(fs, "status", in.Status, Statuses())
	fs = choice(fs, "channel", in.Channel, Channels())
	fs = valid.Name(fs, "field", in.Field, MaxField)
	fs = valid.Note(fs, "goals", in.Goals)
	if !i18n.Locale(in.Language).Valid() {
		fs = append(fs, valid.Choice("language", i18n.All()...))
	}
	return append(fs, in.Contact.check()...)
}

// choice adds the field error of a value missing or not among choices.
func choice[T ~string](fs []errs.FieldError, field string, v T, choices []T) []errs.FieldError {
	switch {
	case v == "":
		return append(fs, errs.Field(field, "error.required", "Field", field))
	case !slices.Contains(choices, v):
		return append(fs, valid.Choice(field, choices...))
	}
	return fs
}

// Age is the number of years completed on day on by someone born on
// birth. A birthday on 29 February is reached on 1 March in other years,
// as the registry's eligibility rules count it.
func Age(birth, on time.Time) int {
	by, bm, bd := birth.Date()
	y, m, d := on.Date()
	age := y - by
	if m < bm || (m == bm && d < bd) {
		age--
	}
	return age
}

// GroupOf is the age group of age, and false outside 14–29.
func GroupOf(age int) (AgeGroup, bool) {
	switch {
	case age < MinAge || age > MaxAge:
		return "", false
	case age < AdultAge:
		return Teen, true
	case age < 25:
		return YoungAdult, true
	}
	return Adult, true
}

// AgeGroups lists the age groups, youngest first.
func AgeGroups() []AgeGroup { return []AgeGroup{Teen, YoungAdult, Adult} }

// Settlements lists the kinds of settlement.
func Settlements() []Settlement { return []Settlement{Rural, Urban} }

// Statuses lists the statuses.
func Statuses() []Status { return []Status{NEET, InEducation, Employed} }

// Channels lists the channels of registration.
func Channels() []Channel { return []Channel{Web, Telegram, Import} }
