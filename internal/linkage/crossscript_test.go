package linkage

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/natid"
)

// Names as one list writes them and as another romanises them, written
// out by hand (not by the engine's transliteration).
var (
	kzLast  = [][2]string{{"Ахметов", "Akhmetov"}, {"Жақыпов", "Zhakypov"}, {"Нұрланов", "Nurlanov"}, {"Сейітов", "Seitov"}, {"Оспанов", "Ospanov"}, {"Тоқтаров", "Toktarov"}, {"Қасымов", "Kassymov"}, {"Иванов", "Ivanov"}}
	kzFirst = [][2]string{{"Айгерім", "Aigerim"}, {"Ерлан", "Yerlan"}, {"Данияр", "Daniyar"}, {"Мадина", "Madina"}, {"Арман", "Arman"}, {"Әлия", "Aliya"}, {"Тимур", "Timur"}, {"Жанна", "Zhanna"}}
	irLast  = [][2]string{{"حسینی", "Hosseini"}, {"محمدی", "Mohammadi"}, {"رضایی", "Rezaei"}, {"کریمی", "Karimi"}, {"موسوی", "Mousavi"}, {"احمدی", "Ahmadi"}, {"جعفری", "Jafari"}, {"صادقی", "Sadeghi"}}
	irFirst = [][2]string{{"محمد", "Mohammad"}, {"فاطمه", "Fatemeh"}, {"علی", "Ali"}, {"زهرا", "Zahra"}, {"حسین", "Hossein"}, {"مریم", "Maryam"}, {"رضا", "Reza"}, {"سارا", "Sara"}}
)

// crossScriptLists makes a population list in Cyrillic and Persian
// script and a school list in Latin of 90 % of the same children, with
// the noise lists have: day and month swapped, a letter dropped, IDs
// missing or mistyped, names swapped, Solar Hijri dates in Persian
// digits; and some children only on the school list.
func crossScriptLists(n int, seed uint64) (left, right string, truth map[string]string) {
	rng := rand.New(rand.NewPCG(seed, 1))
	var lb, rb strings.Builder
	header := "id,last_name,first_name,patronymic,birth_date,sex,national_id,region\n"
	lb.WriteString(header)
	rb.WriteString(header)
	truth = map[string]string{}
	child := func(i int) (last, first [2]string, iran bool, y, m, d int, id string) {
		iran = i%2 == 1
		ls, fs := kzLast, kzFirst
		if iran {
			ls, fs = irLast, irFirst
		}
		last, first = ls[rng.IntN(len(ls))], fs[rng.IntN(len(fs))]
		y, m, d = 2008+rng.IntN(12), 1+rng.IntN(12), 1+rng.IntN(28)
		if iran {
			id = natid.MakeIranCode(rng.IntN(1_000_000_000))
		} else {
			id = fmt.Sprintf("%02d%02d%02d5%05d", y%100, m, d, rng.IntN(100000))
		}
		return
	}
	for i := range n {
		last, first, iran, y, m, d, id := child(i)
		region, date := "Караганда", fmt.Sprintf("%02d.%02d.%04d", d, m, y)
		if iran {
			region = "قزوین"
			jy, jm, jd := i18n.ToJalali(mustDate(y, m, d))
			date = strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return '۰' + r - '0'
				}
				return r
			}, fmt.Sprintf("%04d/%02d/%02d", jy, jm, jd))
		}
		fmt.Fprintf(&lb, "P%d,%s,%s,,%s,,%s,%s\n", i, last[0], first[0], date, id, region)
		if rng.IntN(10) == 0 {
			continue // not at school
		}
		rl, rf := last[1], first[1]
		rm, rd := m, d
		switch rng.IntN(10) {
		case 0:
			if d <= 12 {
				rm, rd = d, m
			}
		case 1:
			k := 1 + rng.IntN(len(rf)-2)
			rf = rf[:k] + rf[k+1:]
		case 2:
			rl, rf = rf, rl
		}
		rid := id
		switch rng.IntN(5) {
		case 0:
			rid = ""
		case 1:
			b := []byte(id)
			b[5] = '0' + (b[5]-'0'+1)%10
			rid = string(b)
		}
		rregion := "Karaganda"
		if iran {
			rregion = "Qazvin"
		}
		fmt.Fprintf(&rb, "S%d,%s,%s,,%04d-%02d-%02d,,%s,%s\n", i, rl, rf, y, rm, rd, rid, rregion)
		truth[fmt.Sprintf("S%d", i)] = fmt.Sprintf("P%d", i)
	}
	for i := range n / 20 { // moved in: on the school list only
		last, first, _, y, m, d, id := child(i)
		fmt.Fprintf(&rb, "N%d,%s,%s,,%04d-%02d-%02d,,%s,Karaganda\n", i, last[1], first[1], y, m, d, id)
	}
	return lb.String(), rb.String(), truth
}

func TestCrossScriptLink(t *testing.T) {
	left, right, truth := crossScriptLists(600, 3)
	lex := NewLexicon()
	l, r := NewDataset(lex), NewDataset(lex)
	if err := ReadCSV(strings.NewReader(left), LinkColumns, l); err != nil {
		t.Fatal(err)
	}
	if err := ReadCSV(strings.NewReader(right), LinkColumns, r); err != nil {
		t.Fatal(err)
	}
	res := LinkLists(l, r)
	correct := 0
	linked := map[string]bool{}
	for _, k := range res.Links {
		linked[l.ID(k.Left)] = true
		if truth[r.ID(k.Right)] == l.ID(k.Left) {
			correct++
		}
	}
	p, rc, f1 := score(len(res.Links), len(truth), correct)
	// Out of school: left records with no partner in truth.
	partnered := map[string]bool{}
	for _, lid := range truth {
		partnered[lid] = true
	}
	flagged, hits := 0, 0
	for i := range l.Len() {
		if !linked[l.ID(i)] {
			flagged++
			if !partnered[l.ID(i)] {
				hits++
			}
		}
	}
	op, or, of1 := score(flagged, l.Len()-len(partnered), hits)
	t.Logf("pairs: precision %.4f recall %.4f F1 %.4f; out of school: precision %.4f recall %.4f F1 %.4f",
		p, rc, f1, op, or, of1)
	if f1 < 0.99 || of1 < 0.95 {
		t.Errorf("pair F1 %.4f (want ≥ 0.99), out-of-school F1 %.4f (want ≥ 0.95)", f1, of1)
	}
}

func mustDate(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
