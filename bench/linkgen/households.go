package main

import (
	"math/rand/v2"
	"time"
)

// onDate is the day school age is counted on: the start of the school
// year. A child of school age is 6 to 17 years old on that day.
var onDate = time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)

// ageOn returns the age in whole years on day on of a child born on birth.
func ageOn(birth, on time.Time) int {
	age := on.Year() - birth.Year()
	if on.Month() < birth.Month() || on.Month() == birth.Month() && on.Day() < birth.Day() {
		age--
	}
	return age
}

// schoolAge reports whether a child born on birth is 6 to 17 on onDate.
func schoolAge(birth time.Time) bool {
	a := ageOn(birth, onDate)
	return a >= 6 && a <= 17
}

// world builds the children of the lists: families of one to five children
// who share a surname, a father and a region, born at least a year apart
// except twins. roles holds each child's role, in order.
func world(rng *rand.Rand, roles []role) []child {
	ps := newPools()
	ids := newIDMaker()
	out := make([]child, 0, len(roles))
	for len(out) < len(roles) {
		out = family(rng, ps, out, roles)
	}
	for i := range out {
		out[i].id = ids.make(&out[i])
	}
	return out
}

// familySizes are the weights of families of 1 to 5 children of school
// age.
var familySizes = []int{35, 35, 18, 8, 4}

// family appends one family's children to out.
func family(rng *rand.Rand, ps *pools, out []child, roles []role) []child {
	var f child
	f.people = kazakh
	switch r := rng.IntN(100); {
	case r < 50:
		f.people = persian
	case r < 62:
		f.people = russian
	}
	f.soviet = rng.IntN(10) < 4
	switch f.people {
	case kazakh:
		f.surname, f.father = ps.kzSurname.draw(rng), ps.kzFather.draw(rng)
		f.region = uint8(rng.IntN(len(kzRegions)))
	case russian:
		f.surname, f.father = ps.ruSurname.draw(rng), ruFathers[ps.ruFather.draw(rng)][0]
		f.region = uint8(rng.IntN(len(kzRegions)))
	case persian:
		f.surname, f.father = ps.faSurname.draw(rng), ps.faFather.draw(rng)
		f.region = uint8(rng.IntN(len(faRegions)))
	}
	size := 1 + weighted(rng, familySizes)
	birth := onDate.AddDate(-18, 0, 1+rng.IntN(365*12))
	twins := size >= 2 && rng.IntN(100) < 6
	for k := 0; k < size && len(out) < len(roles); k++ {
		c := f
		c.role = roles[len(out)]
		c.male = rng.IntN(2) == 0
		c.birth = birth
		c.first = firstName(rng, ps, &c)
		if twins && k == 1 {
			c.twin, out[len(out)-1].twin = true, true
			twinOf(rng, ps, &out[len(out)-1], &c)
		}
		if c.role == notSchoolAge {
			c.birth = outsideSchoolAge(rng)
		}
		out = append(out, c)
		// The next sibling is born one to four years later.
		birth = birth.AddDate(0, 12+rng.IntN(36), rng.IntN(28))
		if !schoolAge(birth) {
			birth = onDate.AddDate(-18, 0, 1+rng.IntN(365*12))
		}
	}
	return out
}

// firstName draws a given name for c's people and sex.
func firstName(rng *rand.Rand, ps *pools, c *child) string {
	switch {
	case c.people == kazakh && c.male:
		return ps.kzMale.draw(rng)
	case c.people == kazakh:
		return ps.kzFemale.draw(rng)
	case c.people == russian && c.male:
		return ps.ruMale.draw(rng)
	case c.people == russian:
		return ps.ruFemale.draw(rng)
	case c.male:
		return ps.faMale.draw(rng)
	}
	return ps.faFemale.draw(rng)
}

// twinOf names the second twin: often with the name that goes with the
// first twin's (Asan and Usen, Hasan and Hossein, in which case the first
// is renamed to match), else as any sibling.
func twinOf(rng *rand.Rand, ps *pools, first *child, c *child) {
	pairs := kzTwins
	switch first.people {
	case russian:
		pairs = ruTwins
	case persian:
		pairs = faTwins
	}
	if p := pairs[rng.IntN(len(pairs))]; p.male == first.male && rng.IntN(2) == 0 {
		first.first, c.first, c.male = p.a, p.b, p.male
		return
	}
	for c.first == first.first {
		c.first = firstName(rng, ps, c)
	}
}

// outsideSchoolAge draws a birth date of a child of 4, 5 or 18.
func outsideSchoolAge(rng *rand.Rand) time.Time {
	if rng.IntN(3) == 0 {
		return onDate.AddDate(-19, 0, 1+rng.IntN(365))
	}
	return onDate.AddDate(-6, 0, 1+rng.IntN(2*365-1))
}

// weighted draws an index with the given integer weights.
func weighted(rng *rand.Rand, w []int) int {
	sum := 0
	for _, x := range w {
		sum += x
	}
	r := rng.IntN(sum)
	for i, x := range w {
		if r < x {
			return i
		}
		r -= x
	}
	return len(w) - 1
}
