package i18n

import (
	"math"
	"strconv"
	"strings"
)

// Number-formatting symbols, taken from the CLDR number symbols of each
// locale (latn digits for kk, ru, en and fr; arabext digits for fa).
const (
	// groupComma is the English thousands separator.
	groupComma = ","
	// groupNoBreakSpace (U+00A0) is the Kazakh and Russian separator.
	groupNoBreakSpace = "\u00a0"
	// groupNarrowNoBreakSpace (U+202F) is the French separator.
	groupNarrowNoBreakSpace = "\u202f"
	// groupArabic (U+066C ARABIC THOUSANDS SEPARATOR) is the Persian one.
	groupArabic = "\u066c"
	// minusPersian is CLDR's Persian minus sign: a left-to-right mark
	// followed by U+2212 MINUS SIGN, so it stays left of the digits in
	// right-to-left text.
	minusPersian = "\u200e\u2212"
	// persianZero is EXTENDED ARABIC-INDIC DIGIT ZERO (U+06F0); the other
	// Persian digits follow it in order.
	persianZero = '۰'
)

// Number formats n as an integer with the locale's digits, thousands
// separator and minus sign:
//
//	en  1,234,567
//	kk  1 234 567   (U+00A0 no-break space)
//	ru  1 234 567   (U+00A0 no-break space)
//	fr  1 234 567   (U+202F narrow no-break space)
//	fa  ۱٬۲۳۴٬۵۶۷   (Persian digits, U+066C separator)
//
// An unsupported locale is formatted like en.
func (l Locale) Number(n int64) string {
	// The magnitude is computed in uint64 so math.MinInt64 is safe.
	mag := uint64(n)
	if n < 0 {
		mag = -mag
	}
	digits := strconv.FormatUint(mag, 10)
	sep := l.groupSeparator()

	var b strings.Builder
	if n < 0 {
		if l == FA {
			b.WriteString(minusPersian)
		} else {
			b.WriteByte('-')
		}
	}
	for i := 0; i < len(digits); i++ {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteByte(digits[i])
	}
	return l.Digits(b.String())
}

// Decimal formats v rounded to at most places decimals, without trailing
// zeros, with the locale's digits, grouping and CLDR decimal separator:
// 1234.5 is "1,234.5" in en, "1 234,5" in kk, ru and fr, "۱٬۲۳۴٫۵" in fa.
func (l Locale) Decimal(v float64, places int) string {
	scale := math.Pow10(places)
	v = math.Round(v*scale) / scale
	whole, frac := math.Modf(math.Abs(v))
	s := l.Number(int64(whole))
	if v < 0 {
		if l == FA {
			s = minusPersian + s
		} else {
			s = "-" + s
		}
	}
	if digits := strings.TrimRight(strconv.FormatFloat(frac, 'f', places, 64), "0"); len(digits) > 2 {
		s += l.decimalSeparator() + l.Digits(digits[2:]) // digits is "0.25"
	}
	return s
}

// decimalSeparator returns the locale's CLDR decimal separator.
func (l Locale) decimalSeparator() string {
	switch l {
	case KK, RU, FR:
		return ","
	case FA:
		return "\u066b" // ARABIC DECIMAL SEPARATOR
	}
	return "."
}

// groupSeparator returns the locale's CLDR thousands separator.
func (l Locale) groupSeparator() string {
	switch l {
	case KK, RU:
		return groupNoBreakSpace
	case FR:
		return groupNarrowNoBreakSpace
	case FA:
		return groupArabic
	}
	return groupComma
}

// Digits returns s with the ASCII digits 0-9 replaced by Persian digits ۰-۹
// when l is FA; for every other locale it returns s unchanged. Use it for
// numbers that must not be grouped, such as years, codes or phone numbers.
func (l Locale) Digits(s string) string {
	if l != FA || !strings.ContainsAny(s, "0123456789") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return persianZero + (r - '0')
		}
		return r
	}, s)
}
