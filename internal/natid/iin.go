package natid

import (
	"errors"
	"fmt"
	"time"
)

// Sex is the sex an IIN records.
type Sex string

// The sexes an IIN records.
const (
	Male   Sex = "male"
	Female Sex = "female"
)

// IIN is a valid Kazakhstan individual identification number and what it
// tells about its holder.
type IIN struct {
	Number    string    // the 12 ASCII digits
	BirthDate time.Time // midnight UTC of the birth date
	Sex       Sex
}

// ParseIIN checks a Kazakhstan IIN: 12 digits, of which the first six are
// the birth date YYMMDD; the seventh gives the century and sex (1 and 2:
// 1800s, 3 and 4: 1900s, 5 and 6: 2000s; odd male, even female); the
// eighth to eleventh are a serial number; and the twelfth is a check
// digit: the sum of the first eleven digits weighted 1 to 11, modulo 11,
// or when that is 10, the sum weighted 3, 4, …, 11, 1, 2 modulo 11; when
// that too is 10 no IIN is issued with those eleven digits.
//
// Spaces, hyphens and Persian or Arabic-Indic digits are accepted. A
// seventh digit of 0, which some registries are said to use for
// foreigners, is rejected (ErrCentury): the published structure has no
// such value, and foreign residents receive IINs of the same structure.
// A birth date in the future is not detected here: that needs a clock.
func ParseIIN(s string) (IIN, error) {
	n, err := digits(s)
	if err != nil {
		return IIN{}, err
	}
	if len(n) != 12 {
		return IIN{}, ErrLength
	}
	return parseIIN(n)
}

// parseIIN checks 12 ASCII digits as an IIN.
func parseIIN(n string) (IIN, error) {
	c := int(n[6] - '0')
	if c < 1 || c > 6 {
		return IIN{}, ErrCentury
	}
	y, m, d := 1800+(c-1)/2*100+num(n[0:2]), num(n[2:4]), num(n[4:6])
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || t.Day() != d {
		return IIN{}, ErrBirthDate
	}
	if iinCheck(n) != int(n[11]-'0') {
		return IIN{}, ErrCheckDigit
	}
	sex := Male
	if c%2 == 0 {
		sex = Female
	}
	return IIN{Number: n, BirthDate: t, Sex: sex}, nil
}

// iinCheck returns the check digit of the first 11 digits of n, or -1
// when there is none and the number is never issued.
func iinCheck(n string) int {
	for pass := 0; pass < 2; pass++ {
		s := 0
		for i := 0; i < 11; i++ {
			s += int(n[i]-'0') * ((i+2*pass)%11 + 1)
		}
		if s %= 11; s != 10 {
			return s
		}
	}
	return -1
}

// Consistent compares the IIN with the birth date and sex of a record. It
// returns ErrBirthMismatch when the calendar date of birth (in birth's own
// location) differs from the IIN's, ErrSexMismatch when sex differs, and
// both joined by errors.Join when both differ (test with errors.Is). A
// zero birth or empty sex is unknown and not compared.
func (id IIN) Consistent(birth time.Time, sex Sex) error {
	var birthErr, sexErr error
	if !birth.IsZero() {
		y, m, d := birth.Date()
		if iy, im, iday := id.BirthDate.Date(); y != iy || m != im || d != iday {
			birthErr = ErrBirthMismatch
		}
	}
	if sex != "" && sex != id.Sex {
		sexErr = ErrSexMismatch
	}
	switch {
	case birthErr == nil:
		return sexErr
	case sexErr == nil:
		return birthErr
	}
	return errors.Join(birthErr, sexErr)
}

// MakeIIN returns a valid IIN for a birth date (its calendar date in its
// own location, years 1800-2099) and sex, with serial number serial
// (0-9999), for tests and demo data. When no IIN has that serial, because
// its check digit would be 10 twice, the next serial that has one is used.
// A year out of range is ErrCentury.
func MakeIIN(birth time.Time, sex Sex, serial int) (string, error) {
	y, m, d := birth.Date()
	if y < 1800 || y > 2099 {
		return "", ErrCentury
	}
	if sex != Male && sex != Female {
		return "", fmt.Errorf("natid: sex %q is neither male nor female", sex)
	}
	if serial < 0 || serial > 9999 {
		return "", fmt.Errorf("natid: serial %d is not between 0 and 9999", serial)
	}
	c := (y-1800)/100*2 + 1
	if sex == Female {
		c++
	}
	for {
		n := fmt.Sprintf("%02d%02d%02d%d%04d", y%100, int(m), d, c, serial)
		if k := iinCheck(n); k >= 0 {
			return fmt.Sprintf("%s%d", n, k), nil
		}
		serial = (serial + 1) % 10000
	}
}
