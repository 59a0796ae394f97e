package match

import (
	"cmp"
	"slices"
	"time"
)

// The brute-force oracle: written from the rules as stated, sharing no
// code with the package, it lists each young person's candidates and
// tries every assignment.

// option is a mentor a young person may be matched with.
type option struct {
	mentor    int64
	pref, fit int
}

// aims are a matching's three values, compared in turn.
type aims struct{ matched, pref, fit int }

func (a aims) better(b aims) bool {
	return cmp.Or(cmp.Compare(a.matched, b.matched), cmp.Compare(a.pref, b.pref), cmp.Compare(a.fit, b.fit)) > 0
}

// ageOn counts whole years from birth to date.
func ageOn(birth, date time.Time) int {
	age := date.Year() - birth.Year()
	if date.Month() < birth.Month() || date.Month() == birth.Month() && date.Day() < birth.Day() {
		age--
	}
	return age
}

func shares(a, b []string) bool {
	for _, x := range a {
		if x != "" && slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// oracleOptions lists young person y's candidates and the mentors'
// places left after the kept matches.
func oracleOptions(in Input, y Youth, free map[int64]int) []option {
	for _, p := range in.Keep {
		if p.Youth == y.ID {
			return nil
		}
	}
	minor := ageOn(y.Birth, in.Date) < 18
	if minor && !y.Consent {
		return nil
	}
	var all []option
	for _, m := range in.Mentors {
		if !m.School || free[m.ID] <= 0 || slices.Contains(in.Exclude, Pair{y.ID, m.ID}) {
			continue
		}
		if minor && (!m.Minors || m.VettedUntil.IsZero() || m.VettedUntil.Before(in.Date)) {
			continue
		}
		field := y.Field != "" && slices.Contains(m.Fields, y.Field)
		region := y.Region != "" && y.Region == m.Region
		lang, format := shares(y.Languages, m.Languages), shares(y.Formats, m.Formats)
		rl := in.Rule
		if rl.Field && !field || rl.Region && !region || rl.Language && !lang || rl.Format && !format {
			continue
		}
		o := option{mentor: m.ID}
		for _, ok := range []bool{field, region, lang, format} {
			if ok {
				o.fit++
			}
		}
		if k := slices.Index(y.Choices, m.ID); k >= 0 {
			o.pref = 3 - k
		}
		all = append(all, o)
	}
	if in.Rule.ChoicesOnly && len(y.Choices) > 0 {
		return slices.DeleteFunc(all, func(o option) bool { return o.pref == 0 })
	}
	if in.Rule.Limit == 0 || len(all) <= in.Rule.Limit {
		return all
	}
	slices.SortStableFunc(all, func(a, b option) int {
		return cmp.Or(cmp.Compare(b.fit, a.fit), cmp.Compare(a.mentor, b.mentor))
	})
	out := all[:in.Rule.Limit:in.Rule.Limit]
	for _, o := range all[in.Rule.Limit:] {
		if o.pref > 0 {
			out = append(out, o)
		}
	}
	return out
}

// bruteBest tries every assignment and returns the best aims.
func bruteBest(in Input) aims {
	free := map[int64]int{}
	for _, m := range in.Mentors {
		free[m.ID] = m.Free
	}
	for _, p := range in.Keep {
		free[p.Mentor]--
	}
	opts := make([][]option, len(in.Youth))
	for i, y := range in.Youth {
		opts[i] = oracleOptions(in, y, free)
	}
	var best aims
	var try func(i int, cur aims)
	try = func(i int, cur aims) {
		if i == len(opts) {
			if cur.better(best) {
				best = cur
			}
			return
		}
		try(i+1, cur)
		for _, o := range opts[i] {
			if free[o.mentor] > 0 {
				free[o.mentor]--
				try(i+1, aims{cur.matched + 1, cur.pref + o.pref, cur.fit + o.fit})
				free[o.mentor]++
			}
		}
	}
	try(0, aims{})
	return best
}
