package i18n

import (
	"fmt"
	"time"
)

// Calendars accepted by DateWithCalendar and DateTimeWithCalendar. The same
// strings name the calendars in the catalogues ("calendar.gregorian",
// "calendar.solar_hijri"), so an installation setting can store them as is.
const (
	// CalendarGregorian is the Gregorian calendar.
	CalendarGregorian = "gregorian"
	// CalendarSolarHijri is the Solar Hijri (Jalali) calendar used in Iran.
	CalendarSolarHijri = "solar_hijri"
)

// Calendar returns the locale's default calendar: CalendarSolarHijri for
// Persian and CalendarGregorian for every other locale.
func (l Locale) Calendar() string {
	if l == FA {
		return CalendarSolarHijri
	}
	return CalendarGregorian
}

// Date formats the calendar date of t in the locale's default calendar:
//
//	fa  ۱۴۰۰/۰۴/۱۲  (Solar Hijri, Persian digits)
//	kk  03.07.2021
//	ru  03.07.2021
//	en  3 Jul 2021
//	fr  03/07/2021
//
// The date is taken in t's own location: convert t with t.In first to show
// it in the viewer's time zone.
func (l Locale) Date(t time.Time) string {
	return l.DateWithCalendar(t, l.Calendar())
}

// DateTime formats t like Date followed by a space and the 24-hour time
// "HH:MM", with Persian digits for fa.
func (l Locale) DateTime(t time.Time) string {
	return l.DateTimeWithCalendar(t, l.Calendar())
}

// DateWithCalendar formats the calendar date of t in the given calendar,
// which lets an installation force one calendar for every language. Solar
// Hijri dates are written yyyy/mm/dd; Gregorian dates use the locale's
// pattern described at Date, with yyyy/mm/dd for fa. An unknown calendar
// means the locale's default. Dates outside the range that the Solar Hijri
// conversion supports are shown in the Gregorian calendar.
func (l Locale) DateWithCalendar(t time.Time, calendar string) string {
	if calendar != CalendarGregorian && calendar != CalendarSolarHijri {
		calendar = l.Calendar()
	}
	if calendar == CalendarSolarHijri {
		if y, m, d, ok := toJalali(t); ok {
			return l.Digits(fmt.Sprintf("%04d/%02d/%02d", y, m, d))
		}
	}
	var layout string
	switch l {
	case FA:
		layout = "2006/01/02"
	case KK, RU:
		layout = "02.01.2006"
	case FR:
		layout = "02/01/2006"
	default:
		layout = "2 Jan 2006"
	}
	return l.Digits(t.Format(layout))
}

// DateTimeWithCalendar formats t like DateWithCalendar followed by a space
// and the 24-hour time "HH:MM".
func (l Locale) DateTimeWithCalendar(t time.Time, calendar string) string {
	return l.DateWithCalendar(t, calendar) + " " + l.Digits(t.Format("15:04"))
}
