package match

import (
	"math/rand/v2"
	"slices"
	"time"
)

// day is the matching date of the generated instances.
var day = time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)

// size is the shape of a generated instance.
type size struct {
	youth, mentors int
	fields         int // distinct fields
	regions        int // distinct regions
	meanFree       int // mean free places per mentor
}

var (
	languages = []string{"kk", "ru", "en"}
	formats   = []string{"in_person", "online"}
)

// gen generates an instance: young people aged 14–29 (a quarter minors,
// most with consent), mentors mostly through the school, some vetted
// (some of them expired), young people ranking up to three mentors or
// asking for an automatic match. The same size and seed give the same
// instance.
func gen(sz size, seed uint64) Input {
	r := rand.New(rand.NewPCG(seed, 0x6d61746368))
	pick := func(vals []string) []string {
		var out []string
		for _, v := range vals {
			if r.IntN(2) == 0 {
				out = append(out, v)
			}
		}
		if len(out) == 0 {
			out = append(out, vals[r.IntN(len(vals))])
		}
		return out
	}
	name := func(prefix string, n int) string { return prefix + string(rune('A'+r.IntN(n))) }
	in := Input{Date: day}
	for j := range sz.mentors {
		m := Mentor{
			ID: int64(1000 + j), Region: name("r", sz.regions),
			Fields:    []string{name("f", sz.fields), name("f", sz.fields)},
			Languages: pick(languages), Formats: pick(formats),
			Free:   r.IntN(2 * sz.meanFree), // 0 to 2·mean−1
			School: r.IntN(10) < 9, Minors: r.IntN(2) == 0,
		}
		switch r.IntN(3) {
		case 0:
			m.VettedUntil = day.AddDate(0, 0, r.IntN(400)) // valid, the last day included
		case 1:
			m.VettedUntil = day.AddDate(0, 0, -1-r.IntN(400)) // expired
		}
		in.Mentors = append(in.Mentors, m)
	}
	for i := range sz.youth {
		y := Youth{
			ID:     int64(1 + i),
			Birth:  day.AddDate(-14-r.IntN(16), 0, -r.IntN(365)),
			Region: name("r", sz.regions), Field: name("f", sz.fields),
			Languages: pick(languages), Formats: pick(formats),
			Consent: r.IntN(5) > 0,
		}
		if r.IntN(3) > 0 {
			for range r.IntN(MaxChoices) + 1 {
				id := int64(1000 + r.IntN(sz.mentors))
				if !slices.Contains(y.Choices, id) {
					y.Choices = append(y.Choices, id)
				}
			}
		}
		in.Youth = append(in.Youth, y)
	}
	return in
}

// randomRule is a rule with random requirements and limit.
func randomRule(r *rand.Rand, maxLimit int) Rule {
	return Rule{
		Field: r.IntN(3) == 0, Region: r.IntN(3) == 0,
		Language: r.IntN(2) == 0, Format: r.IntN(3) == 0,
		Limit: r.IntN(maxLimit + 1), ChoicesOnly: r.IntN(4) == 0,
	}
}
