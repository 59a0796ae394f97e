package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/people"
)

// The seed of the demo families: the same every run, so every demo
// installation holds the same children (born the same number of days
// before the day it was loaded).
const seedHi, seedLo = 2026, 0x6a6f6c

// family is one demo household as it will be written. Organisations are
// named by key and resolved when written.
type family struct {
	ref      string
	org      string // the household's: the school of its first pupil, else the centre
	centre   string // the support centre that registered the family and keeps the adults' records
	house    people.HouseholdInput
	head     person
	relation people.Relation // the head's
	children []person
	consent  people.Method // how the head consented to processing; "" when not yet
}

// person is a member to register, with the categories to put them in and,
// for an orphan, the organisation that is their guardian.
type person struct {
	in       people.Input
	org      string
	grants   []grant
	guardian string
}

// grant is a category with its evidence.
type grant struct {
	code string
	ev   people.Evidence
}

// planner draws the demo families from one seeded generator.
type planner struct {
	r     *rand.Rand
	today time.Time
	ids   map[string]bool // ID numbers given, so no two persons share one
	next  int             // the next serial of an ID number
	err   error           // the first error met
}

// plan returns every demo family, region by region, for a registry whose
// clock reads today.
func plan(today time.Time) ([]family, error) {
	y, m, d := today.Date()
	p := &planner{r: rand.New(rand.NewPCG(seedHi, seedLo)), today: time.Date(y, m, d, 0, 0, 0, 0, time.UTC),
		ids: map[string]bool{}}
	var out []family
	for _, reg := range regions {
		for i := range reg.families {
			out = append(out, p.family(reg, fmt.Sprintf("DEMO-%s-%04d", strings.ReplaceAll(reg.code, "-", ""), i+1)))
		}
	}
	return out, p.err
}

// family draws one family of reg with reference ref.
func (p *planner) family(reg region, ref string) family {
	k := p.kin(reg)
	ages := p.ages(1 + p.weighted(reg.sizes))
	orphans := p.chance(3)
	area, school := p.r.IntN(max(1, len(reg.areas))), p.r.IntN(len(reg.schools))
	if reg.local {
		school = area
	}
	f := family{ref: ref, org: reg.centre, centre: reg.centre, house: people.HouseholdInput{RegionCode: reg.code, ExternalRef: ref,
		Address: p.address(reg, k, area), Phone: p.phone(reg), LowIncome: p.chance(lowIncome(reg)),
		Incomplete: !orphans && p.chance(22), Dysfunctional: p.chance(2)}}
	for _, a := range ages {
		c := p.child(reg, k, a, reg.schools[school])
		c.in.Address = f.house.Address
		if orphans {
			c.guardian = reg.centre
		}
		f.children = append(f.children, c)
	}
	for _, c := range f.children {
		if c.in.Status == people.Pupil {
			f.org = c.org
			break
		}
	}
	f.head, f.relation = p.head(reg, k, ages[0], orphans)
	f.head.in.Address, f.head.in.Phone = f.house.Address, f.house.Phone
	shared := map[string]bool{"low-income": f.house.LowIncome, "large-family": len(ages) >= people.LargeFamily,
		"orphan": orphans, "incomplete-family": f.house.Incomplete}
	for _, code := range []string{"low-income", "large-family", "orphan", "incomplete-family"} {
		if !shared[code] {
			continue
		}
		g := grant{code, p.evidence(code, k.script)}
		for i := range f.children {
			f.children[i].grants = append(f.children[i].grants, g)
		}
	}
	if p.chance(90) {
		f.consent = []people.Method{people.OnPaper, people.OnPaper, people.OnPaper, people.Verbally, people.ByMessenger}[p.r.IntN(5)]
	}
	return f
}

// lowIncome is the percentage of low-income families in reg.
func lowIncome(reg region) int {
	return map[string]int{"KZ-75": 25, "KZ-71": 25, "KZ-79": 40, "KZ-61": 50, "IR-23": 45}[reg.code]
}
