package people

import (
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// Limits on what a person's record holds, in characters.
const (
	MaxName    = 100
	MaxAddress = 300
	MaxNote    = valid.MaxNote
	MaxGrade   = 12
)

// earliestBirth is the earliest date of birth the registry accepts.
var earliestBirth = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

// check validates what can be checked without the database and returns the
// record as it will be stored: names cleaned (text.Clean) beside their key,
// the day of birth, the phone with its digits, the ID number normalised.
func (s *Service) check(in Input) (Person, []errs.FieldError) {
	var fs []errs.FieldError
	r := Person{LastName: text.Clean(in.LastName), FirstName: text.Clean(in.FirstName),
		Patronymic: text.Clean(in.Patronymic), BirthDate: date(in.BirthDate), Sex: in.Sex,
		Address: text.Clean(in.Address), Grade: in.Grade, Status: in.Status, Disability: in.Disability,
		SpecialNeeds: strings.TrimSpace(in.SpecialNeeds), Notes: strings.TrimSpace(in.Notes)}
	if r.LastName == "" && r.FirstName == "" {
		fs = append(fs, errs.Field("last_name", "error.name_required"))
	}
	fs = valid.Line(fs, "last_name", in.LastName, MaxName)
	fs = valid.Line(fs, "first_name", in.FirstName, MaxName)
	fs = valid.Line(fs, "patronymic", in.Patronymic, MaxName)
	fs = valid.Line(fs, "address", in.Address, MaxAddress)
	fs = valid.Note(fs, "special_needs", r.SpecialNeeds)
	fs = valid.Note(fs, "notes", r.Notes)
	r.nameKey = text.NameKey(r.LastName, r.FirstName, r.Patronymic)
	if f := checkBirth(r.BirthDate, s.today()); f != nil {
		fs = append(fs, *f)
	}
	if r.Sex == "" {
		r.Sex = SexUnknown
	} else if r.Sex != Male && r.Sex != Female && r.Sex != SexUnknown {
		fs = append(fs, valid.Choice("sex", Male, Female, SexUnknown))
	}
	var ok bool
	if r.Phone, r.phoneDigits, ok = normPhone(in.Phone); !ok {
		fs = append(fs, errs.Field("phone", "error.invalid_phone"))
	}
	if r.Languages, ok = languages(in.Languages); !ok {
		fs = append(fs, errs.Field("languages", "error.invalid", "Field", "languages"))
	}
	if r.Grade < 0 || r.Grade > MaxGrade {
		fs = append(fs, errs.Field("grade", "error.grade_range", "Max", MaxGrade))
	}
	if r.Status != "" && !r.Status.Valid() {
		fs = append(fs, valid.Choice("status", Statuses()...))
	}
	var idfs []errs.FieldError
	r.IDKind, r.NationalID, idfs = checkID(in.IDKind, in.NationalID, r.BirthDate, r.Sex)
	return r, append(fs, idfs...)
}

// checkBirth refuses a date of birth after today or before 1900.
func checkBirth(b, today time.Time) *errs.FieldError {
	var f errs.FieldError
	switch {
	case b.IsZero():
		return nil
	case b.After(today):
		f = errs.Field("birth_date", "error.birth_future")
	case b.Before(earliestBirth):
		f = errs.Field("birth_date", "error.birth_too_early", "Year", strconv.Itoa(earliestBirth.Year()))
	default:
		return nil
	}
	return &f
}
