package demo

import (
	"time"

	"github.com/jolproject/jol/internal/people"
)

// ages draws the ages of n siblings, eldest first: 3 to 17, one to three
// years apart.
func (p *planner) ages(n int) []int {
	gaps, span := make([]int, n-1), 0
	for i := range gaps {
		gaps[i] = 1 + p.r.IntN(3)
		span += gaps[i]
	}
	for i := 0; span > 14; i = (i + 1) % len(gaps) {
		if gaps[i] > 1 {
			gaps[i]--
			span--
		}
	}
	out := make([]int, n)
	out[n-1] = 3 + p.r.IntN(15-span)
	for i := n - 2; i >= 0; i-- {
		out[i] = out[i+1] + gaps[i]
	}
	return out
}

// birth draws a date of birth of someone age years old today.
func (p *planner) birth(age int) time.Time { return p.today.AddDate(-age, 0, -1-p.r.IntN(364)) }

// grade is the school grade of a child born on birth this school year, by
// age on its first day (1 September in Kazakhstan, 1 Mehr in Iran): a child
// of six starts in grade 1. Below 1 the child is not at school yet.
func (p *planner) grade(birth time.Time, reg region) int {
	start := time.Date(p.today.Year(), time.September, map[bool]int{false: 1, true: 23}[reg.kazakh == 0], 0, 0, 0, 0, time.UTC)
	if p.today.Before(start) {
		start = start.AddDate(-1, 0, 0)
	}
	return years(birth, start) - 5
}

// years is the age in whole years on day at of someone born on birth.
func years(birth, at time.Time) int {
	a := at.Year() - birth.Year()
	if at.Month() < birth.Month() || at.Month() == birth.Month() && at.Day() < birth.Day() {
		a--
	}
	return a
}

// chance is true percent times in a hundred.
func (p *planner) chance(percent int) bool { return p.r.IntN(100) < percent }

// weighted draws an index of weights with the chance of its weight.
func (p *planner) weighted(weights []int) int {
	sum := 0
	for _, w := range weights {
		sum += w
	}
	x := p.r.IntN(sum)
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// sex is the registry's sex of a woman or a man.
func sex(female bool) people.Sex {
	if female {
		return people.Female
	}
	return people.Male
}
