package people

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
)

// Phone numbers hold 7 to 15 digits (E.164 allows at most 15).
const (
	minPhoneDigits = 7
	maxPhoneDigits = 15
	// phoneKeyDigits is how many trailing digits identify a number: the
	// national number is ten digits in Kazakhstan (+7 701 …) and in Iran
	// (+98 912 …), so "+7 701 …", "8 701 …" and "701 …" are one number.
	phoneKeyDigits = 10
)

// normPhone returns the phone as it is stored (trimmed, with ASCII digits)
// and its search digits, or ok false when it holds anything but digits, a
// plus sign, spaces, dashes and parentheses, or a wrong number of digits.
// An empty phone is fine.
func normPhone(s string) (phone, digits string, ok bool) {
	phone = strings.TrimSpace(text.NormalizeDigits(s))
	if phone == "" {
		return "", "", true
	}
	var d []byte
	for _, r := range phone {
		switch {
		case r >= '0' && r <= '9':
			d = append(d, byte(r))
		case r == '+' || r == ' ' || r == '-' || r == '(' || r == ')':
		default:
			return "", "", false
		}
	}
	if len(d) < minPhoneDigits || len(d) > maxPhoneDigits {
		return "", "", false
	}
	return phone, phoneKey(string(d)), true
}

// phoneKey is what phone_digits holds for the digits of a number: its last
// ten digits, or all of them for a shorter local number.
func phoneKey(digits string) string {
	if len(digits) > phoneKeyDigits {
		return digits[len(digits)-phoneKeyDigits:]
	}
	return digits
}

// maxLanguages bounds the languages of one person.
const maxLanguages = 10

// languages returns the language codes lower-cased, without repeats, or ok
// false when one is not a two- or three-letter ISO 639 code.
func languages(in []string) ([]string, bool) {
	var out []string
	for _, l := range in {
		l = strings.ToLower(strings.TrimSpace(l))
		if l == "" || slices.Contains(out, l) {
			continue
		}
		if len(l) < 2 || len(l) > 3 || strings.Trim(l, "abcdefghijklmnopqrstuvwxyz") != "" {
			return nil, false
		}
		out = append(out, l)
	}
	return out, len(out) <= maxLanguages
}

// date returns the calendar day of t as UTC midnight, the form dates are
// stored in (store.Day).
func date(t time.Time) time.Time { return store.Day(t) }

// today is the clock's calendar day.
func (s *Service) today() time.Time { return date(s.now().UTC()) }

// age is the age in whole years on day now of someone born on birth.
func age(birth, now time.Time) int {
	a := now.Year() - birth.Year()
	if now.Month() < birth.Month() || (now.Month() == birth.Month() && now.Day() < birth.Day()) {
		a--
	}
	return a
}

// bornBefore is the latest date of birth of someone at least years old on
// day now: age(b, now) >= years exactly when b <= bornBefore(now, years).
// On 29 February of a leap year the same day years ago may not exist; the
// 28th is the day that keeps the two in agreement.
func bornBefore(now time.Time, years int) time.Time {
	y, m, d := now.Date()
	t := time.Date(y-years, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		t = time.Date(y-years, m, d-t.Day(), 0, 0, 0, 0, time.UTC)
	}
	return t
}

// itoa formats an id for the audit and access logs.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }
