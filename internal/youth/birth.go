package youth

import (
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// checkBirth adds the problem of a date of birth on day today: none
// given, a day to come, or an age outside MinAge to MaxAge, refused with
// the range and the age.
func checkBirth(fs []errs.FieldError, birth, today time.Time) []errs.FieldError {
	switch {
	case birth.IsZero():
		return append(fs, errs.Field("birth_date", "error.required", "Field", "birth_date"))
	case birth.After(today):
		return append(fs, errs.Field("birth_date", "error.youth_birth_future"))
	}
	if _, ok := GroupOf(Age(birth, today)); !ok {
		fs = append(fs, errs.Field("birth_date", "error.youth_age_range",
			"Age", Age(birth, today), "Min", MinAge, "Max", MaxAge))
	}
	return fs
}

// CheckBirth checks a date of birth as Register will on the service's
// day, for a surface that asks one question at a time (the bot): the age
// group it falls in, or the validation error Register would give.
func (s *Service) CheckBirth(birth time.Time) (AgeGroup, error) {
	today := s.today()
	if err := errs.Validation(checkBirth(nil, store.Day(birth), today)...); err != nil {
		return "", err
	}
	g, _ := GroupOf(Age(store.Day(birth), today))
	return g, nil
}
