// Package natid reads and checks national identifiers: Kazakhstan's
// individual identification number (IIN, ЖСН/ИИН) and Iran's national
// code (کد ملی). Parsing accepts what people type and what spreadsheets
// hold: spaces, hyphens, and Persian or Arabic-Indic digits.
package natid

import (
	"unicode"

	"github.com/jolproject/jol/internal/text"
)

// Error is a reason an identifier is rejected. Its Error text is English;
// Key is the i18n message key to show instead.
type Error struct{ key, msg string }

func (e *Error) Error() string { return e.msg }

// Key returns the i18n message key of the error, e.g. "natid.check_digit".
func (e *Error) Key() string { return e.key }

// The errors of this package. Parsing returns them unwrapped, so callers
// may compare with == or errors.Is.
var (
	ErrLength        = &Error{"natid.length", "the identifier has the wrong number of digits: an IIN has 12, an Iranian national code 10"}
	ErrDigits        = &Error{"natid.digits", "the identifier may contain only digits, spaces and hyphens"}
	ErrCheckDigit    = &Error{"natid.check_digit", "the check digit does not match: a digit is mistyped"}
	ErrBirthDate     = &Error{"natid.birth_date", "the first six digits of the IIN are not a valid birth date (YYMMDD)"}
	ErrCentury       = &Error{"natid.century", "the seventh digit of the IIN must be 1 to 6"}
	ErrRepeated      = &Error{"natid.repeated", "a national code of one repeated digit is not valid"}
	ErrBirthMismatch = &Error{"natid.birth_mismatch", "the birth date does not match the IIN"}
	ErrSexMismatch   = &Error{"natid.sex_mismatch", "the sex does not match the IIN"}
)

// Kind names a kind of national identifier; the values are stable and
// may be stored.
type Kind string

// The kinds of identifier Detect tells apart.
const (
	KindIIN Kind = "kz_iin"           // Kazakhstan IIN, 12 digits
	KindIR  Kind = "ir_national_code" // Iran national code, 10 digits
)

// Detect tells an IIN from an Iranian national code by its number of
// digits, after the normalisation of ParseIIN: 12 digits are an IIN, 8 to
// 10 an Iranian code (see ParseIranCode). It returns the kind, the
// normalised number and the error of that kind's parser; the kind is set
// even when the number is invalid, so a message can name it. Other
// lengths are ErrLength with an empty kind.
func Detect(s string) (Kind, string, error) {
	n, err := digits(s)
	if err != nil {
		return "", "", err
	}
	switch {
	case len(n) == 12:
		id, err := parseIIN(n)
		return KindIIN, id.Number, err
	case len(n) >= 8 && len(n) <= 10:
		code, err := checkIran(n)
		return KindIR, code, err
	}
	return "", "", ErrLength
}

// digits returns the ASCII digits of s. Persian and Arabic-Indic digits
// count as digits; white space, hyphens and dashes, and invisible format
// characters (directional marks copied from right-to-left text) are
// skipped; anything else is ErrDigits. More than 16 digits is ErrLength.
func digits(s string) (string, error) {
	var buf [16]byte
	n := 0
	for _, r := range text.NormalizeDigits(s) {
		switch {
		case r >= '0' && r <= '9':
			if n == len(buf) {
				return "", ErrLength
			}
			buf[n] = byte(r)
			n++
		case r == '-' || r >= '\u2010' && r <= '\u2015' || r == '\u2212',
			unicode.IsSpace(r), unicode.Is(unicode.Cf, r):
		default:
			return "", ErrDigits
		}
	}
	return string(buf[:n]), nil
}

// num returns the number written by the ASCII digits of s.
func num(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
