package demo

import (
	"fmt"
	"slices"
)

// script is the language a family's names are in.
type script int

// The scripts of the demo families.
const (
	kazakh script = iota
	russian
	persian
)

// kin are what the members of a family share: their language, surname,
// the father's name that gives the children's patronymic, and whether
// their Kazakh names are written in Russian letters.
type kin struct {
	script    script
	surname   string // masculine
	father    int    // index in the script's list of men's names
	russified bool
	languages []string
	taken     []string // first names given to siblings
}

// kin draws the names of a family of reg.
func (p *planner) kin(reg region) *kin {
	k := &kin{script: persian, languages: []string{"fa"}}
	switch {
	case reg.kazakh == 0:
		k.surname, k.father = faSurnames[p.r.IntN(len(faSurnames))], p.r.IntN(len(faMen))
	case p.chance(reg.kazakh):
		k.script, k.russified, k.languages = kazakh, p.chance(30), []string{"kk"}
		k.surname, k.father = kkSurnames[p.r.IntN(len(kkSurnames))], p.r.IntN(len(kkMen))
		if p.chance(60) {
			k.languages = []string{"kk", "ru"}
		}
	default:
		k.script, k.languages = russian, []string{"ru"}
		k.surname, k.father = ruSurnames[p.r.IntN(len(ruSurnames))], p.r.IntN(len(ruMen))
	}
	return k
}

// spell writes a Kazakh name as the family's documents have it.
func (k *kin) spell(s string) string {
	if k.russified {
		return russified.Replace(s)
	}
	return s
}

// last is the family's surname for a man or a woman.
func (k *kin) last(female bool) string {
	if female && k.script != persian {
		return k.spell(feminine(k.surname))
	}
	return k.spell(k.surname)
}

// patronymic is the patronymic given by the man's name father (an index in
// the script's list of men); Persian names have none.
func (k *kin) patronymic(father int, female bool) string {
	switch k.script {
	case kazakh:
		return k.spell(kkPatronymic(kkMen[father], female, k.russified && father%2 == 0))
	case russian:
		if female {
			return ruMen[father][2]
		}
		return ruMen[father][1]
	}
	return ""
}

// man is the i-th man's name in the family's language; men is how many
// there are, women the women's names.
func (k *kin) man(i int) string {
	switch k.script {
	case kazakh:
		return k.spell(kkMen[i])
	case russian:
		return ruMen[i][0]
	}
	return faMen[i]
}

func (k *kin) men() int {
	return map[script]int{kazakh: len(kkMen), russian: len(ruMen), persian: len(faMen)}[k.script]
}

func (k *kin) women() []string {
	return map[script][]string{kazakh: kkWomen, russian: ruWomen, persian: faWomen}[k.script]
}

// first draws a child's first name that no sibling has.
func (p *planner) first(k *kin, female bool) string {
	names := map[script][2][]string{kazakh: {kkBoys, kkGirls}, russian: {ruBoys, ruGirls}, persian: {faBoys, faGirls}}[k.script]
	list := names[0]
	if female {
		list = names[1]
	}
	name := list[p.r.IntN(len(list))]
	for slices.Contains(k.taken, name) {
		name = list[p.r.IntN(len(list))]
	}
	k.taken = append(k.taken, name)
	return k.spell(name)
}

// address draws a home in reg, in areas[area] in Kazakhstan, written in the
// family's language.
func (p *planner) address(reg region, k *kin, area int) string {
	if k.script == persian {
		return faAddress(faDistricts[p.r.IntN(len(faDistricts))], faStreets[p.r.IntN(len(faStreets))],
			1+p.r.IntN(40), 1+p.r.IntN(120))
	}
	flat := 1 + p.r.IntN(180)
	if reg.village && p.chance(50) {
		flat = 0
	}
	return kzAddress(reg, k.script == russian, reg.areas[area],
		reg.streets[p.r.IntN(len(reg.streets))], 1+p.r.IntN(150), flat)
}

// phone draws a mobile number of the country of reg.
func (p *planner) phone(reg region) string {
	if reg.kazakh == 0 {
		op := []int{912, 919, 935, 936, 937, 901, 902, 921, 990}[p.r.IntN(9)]
		return fmt.Sprintf("0%d %03d %04d", op, p.r.IntN(1000), p.r.IntN(10000))
	}
	op := []int{701, 702, 705, 707, 708, 747, 771, 775, 776, 777, 778}[p.r.IntN(11)]
	return fmt.Sprintf("+7 %d %03d %02d %02d", op, p.r.IntN(1000), p.r.IntN(100), p.r.IntN(100))
}
