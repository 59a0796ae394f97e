package natid

import (
	"fmt"
	"strings"
)

// ParseIranCode checks an Iranian national code (کد ملی) and returns its
// 10 ASCII digits. The tenth digit is a check digit: with s the sum of
// the first nine digits weighted 10, 9, …, 2 and r = s mod 11, it is r
// when r < 2 and 11 − r otherwise. Codes of one repeated digit
// (1111111111) pass that test but are not issued, and are ErrRepeated.
//
// Spaces, hyphens and Persian or Arabic-Indic digits are accepted, and so
// are codes of 8 or 9 digits, which are left-padded with zeros: national
// codes may begin with zeros (those issued in Tehran often do), and
// spreadsheets that stored the code as a number dropped them. Padding is
// only a reading of what is left: a code missing a digit elsewhere fails
// its check digit.
func ParseIranCode(s string) (string, error) {
	n, err := digits(s)
	if err != nil {
		return "", err
	}
	if len(n) < 8 || len(n) > 10 {
		return "", ErrLength
	}
	return checkIran(n)
}

// checkIran checks 8 to 10 ASCII digits as an Iranian national code.
func checkIran(n string) (string, error) {
	if len(n) < 10 {
		n = strings.Repeat("0", 10-len(n)) + n
	}
	if repeated(n) {
		return "", ErrRepeated
	}
	if iranCheck(n) != int(n[9]-'0') {
		return "", ErrCheckDigit
	}
	return n, nil
}

// iranCheck returns the check digit of the first nine digits of n.
func iranCheck(n string) int {
	s := 0
	for i := 0; i < 9; i++ {
		s += int(n[i]-'0') * (10 - i)
	}
	if r := s % 11; r >= 2 {
		return 11 - r
	}
	return s % 11
}

// repeated reports whether n is one digit repeated.
func repeated(n string) bool {
	return strings.Count(n, n[:1]) == len(n)
}

// MakeIranCode returns a valid Iranian national code whose first nine
// digits are prefix (its last nine digits when longer, its absolute value
// when negative, left-padded with zeros), for tests and demo data. When
// that gives a code of one repeated digit, the next prefix is used.
func MakeIranCode(prefix int) string {
	p := prefix % 1_000_000_000
	if p < 0 {
		p = -p
	}
	for {
		n := fmt.Sprintf("%09d", p)
		n += fmt.Sprint(iranCheck(n))
		if !repeated(n) {
			return n
		}
		p = (p + 1) % 1_000_000_000
	}
}
