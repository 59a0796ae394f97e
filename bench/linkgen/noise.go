package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"
)

var (
	latinLetters    = []rune("abcdefghijklmnopqrstuvwxyz")
	cyrillicLetters = []rune("абвгдежзийклмнопрстуфхцчшыьэюяәғқңөұүі")
	persianLetters  = []rune("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی")
	// persianAlike are letters that sound the same in Persian and are
	// mistaken for each other when names are written down from speech.
	persianAlike = [][]rune{[]rune("حه"), []rune("سصث"), []rune("زذضظ"), []rune("تط"), []rune("قغ"), []rune("اآع")}
)

// alphabet returns the letters of the script s is written in.
func alphabet(s string) []rune {
	for _, r := range s {
		switch {
		case r >= 0x0600 && r <= 0x06FF:
			return persianLetters
		case r >= 0x0400 && r <= 0x04FF:
			return cyrillicLetters
		}
	}
	return latinLetters
}

// typo makes one typing mistake in s: a letter inserted, deleted, replaced
// or two letters swapped. Short names only get a replaced letter.
func typo(rng *rand.Rand, s string) string {
	rs := []rune(s)
	if len(rs) == 0 {
		return s
	}
	abc := alphabet(s)
	op := rng.IntN(4)
	if len(rs) < 4 {
		op = 2
	}
	i := rng.IntN(len(rs))
	switch op {
	case 0: // insert
		rs = append(rs[:i], append([]rune{likeCase(abc[rng.IntN(len(abc))], rs[i])}, rs[i:]...)...)
	case 1: // delete
		rs = append(rs[:i], rs[i+1:]...)
	case 2: // replace
		rs[i] = likeCase(replacement(rng, rs[i], abc), rs[i])
	default: // swap with the next letter
		if i == len(rs)-1 {
			i--
		}
		rs[i], rs[i+1] = rs[i+1], rs[i]
	}
	return string(rs)
}

// replacement is a letter to type instead of r: one that sounds alike when
// there is one (Persian), else any other letter of the alphabet.
func replacement(rng *rand.Rand, r rune, abc []rune) rune {
	for _, alike := range persianAlike {
		if i := strings.IndexRune(string(alike), r); i >= 0 && rng.IntN(2) == 0 {
			others := []rune(strings.ReplaceAll(string(alike), string(r), ""))
			return others[rng.IntN(len(others))]
		}
	}
	for {
		if x := abc[rng.IntN(len(abc))]; x != unicode.ToLower(r) {
			return x
		}
	}
}

// likeCase returns r in the case of model.
func likeCase(r, model rune) rune {
	if unicode.IsUpper(model) {
		return unicode.ToUpper(r)
	}
	return r
}

// noisyDate returns birth as a list may have it wrong: day and month
// swapped (when that is a date), the year one off, or the day a few off.
func noisyDate(rng *rand.Rand, birth time.Time, r *rates) time.Time {
	y, m, d := birth.Date()
	if rng.Float64() < r.swapDayMonth && d <= 12 && d != int(m) {
		birth = time.Date(y, time.Month(d), int(m), 0, 0, 0, 0, time.UTC)
	}
	if rng.Float64() < r.yearOff {
		birth = birth.AddDate(1-2*rng.IntN(2), 0, 0)
	}
	if rng.Float64() < r.dayOff {
		birth = birth.AddDate(0, 0, 1+rng.IntN(3)-4*rng.IntN(2))
	}
	return birth
}

// mistype replaces one digit of id with another.
func mistype(rng *rand.Rand, id string) string {
	b := []byte(id)
	i := rng.IntN(len(b))
	b[i] = byte('0' + (int(b[i]-'0')+1+rng.IntN(9))%10)
	return string(b)
}

// persianDigits writes the ASCII digits of s in Persian digits.
func persianDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '۰' + r - '0'
		}
		return r
	}, s)
}

// groupDigits writes an identifier in groups, as some forms print it.
func groupDigits(id, sep string) string {
	if len(id) == 12 {
		return fmt.Sprint(id[:6], sep, id[6:])
	}
	return fmt.Sprint(id[:3], sep, id[3:9], sep, id[9:])
}
