package main

import (
	"fmt"
	"time"
)

// idMaker gives each child a national identifier that no other child
// has: a Kazakhstan IIN (birth date, century and sex, serial, check
// digit) or an Iranian national code (place prefix, serial, check digit).
type idMaker struct {
	iinSerial map[int64]int // next serial per birth date and sex
	irSerial  map[int]int   // next serial per place prefix
}

func newIDMaker() *idMaker {
	return &idMaker{iinSerial: map[int64]int{}, irSerial: map[int]int{}}
}

// make returns c's identifier.
func (m *idMaker) make(c *child) string {
	if c.iranian() {
		p := faPrefixes[c.region]
		k := m.irSerial[p]
		m.irSerial[p] = k + 1
		// A multiplier prime to 10⁶ spreads serials without repeats.
		return iranCode(p*1_000_000 + (k*379_931+123_457)%1_000_000)
	}
	key := c.birth.Unix() / 86400 * 2
	if !c.male {
		key++
	}
	for {
		s := m.iinSerial[key]
		m.iinSerial[key] = s + 1
		if id, ok := iin(c.birth, c.male, s%10000); ok {
			return id
		}
	}
}

// iin returns the IIN of a child born on birth with serial (0-9999); ok
// is false when the check digit comes out 10 under both sets of weights,
// as no IIN is issued then. The seventh digit is the century and sex: 3
// or 4 for the 1900s, 5 or 6 for the 2000s, odd for boys.
func iin(birth time.Time, male bool, serial int) (string, bool) {
	c := 3 + (birth.Year()-1900)/100*2
	if !male {
		c++
	}
	n := fmt.Sprintf("%02d%02d%02d%d%04d", birth.Year()%100, int(birth.Month()), birth.Day(), c, serial)
	for pass := 0; pass < 2; pass++ {
		sum := 0
		for i := 0; i < 11; i++ {
			// Weights 1..11, then 3..11,1,2.
			sum += int(n[i]-'0') * ((i+2*pass)%11 + 1)
		}
		if sum%11 != 10 {
			return n + fmt.Sprint(sum%11), true
		}
	}
	return "", false
}

// iranCode returns the national code whose first nine digits are nine:
// the check digit is r = Σ dᵢ·(10−i) mod 11 over the nine, or 11 − r when
// r is 2 or more.
func iranCode(nine int) string {
	n := fmt.Sprintf("%09d", nine)
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(n[i]-'0') * (10 - i)
	}
	r := sum % 11
	if r >= 2 {
		r = 11 - r
	}
	return n + fmt.Sprint(r)
}
