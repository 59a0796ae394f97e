package linkage

import (
	"time"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/text"
)

// Date is a birth date packed as the number yyyymmdd, as written: a
// typo may give a day or month that does not exist, and the comparators
// still see its digits. Zero is a missing date. Solar Hijri dates are
// converted to Gregorian when read.
type Date uint32

// MakeDate packs a year, month and day.
func MakeDate(y, m, d int) Date { return Date(y*10000 + m*100 + d) }

// Parts returns the year, month and day.
func (d Date) Parts() (y, m, dd int) { return int(d / 10000), int(d / 100 % 100), int(d % 100) }

// ParseDate reads a birth date: yyyymmdd, yyyy-mm-dd, dd.mm.yyyy and the
// other forms text.ParseDate reads, including Solar Hijri dates (years
// below 1500), which become Gregorian. Day and month are kept as written
// when they are out of range but plausible as a typo (1 to 39 and 1 to
// 19), so that comparison can still credit the other digits. It reports
// false when s holds no date.
func ParseDate(s string) (Date, bool) {
	var n [3]int
	parts, width, digitsSeen := 0, 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if parts == 3 {
				return slowDate(s)
			}
			n[parts] = n[parts]*10 + int(c-'0')
			width++
			digitsSeen++
		case c == '-' || c == '.' || c == '/':
			if width == 0 || parts == 2 {
				return slowDate(s)
			}
			parts++
			width = 0
		case c == ' ' && digitsSeen == 0:
		default:
			return slowDate(s)
		}
	}
	switch {
	case parts == 0 && digitsSeen == 8: // yyyymmdd
		v := n[0]
		return checkParts(v/10000, v/100%100, v%100, s)
	case parts == 2 && n[0] >= 1000:
		return checkParts(n[0], n[1], n[2], s)
	case parts == 2 && n[2] >= 1000:
		return checkParts(n[2], n[1], n[0], s)
	}
	return slowDate(s)
}

// checkParts accepts plausible Gregorian parts and hands Solar Hijri
// years and anything odd to the full parser.
func checkParts(y, m, d int, s string) (Date, bool) {
	if y < 1500 || y > 2999 || m < 1 || m > 19 || d < 1 || d > 39 {
		return slowDate(s)
	}
	return MakeDate(y, m, d), true
}

func slowDate(s string) (Date, bool) {
	t, err := text.ParseDate(s)
	if err != nil {
		return 0, false
	}
	return MakeDate(t.Year(), int(t.Month()), t.Day()), true
}

// Levels of the birth-date comparator.
const (
	dateExact    = 1 // the same date
	dateTypo     = 2 // day and month swapped, one digit differs, or two adjacent digits swapped
	dateNear     = 3 // the same day and month a year apart, a week apart at most, or a Solar Hijri day read as Gregorian
	dateDisagree = 4
)

// compareDates grades the birth dates of two records (both present).
func compareDates(ra, rb *Record) int {
	a, b := ra.Birth, rb.Birth
	if a == b {
		return dateExact
	}
	ay, am, ad := a.Parts()
	by, bm, bd := b.Parts()
	if ay == by && am == bd && ad == bm {
		return dateTypo
	}
	if oneDigitApart(uint64(a), uint64(b), 8) {
		return dateTypo
	}
	if ay-by > 1 || by-ay > 1 {
		return dateDisagree
	}
	if am == bm && ad == bd {
		return dateNear // a year apart
	}
	// One list's Solar Hijri day and month kept with a converted year.
	if ra.BirthJ != 0 && int(ra.BirthJ) == bm*100+bd || rb.BirthJ != 0 && int(rb.BirthJ) == am*100+ad {
		return dateNear
	}
	if days := daysApart(ay, am, ad, by, bm, bd); days >= 0 && days <= 7 {
		return dateNear
	}
	return dateDisagree
}

// solarDay returns the Solar Hijri month*100+day of a Gregorian date, or
// 0 when the date does not exist.
func solarDay(d Date) uint16 {
	y, m, dd := d.Parts()
	if m < 1 || m > 12 || dd < 1 || dd > 31 {
		return 0
	}
	t := time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC)
	if t.Day() != dd {
		return 0
	}
	_, jm, jd := i18n.ToJalali(t)
	return uint16(jm*100 + jd)
}

// oneDigitApart reports whether the width-digit decimal numbers a and b
// differ in exactly one digit or by one swap of adjacent digits.
func oneDigitApart(a, b uint64, width int) bool {
	var da, db [20]byte
	for i := width - 1; i >= 0; i-- {
		da[i], db[i] = byte(a%10), byte(b%10)
		a, b = a/10, b/10
	}
	first, diffs := -1, 0
	for i := 0; i < width; i++ {
		if da[i] != db[i] {
			if first < 0 {
				first = i
			}
			diffs++
		}
	}
	switch diffs {
	case 1:
		return true
	case 2:
		i := first
		return i+1 < width && da[i] == db[i+1] && da[i+1] == db[i]
	}
	return false
}

// daysApart returns the number of days between two dates, or -1 when
// either does not exist (a typo) or they are far apart.
func daysApart(ay, am, ad, by, bm, bd int) int {
	if ay-by > 1 || by-ay > 1 {
		return -1
	}
	a, okA := dayNumber(ay, am, ad)
	b, okB := dayNumber(by, bm, bd)
	if !okA || !okB {
		return -1
	}
	return int(max(a-b, b-a))
}

// dayNumber returns the days since the Unix epoch of an existing date.
func dayNumber(y, m, d int) (int64, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return 0, false
	}
	return t.Unix() / 86400, true
}
