package demo

import "github.com/jolproject/jol/internal/people"

// child draws a child of age years of family k in reg; a pupil goes to
// school (in Kazakhstan the one the family chose), the others belong to the
// region's support centre.
func (p *planner) child(reg region, k *kin, age int, school string) person {
	female := p.chance(50)
	in := people.Input{LastName: k.last(female), FirstName: p.first(k, female), Patronymic: k.patronymic(k.father, female),
		BirthDate: p.birth(age), Sex: sex(female), RegionCode: reg.code, Languages: k.languages}
	c := person{org: reg.centre}
	grade, top := p.grade(in.BirthDate, reg), 11
	if reg.kazakh == 0 {
		top, school = 12, reg.schools[tehranSchool(female, grade)]
	}
	// Everything is drawn whatever the day, so the families are the same
	// on any day the demo is loaded.
	dropout, act := p.chance(map[bool]int{false: 2, true: 6}[reg.kazakh == 0]), p.evidence("out-of-school", k.script)
	switch {
	case grade < 1:
		in.Status = people.Preschool
	case grade > top:
		in.Status = people.Student
	case dropout:
		in.Status = people.OutOfSchool
		c.grants = append(c.grants, grant{"out-of-school", act})
	default:
		in.Status, in.Grade, c.org = people.Pupil, grade, school
	}
	if p.chance(3) {
		in.Disability, in.SpecialNeeds = true, p.needs(k.script)
		c.grants = append(c.grants, grant{"disability", p.evidence("disability", k.script)})
	}
	if p.chance(map[bool]int{false: 95, true: 85}[reg.kazakh == 0]) {
		in.NationalID = p.id(reg, in.BirthDate, female)
	}
	if age >= 14 && p.chance(60) {
		in.Phone = p.phone(reg)
	}
	c.in = in
	return c
}

// head draws the adult who heads the family whose eldest child is eldest
// years old: mostly the mother, else the father or a grandparent; for
// orphans a relative who is their guardian.
func (p *planner) head(reg region, k *kin, eldest int, orphans bool) (person, people.Relation) {
	rel, female, age := people.Mother, true, eldest+20+p.r.IntN(15)
	switch x := p.r.IntN(100); {
	case orphans:
		rel, female, age = people.Guardian, x < 75, eldest+25+p.r.IntN(30)
	case x >= 90:
		rel, female, age = people.Grandparent, x < 97, eldest+40+p.r.IntN(16)
	case x >= 62:
		rel, female, age = people.Father, false, eldest+22+p.r.IntN(15)
	}
	in := people.Input{LastName: k.last(female), Patronymic: k.patronymic(p.r.IntN(k.men()), female),
		BirthDate: p.birth(age), Sex: sex(female), RegionCode: reg.code, Languages: k.languages}
	switch women := k.women(); {
	case rel == people.Father:
		in.FirstName = k.man(k.father)
	case female:
		in.FirstName = k.spell(women[p.r.IntN(len(women))])
	default:
		in.FirstName = k.man(p.r.IntN(k.men()))
	}
	if female && k.script == persian {
		in.LastName = faSurnames[p.r.IntN(len(faSurnames))] // a woman keeps her own surname
	}
	in.NationalID = p.id(reg, in.BirthDate, female)
	return person{in: in}, rel
}

// tehranSchool is the index of the Tehran school of a girl or a boy in
// grade: boys' and girls' primary schools, then their secondary schools.
func tehranSchool(female bool, grade int) int {
	i := 0
	if female {
		i++
	}
	if grade > 6 {
		i += 2
	}
	return i
}
