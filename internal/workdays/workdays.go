// Package workdays is the working-days calendar of an installation: which
// days of the week are the weekend in its country, which dates are public
// holidays, and the installation's own changes to both (a holiday on a
// lunar date, a Saturday the government declares a working day). Appeal
// deadlines are counted with it.
//
// A calendar counts whole days; dates are calendar days at midnight UTC,
// as the store keeps them (store.Day). Its questions are cheap: the days
// off of a year are worked out once, when first needed, and counting the
// working days between two dates is arithmetic over whole weeks plus a
// binary search in those years' exceptions.
package workdays

import (
	"slices"
	"sync"
	"time"
)

// Countries lists the countries whose weekend and holidays Jol knows.
func Countries() []string { return []string{"KZ", "IR"} }

// Weekend returns the weekly days off of country: Saturday and Sunday in
// Kazakhstan (Labour Code of the Republic of Kazakhstan, the five-day
// working week), Friday in Iran (the official week of the Islamic
// Republic, Saturday to Thursday). An unknown country has Saturday and
// Sunday.
func Weekend(country string) []time.Weekday {
	if country == "IR" {
		return []time.Weekday{time.Friday}
	}
	return []time.Weekday{time.Saturday, time.Sunday}
}

// Exception is an installation's change to its country's calendar: a day
// off it adds (Working false: a holiday whose date moves each year, a day
// the government gives off) or a day it declares a working day (Working
// true: a built-in holiday the installation does not keep, a Saturday
// worked in exchange for a bridge day).
type Exception struct {
	Day     time.Time `json:"day"`
	Working bool      `json:"working"`
	Name    string    `json:"name"`
}

// Calendar answers which days are working days in one country with one
// installation's exceptions. It is safe for concurrent use.
type Calendar struct {
	country    string
	weekend    [7]bool
	perWeek    int // working days in a week without holidays
	exceptions []Exception

	mu    sync.Mutex
	years map[int]*year
}

// New returns the calendar of country with the installation's exceptions
// (a later exception for the same day replaces an earlier one).
func New(country string, exceptions []Exception) *Calendar {
	c := &Calendar{country: country, weekend: weekendOf(country), years: map[int]*year{}}
	for _, off := range c.weekend {
		if !off {
			c.perWeek++
		}
	}
	c.exceptions = slices.Clone(exceptions)
	for i := range c.exceptions {
		c.exceptions[i].Day = day(c.exceptions[i].Day)
	}
	return c
}

// Country is the country whose calendar c follows.
func (c *Calendar) Country() string { return c.country }

// IsWeekend reports whether d falls on a weekly day off.
func (c *Calendar) IsWeekend(d time.Time) bool { return c.weekend[d.Weekday()] }

// IsWorkingDay reports whether d is a working day: not a weekly day off
// unless declared a working day, and not a holiday.
func (c *Calendar) IsWorkingDay(d time.Time) bool {
	n := dayNumber(d)
	y := c.year(d.Year())
	if slices.Contains(y.on, n) {
		return true
	}
	if c.weekend[weekday(n)] {
		return false
	}
	_, off := slices.BinarySearch(y.off, n)
	return !off
}

// weekendOf is Weekend as a set.
func weekendOf(country string) [7]bool {
	var w [7]bool
	for _, d := range Weekend(country) {
		w[d] = true
	}
	return w
}

// day is the calendar day of t at midnight UTC.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// dayNumber counts days from 1 January 1970, which was a Thursday.
func dayNumber(t time.Time) int64 {
	return day(t).Unix() / 86400
}

func weekday(n int64) time.Weekday { return time.Weekday(((n+4)%7 + 7) % 7) }

func fromNumber(n int64) time.Time { return time.Unix(n*86400, 0).UTC() }
