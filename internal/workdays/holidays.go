package workdays

import (
	"slices"
	"time"

	"github.com/jalaali/go-jalaali"
)

// Holiday is a public holiday or another day off in a year's calendar.
// Name is a message key ("holiday.kz.nauryz") for the built-in ones and
// the name an administrator typed for the others.
type Holiday struct {
	Day      time.Time `json:"day"`
	Name     string    `json:"name"`
	Builtin  bool      `json:"builtin"`  // from the country's law, not the installation
	Transfer bool      `json:"transfer"` // the day off of Name, which fell on a weekend
}

// fixed is a holiday on the same date every year of its calendar.
type fixed struct {
	month, day int
	name       string
	// moves: when it falls on a weekly day off, the next working day is
	// off instead.
	moves bool
}

// kazakhstan are the public holidays of Kazakhstan that are days off, by
// the Gregorian date: Law of the Republic of Kazakhstan No. 267 "On
// holidays in the Republic of Kazakhstan" of 13 December 2001, as amended
// in 2022 (Republic Day, 25 October, again a holiday; 17 December and
// 1 December no longer days off). The same law moves the day off of a
// holiday that falls on a Saturday or Sunday to the next working day;
// Orthodox Christmas, a religious holiday, does not move. Kurban Ait
// follows the lunar calendar and is added by the installation each year,
// as are the days the Government moves by decree (Labour Code, article 85,
// paragraph 3).
var kazakhstan = []fixed{
	{1, 1, "holiday.kz.new_year", true},
	{1, 2, "holiday.kz.new_year", true},
	{1, 7, "holiday.kz.christmas", false},
	{3, 8, "holiday.kz.womens_day", true},
	{3, 21, "holiday.kz.nauryz", true},
	{3, 22, "holiday.kz.nauryz", true},
	{3, 23, "holiday.kz.nauryz", true},
	{5, 1, "holiday.kz.unity_day", true},
	{5, 7, "holiday.kz.defenders_day", true},
	{5, 9, "holiday.kz.victory_day", true},
	{7, 6, "holiday.kz.capital_day", true},
	{8, 30, "holiday.kz.constitution_day", true},
	{10, 25, "holiday.kz.republic_day", true},
	{12, 16, "holiday.kz.independence_day", true},
}

// iran are the public holidays of Iran on fixed dates of the Solar Hijri
// calendar (month, day), as the official calendar of the Islamic Republic
// lists them (published yearly by the Calendar Centre of the Institute of
// Geophysics, University of Tehran). The holidays of the lunar Hijri
// calendar (Tasua, Ashura, the two Eids and the others) move by about
// eleven days a year and are announced with the official calendar: the
// installation adds them. A holiday on a Friday is not moved.
var iran = []fixed{
	{1, 1, "holiday.ir.nowruz", false},
	{1, 2, "holiday.ir.nowruz", false},
	{1, 3, "holiday.ir.nowruz", false},
	{1, 4, "holiday.ir.nowruz", false},
	{1, 12, "holiday.ir.republic_day", false},
	{1, 13, "holiday.ir.nature_day", false},
	{3, 14, "holiday.ir.khomeini", false},
	{3, 15, "holiday.ir.khordad_uprising", false},
	{11, 22, "holiday.ir.revolution_day", false},
	{12, 29, "holiday.ir.oil_day", false},
}

// Builtin returns the public holidays of country in the Gregorian year,
// in date order, with the days off moved from a weekend where the law
// moves them. An unknown country has none.
func Builtin(country string, year int) []Holiday {
	switch country {
	case "KZ":
		return withTransfers(kazakhstan, gregorian(kazakhstan, year), weekendOf(country))
	case "IR":
		return solarHijri(iran, year)
	}
	return nil
}

func gregorian(fs []fixed, year int) []Holiday {
	out := make([]Holiday, 0, len(fs))
	for _, f := range fs {
		out = append(out, Holiday{Day: time.Date(year, time.Month(f.month), f.day, 0, 0, 0, 0, time.UTC), Name: f.name, Builtin: true})
	}
	return out
}

// solarHijri places fixed Solar Hijri dates in a Gregorian year, which
// overlaps two Solar Hijri years (the year starts at Nowruz, 20 or 21 March).
func solarHijri(fs []fixed, year int) []Holiday {
	var out []Holiday
	for _, jy := range []int{year - 622, year - 621} {
		for _, f := range fs {
			gy, gm, gd, err := jalaali.ToGregorian(jy, jalaali.Month(f.month), f.day)
			if err != nil || gy != year {
				continue
			}
			out = append(out, Holiday{Day: time.Date(gy, gm, gd, 0, 0, 0, 0, time.UTC), Name: f.name, Builtin: true})
		}
	}
	slices.SortFunc(out, func(a, b Holiday) int { return a.Day.Compare(b.Day) })
	return out
}

// withTransfers adds, for each moving holiday (hs[i] is fs[i] in the year) on a weekly day off, a day
// off on the next day that is neither a weekly day off, nor a holiday,
// nor already taken by another move.
func withTransfers(fs []fixed, hs []Holiday, weekend [7]bool) []Holiday {
	taken := map[time.Time]bool{}
	for _, h := range hs {
		taken[h.Day] = true
	}
	out := slices.Clone(hs)
	for i, h := range hs {
		if !weekend[h.Day.Weekday()] || !fs[i].moves {
			continue
		}
		d := h.Day.AddDate(0, 0, 1)
		for weekend[d.Weekday()] || taken[d] {
			d = d.AddDate(0, 0, 1)
		}
		taken[d] = true
		out = append(out, Holiday{Day: d, Name: h.Name, Builtin: true, Transfer: true})
	}
	slices.SortStableFunc(out, func(a, b Holiday) int { return a.Day.Compare(b.Day) })
	return out
}
