package i18n

import (
	"fmt"
	"time"

	jalaali "github.com/jalaali/go-jalaali"
)

// ToJalali converts the calendar date of t, taken in t's own location, to
// the Solar Hijri (Jalali) calendar and returns year, month (1-12) and day.
// The conversion supports Solar Hijri years -61 to 3177 (roughly Gregorian
// 560 to 3798); outside that range it returns 0, 0, 0.
func ToJalali(t time.Time) (y, m, d int) {
	y, m, d, _ = toJalali(t)
	return y, m, d
}

// toJalali is ToJalali that also reports whether t was in range.
func toJalali(t time.Time) (y, m, d int, ok bool) {
	jy, jm, jd, err := jalaali.ToJalaali(t.Year(), t.Month(), t.Day())
	if err != nil {
		return 0, 0, 0, false
	}
	return jy, int(jm), jd, true
}

// FromJalali returns midnight UTC of the Gregorian day that is the Solar
// Hijri date y/m/d. It returns an error if the year is outside the
// supported range (-61 to 3177), the month is not 1-12, or the day is not
// within the month: months 1-6 have 31 days, 7-11 have 30, and month 12
// has 30 days in leap years and 29 otherwise (1403 is leap, 1401 is not).
func FromJalali(y, m, d int) (time.Time, error) {
	if _, err := jalaali.IsLeapYear(y); err != nil {
		return time.Time{}, fmt.Errorf("i18n: solar hijri year %d is out of range", y)
	}
	if m < 1 || m > 12 {
		return time.Time{}, fmt.Errorf("i18n: solar hijri month %d is not between 1 and 12", m)
	}
	days, err := jalaali.MonthLength(y, m)
	if err != nil {
		return time.Time{}, fmt.Errorf("i18n: solar hijri month length of %d/%d: %w", y, m, err)
	}
	if d < 1 || d > days {
		return time.Time{}, fmt.Errorf("i18n: solar hijri day %d is not between 1 and %d in %04d/%02d", d, days, y, m)
	}
	gy, gm, gd, err := jalaali.ToGregorian(y, jalaali.Month(m), d)
	if err != nil {
		return time.Time{}, fmt.Errorf("i18n: convert solar hijri %04d/%02d/%02d: %w", y, m, d, err)
	}
	return time.Date(gy, gm, gd, 0, 0, 0, 0, time.UTC), nil
}

// IsJalaliLeapYear reports whether Solar Hijri year y is a leap year, that
// is, whether its twelfth month (Esfand) has 30 days. Years outside the
// supported range (-61 to 3177) report false.
func IsJalaliLeapYear(y int) bool {
	leap, err := jalaali.IsLeapYear(y)
	return err == nil && leap
}

// JalaliMonthLength returns the number of days in month m of Solar Hijri
// year y, for building date pickers. It returns an error for a month
// outside 1-12 or a year outside the supported range.
func JalaliMonthLength(y, m int) (int, error) {
	if m < 1 || m > 12 {
		return 0, fmt.Errorf("i18n: solar hijri month %d is not between 1 and 12", m)
	}
	if _, err := jalaali.IsLeapYear(y); err != nil {
		return 0, fmt.Errorf("i18n: solar hijri year %d is out of range", y)
	}
	return jalaali.MonthLength(y, m)
}
