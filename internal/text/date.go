package text

import (
	"strings"
	"time"

	"github.com/jolproject/jol/internal/i18n"
)

// Error is a reason ParseDate or ParseExcelSerial rejects its input. Its
// Error text is English; Key is the i18n message key to show instead.
type Error struct{ key, msg string }

func (e *Error) Error() string { return e.msg }

// Key returns the i18n message key of the error, e.g. "date.format".
func (e *Error) Key() string { return e.key }

// The errors of ParseDate and ParseExcelSerial.
var (
	ErrDateFormat      = &Error{"date.format", "date is not in a recognised format: use dd.mm.yyyy, yyyy-mm-dd or a Solar Hijri yyyy/mm/dd"}
	ErrDateTwoDigit    = &Error{"date.two_digit_year", "the year must have four digits"}
	ErrDateNonexistent = &Error{"date.nonexistent", "the date does not exist"}
	ErrDateRange       = &Error{"date.range", "the date is outside the supported range"}
)

// ParseDate reads a calendar date as people type it and returns midnight
// UTC of that day. Surrounding space and directional marks are ignored,
// and digits may be Latin, Persian or Arabic-Indic. It accepts three
// numbers separated by one kind of separator, ".", "/" or "-":
//
//	31.12.2015, 1.2.2015, 31/12/2015, 31-12-2015   day first when the year is last
//	2015-12-31, 2015/12/31                         year first
//	1402/05/10, ۱۴۰۲/۰۵/۱۰, 10/05/1402             Solar Hijri when the year is below 1500
//
// Month-first (US) dates are read day first. Dates that do not exist
// (31.02.2015, 1403/12/31 in a common Solar Hijri year) are ErrDateNonexistent;
// two-digit years are ambiguous and ErrDateTwoDigit; years below 1000 are
// ErrDateRange; anything else, including a bare number such as an Excel
// date serial (see ParseExcelSerial), is ErrDateFormat.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return asciiDigit(r)
	}, s))
	sep := strings.IndexAny(s, "./-")
	if sep < 0 {
		return time.Time{}, ErrDateFormat
	}
	f := strings.Split(s, s[sep:sep+1])
	if len(f) != 3 {
		return time.Time{}, ErrDateFormat
	}
	var n [3]int
	for i, p := range f {
		if len(p) == 0 || len(p) > 4 {
			return time.Time{}, ErrDateFormat
		}
		for _, c := range []byte(p) {
			if c < '0' || c > '9' {
				return time.Time{}, ErrDateFormat
			}
			n[i] = n[i]*10 + int(c-'0')
		}
	}
	var y, m, d int
	switch {
	case len(f[0]) == 4 && len(f[1]) <= 2 && len(f[2]) <= 2:
		y, m, d = n[0], n[1], n[2]
	case len(f[2]) == 4 && len(f[0]) <= 2 && len(f[1]) <= 2:
		y, m, d = n[2], n[1], n[0]
	case len(f[0]) <= 2 && len(f[1]) <= 2 && len(f[2]) <= 2:
		return time.Time{}, ErrDateTwoDigit
	default:
		return time.Time{}, ErrDateFormat
	}
	return date(y, m, d)
}

// date returns midnight UTC of y-m-d, read in the Solar Hijri calendar
// when y is below 1500.
func date(y, m, d int) (time.Time, error) {
	switch {
	case y < 1000:
		return time.Time{}, ErrDateRange
	case y < 1500:
		t, err := i18n.FromJalali(y, m, d)
		if err != nil {
			return time.Time{}, ErrDateNonexistent
		}
		return t, nil
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || t.Day() != d {
		return time.Time{}, ErrDateNonexistent
	}
	return t, nil
}

// ParseExcelSerial returns midnight UTC of the day numbered n in Excel's
// 1900 date system, where 1 is 1900-01-01. Excel counts a 29 February
// 1900 that never was as day 60, so that serial is ErrDateNonexistent and
// serials from 61 on are one day behind a plain count. Serials outside
// 1-100000 (up to 2173-10-14) are ErrDateRange.
func ParseExcelSerial(n int) (time.Time, error) {
	switch {
	case n < 1 || n > 100000:
		return time.Time{}, ErrDateRange
	case n == 60:
		return time.Time{}, ErrDateNonexistent
	case n < 60:
		n++
	}
	return time.Date(1899, 12, 30+n, 0, 0, 0, 0, time.UTC), nil
}
