package workdays

import (
	"slices"
	"time"
)

// year is one year of a calendar worked out: its holidays as listed, the
// days off that fall on working weekdays and the weekly days off declared
// working days, as sorted day numbers.
type year struct {
	holidays []Holiday
	off, on  []int64
}

// year returns the worked-out year y, computing it on first use.
func (c *Calendar) year(y int) *year {
	c.mu.Lock()
	defer c.mu.Unlock()
	if yr, ok := c.years[y]; ok {
		return yr
	}
	yr := c.build(y)
	c.years[y] = yr
	return yr
}

func (c *Calendar) build(y int) *year {
	hs := Builtin(c.country, y)
	for _, e := range c.exceptions {
		if e.Day.Year() != y {
			continue
		}
		hs = slices.DeleteFunc(hs, func(h Holiday) bool { return h.Day.Equal(e.Day) })
		if !e.Working {
			hs = append(hs, Holiday{Day: e.Day, Name: e.Name})
		}
	}
	slices.SortStableFunc(hs, func(a, b Holiday) int { return a.Day.Compare(b.Day) })
	yr := &year{holidays: hs}
	for _, h := range hs {
		if n := dayNumber(h.Day); !c.weekend[weekday(n)] {
			yr.off = append(yr.off, n)
		}
	}
	yr.off = slices.Compact(yr.off)
	for _, e := range c.exceptions {
		if n := dayNumber(e.Day); e.Day.Year() == y && e.Working && c.weekend[weekday(n)] {
			yr.on = append(yr.on, n)
		}
	}
	slices.Sort(yr.on)
	yr.on = slices.Compact(yr.on)
	return yr
}

// Holidays lists the days off of the Gregorian year y besides the weekly
// ones — the country's holidays and the installation's — in date order;
// holidays the installation declared working days are left out.
func (c *Calendar) Holidays(y int) []Holiday { return slices.Clone(c.year(y).holidays) }

// WorkingDaysBetween counts the working days after from up to and
// including to: 0 for the same day, negative when to is before from. A
// deadline is missed by WorkingDaysBetween(deadline, answeredOn) working
// days when that is above 0.
func (c *Calendar) WorkingDaysBetween(from, to time.Time) int {
	a, b := dayNumber(from), dayNumber(to)
	if b < a {
		return -c.WorkingDaysBetween(to, from)
	}
	count := c.weekdaysUpTo(b) - c.weekdaysUpTo(a)
	// The exceptions of the years the span touches, within (a, b].
	for y := fromNumber(a).Year(); y <= fromNumber(b).Year(); y++ {
		yr := c.year(y)
		count -= within(yr.off, a, b)
		count += within(yr.on, a, b)
	}
	return count
}

// weekdaysUpTo counts the days that are not weekly days off from an
// arbitrary origin up to day n: whole weeks, then the days of the last
// part. The difference of two counts is the days between them.
func (c *Calendar) weekdaysUpTo(n int64) int {
	weeks, rest := n/7, n%7
	if rest < 0 {
		weeks, rest = weeks-1, rest+7
	}
	count := int(weeks) * c.perWeek
	for i := int64(1); i <= rest; i++ {
		if !c.weekend[weekday(weeks*7+i)] {
			count++
		}
	}
	return count
}

// within is how many of the sorted days ns are after a and on or before b.
func within(ns []int64, a, b int64) int {
	lo, _ := slices.BinarySearch(ns, a+1)
	hi, _ := slices.BinarySearch(ns, b+1)
	return hi - lo
}

// AddWorkingDays returns the n-th working day after from: the deadline of
// something received on from with n working days to answer. A day
// received on a day off counts from the next working day; n 0 or less
// returns from itself.
func (c *Calendar) AddWorkingDays(from time.Time, n int) time.Time {
	d := day(from)
	if n <= 0 || c.perWeek == 0 {
		return d
	}
	// Leap whole weeks while far from the target, then walk.
	for n > 2*c.perWeek {
		weeks := n/c.perWeek - 1
		to := d.AddDate(0, 0, 7*weeks)
		got := c.WorkingDaysBetween(d, to)
		if got >= n {
			break
		}
		d, n = to, n-got
	}
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		if c.IsWorkingDay(d) {
			n--
		}
	}
	return d
}
