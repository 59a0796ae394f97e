package main

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/jolproject/jol/internal/i18n"
)

// side is one of the two lists.
type side uint8

const (
	leftSide  side = iota // the population list
	rightSide             // the school lists
)

// record is one row of a list without its id: last_name, first_name,
// patronymic, birth_date, sex, national_id, region.
type record [7]string

// writing is how one side writes one child: in which script and style.
type writing struct {
	latin   bool
	style   style // for Kazakhstan in Latin
	opts    uint8 // of the informal style
	russian bool  // Kazakh Cyrillic typed with Russian letters only
	upper   bool
}

// rightStyles are the weights of the romanisations on school lists.
var rightStyles = [nStyles]int{latin2021: 30, latin2018: 10, passportKZ: 25, icao: 10, bgn: 15, informal: 10}

// chooseWriting picks how side s writes c. shared is drawn the same for
// both sides of one child, so that a Persian name written in Latin on one
// side is in Persian script on the other.
func chooseWriting(rng *rand.Rand, shared uint64, c *child, s side) writing {
	var w writing
	w.upper = rng.IntN(100) < 15
	if c.iranian() {
		leftPersian := shared%100 < 80
		w.latin = !leftPersian
		if s == rightSide {
			w.latin = leftPersian && rng.IntN(100) < 75
		}
		return w
	}
	switch {
	case s == leftSide && rng.IntN(100) < 5:
		w.latin, w.style = true, passportKZ
	case s == leftSide:
		w.russian = rng.IntN(100) < 15
	case rng.IntN(100) < 40:
		w.russian = rng.IntN(100) < 35
	default:
		w.latin, w.style, w.opts = true, style(weighted(rng, rightStyles[:])), uint8(rng.IntN(32))
	}
	if w.style == passportKZ && w.latin {
		w.upper = true
	}
	return w
}

// render writes c as side s has them, with that side's mistakes.
func render(rng *rand.Rand, shared uint64, c *child, s side) record {
	r := &leftRates
	if s == rightSide {
		r = &rightRates
	}
	w := chooseWriting(rng, shared, c, s)
	var rec record
	if c.iranian() {
		rec = renderPersian(rng, c, w, r)
	} else {
		rec = renderCyrillic(rng, c, w, r)
	}
	if rng.Float64() < r.typoLast {
		rec[0] = typo(rng, rec[0])
	}
	if rng.Float64() < r.typoFirst {
		rec[1] = typo(rng, rec[1])
	}
	if rec[2] != "" && rng.Float64() < r.typoPatronymic {
		rec[2] = typo(rng, rec[2])
	}
	if rng.Float64() < r.swapNames {
		rec[0], rec[1] = rec[1], rec[0]
	}
	rec[3] = birthDate(rng, c, w, r)
	rec[4] = sex(rng, c, w, r)
	rec[5] = nationalID(rng, c, w, r)
	return rec
}

// birthDate writes c's birth date as the side does: dd.mm.yyyy in
// Kazakhstan, ISO or dd/mm/yyyy in Latin lists, and often Solar Hijri
// yyyy/mm/dd in Persian script.
func birthDate(rng *rand.Rand, c *child, w writing, r *rates) string {
	t := noisyDate(rng, c.birth, r)
	switch {
	case c.iranian() && !w.latin && rng.IntN(100) < 70:
		y, m, d := i18n.ToJalali(t)
		s := fmt.Sprintf("%04d/%02d/%02d", y, m, d)
		if rng.IntN(100) < 40 {
			s = persianDigits(s)
		}
		return s
	case !w.latin && !c.iranian(), rng.IntN(100) < 40:
		return t.Format("02.01.2006")
	case rng.IntN(100) < 70:
		return t.Format("2006-01-02")
	}
	return t.Format("02/01/2006")
}

// sex writes M or F, or the local word or letter, or nothing.
func sex(rng *rand.Rand, c *child, w writing, r *rates) string {
	if rng.Float64() < r.noSex {
		return ""
	}
	words := [2]string{"F", "M"}
	switch {
	case w.latin || rng.IntN(2) == 0:
	case c.iranian():
		words = [2]string{"دختر", "پسر"}
	default:
		words = [2]string{"ж", "м"}
	}
	if c.male {
		return words[1]
	}
	return words[0]
}

// nationalID writes c's identifier, or nothing, or with a digit wrong, in
// Persian digits, in groups, or with the leading zeros a spreadsheet drops.
func nationalID(rng *rand.Rand, c *child, w writing, r *rates) string {
	if rng.Float64() < r.noID {
		return ""
	}
	id := c.id
	if rng.Float64() < r.idDigit {
		id = mistype(rng, id)
	}
	switch n := rng.IntN(100); {
	case n < 3:
		id = groupDigits(id, []string{" ", "-"}[rng.IntN(2)])
	case n < 30 && w.latin && c.iranian():
		id = strings.TrimLeft(id, "0")
	}
	if c.iranian() && !w.latin && rng.IntN(100) < 40 {
		id = persianDigits(id)
	}
	return id
}
