package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// role is what a child is in the pair of lists.
type role uint8

const (
	matched      role = iota // on both lists
	outOfSchool              // school age, on the population list only
	notSchoolAge             // younger or older, on the population list only
	movedIn                  // on a school list only
)

// people are the groups the lists are drawn from.
type people uint8

const (
	kazakh people = iota
	russian
	persian
)

// child is one real child, before any list writes them down. Names are
// in Cyrillic for Kazakhstan, with surnames in their masculine form, and
// as faParts joined by "+" for Iran.
type child struct {
	first, surname, father string
	birth                  time.Time
	id                     string // IIN or national code, valid
	role                   role
	people                 people
	male                   bool
	region                 uint8
	soviet                 bool // patronymic in -ович/-овна rather than -ұлы/-қызы
	twin                   bool
}

// iranian reports whether the child lives in Iran.
func (c *child) iranian() bool { return c.people == persian }

// plan is how many records of each role the lists get.
type plan struct {
	left, right, matched, outOfSchool, notSchoolAge, movedIn int
}

// makePlan splits n population and m school records: a share young of the
// population is not of school age, a share oos of the rest is out of
// school, and at least a share moved of the school records have no
// partner; the rest are matched.
func makePlan(n, m int, oos, young, moved float64) (plan, error) {
	p := plan{left: n, right: m}
	p.notSchoolAge = int(math.Round(young * float64(n)))
	school := n - p.notSchoolAge
	p.matched = school - int(math.Round(oos*float64(school)))
	p.movedIn = m - p.matched
	if min := int(math.Round(moved * float64(m))); p.movedIn < min {
		p.movedIn, p.matched = min, m-min
	}
	p.outOfSchool = school - p.matched
	if p.matched < 0 || p.outOfSchool < 0 || p.movedIn < 0 || p.notSchoolAge < 0 {
		return plan{}, fmt.Errorf("cannot split %d × %d records with these shares", n, m)
	}
	return p, nil
}

// zipf draws indices 0..n-1 with weights 1/(i+1)^s: a few common names and
// a long tail.
type zipf []float64

func newZipf(n int, s float64) zipf {
	z := make(zipf, n)
	sum := 0.0
	for i := range z {
		sum += 1 / math.Pow(float64(i+1), s)
		z[i] = sum
	}
	for i := range z {
		z[i] /= sum
	}
	return z
}

func (z zipf) draw(rng *rand.Rand) int {
	i, _ := slices.BinarySearch(z, rng.Float64())
	return min(i, len(z)-1)
}

// pool is a list of names with its Zipf weights.
type pool struct {
	names []string
	z     zipf
}

func newPool(names []string, s float64) pool { return pool{names, newZipf(len(names), s)} }

func (p pool) draw(rng *rand.Rand) string { return p.names[p.z.draw(rng)] }

// pools are every list of names the generator draws from.
type pools struct {
	kzMale, kzFemale, kzFather, kzSurname pool
	ruMale, ruFemale, ruSurname           pool
	ruFather                              zipf // index into ruFathers
	faMale, faFemale, faFather, faSurname pool
}

func newPools() *pools {
	return &pools{
		kzMale: newPool(kzMale, 0.8), kzFemale: newPool(kzFemale, 0.8),
		kzFather: newPool(kzFathers, 0.8), kzSurname: newPool(kazakhSurnames(), 0.8),
		ruMale: newPool(ruMale, 0.8), ruFemale: newPool(ruFemale, 0.8),
		ruSurname: newPool(ruSurnames, 0.8), ruFather: newZipf(len(ruFathers), 0.8),
		faMale: newPool(faMale, 0.8), faFemale: newPool(faFemale, 0.8),
		faFather: newPool(faFathers, 0.8), faSurname: newPool(persianSurnames(), 0.8),
	}
}

// kazakhSurnames is kzSurnames and, after them, the surnames made of
// given names with -ов or -ев, as most Kazakh surnames were made.
func kazakhSurnames() []string {
	out := slices.Clone(kzSurnames)
	for _, n := range append(slices.Clone(kzFathers), kzMale...) {
		s := n + "ов"
		if strings.HasSuffix(n, "и") {
			s = n + "ев"
		}
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// persianSurnames is faSurnames and, after them, compounds such as
// حسین+زاده.
func persianSurnames() []string {
	out := slices.Clone(faSurnames)
	for _, suffix := range []string{"زاده", "پور", "نژاد", "فر"} {
		for _, stem := range faSurnameStems {
			out = append(out, stem+"+"+suffix)
		}
	}
	return out
}
