package i18n

import "time"

// Day is a calendar day given as an argument of a message — a deadline, a
// closing date — held as UTC midnight, as the registry stores days. T
// writes it like the pages write a date, in the reader's language, digits
// and calendar, so a domain error never shows an ISO string:
//
//	errs.New(errs.Conflict, "error.selection_appeal_late", "Date", i18n.Day(closes))
type Day time.Time

// WithCalendar returns a copy of l that writes Day arguments in calendar,
// the installation's choice. Persian is always written in the Solar Hijri
// calendar, as its pages are; "" or an unknown calendar is the locale's
// default.
func (l *Localizer) WithCalendar(calendar string) *Localizer {
	if l == nil {
		return nil
	}
	c := *l
	c.calendar = calendar
	if l.locale == FA {
		c.calendar = CalendarSolarHijri
	}
	return &c
}

// day writes d for l; the day is taken in UTC, where it is stored, so a
// zone west of UTC does not show the day before.
func (l *Localizer) day(d Day) string {
	return l.DateWithCalendar(time.Time(d).UTC(), l.calendar)
}

// String is the ISO day, yyyy-mm-dd, for logs.
func (d Day) String() string { return time.Time(d).UTC().Format(time.DateOnly) }

// MarshalText writes the ISO day, so an argument passed on in JSON (the
// API's eligibility reasons) stays the yyyy-mm-dd a program reads.
func (d Day) MarshalText() ([]byte, error) { return []byte(d.String()), nil }
