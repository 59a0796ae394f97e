package main

import (
	"math/rand/v2"
	"strings"
)

// renderCyrillic writes the names and region of a child of Kazakhstan in
// Cyrillic or in one of the Latin styles.
func renderCyrillic(rng *rand.Rand, c *child, w writing, r *rates) record {
	first := c.first
	if nick, ok := ruNicknames[first]; ok && rng.Float64() < r.nickname {
		first = nick
	}
	last := c.surname
	switch {
	case rng.Float64() < r.bareSurname:
		last = bare(last)
	case !c.male && rng.Float64() >= r.maleSurname:
		last = feminine(last)
	}
	patronymic := ""
	if rng.Float64() >= r.noPatronymic {
		patronymic = patronymicOf(c)
	}
	reg := kzRegions[c.region]
	region := reg.ru
	if rng.IntN(2) == 0 {
		region = reg.kk
	}
	if rng.Float64() < r.otherRegion {
		region = kzRegions[rng.IntN(len(kzRegions))].ru
	}
	rec := record{0: last, 1: first, 2: patronymic, 6: region}
	for _, i := range []int{0, 1, 2, 6} {
		rec[i] = writeCyrillic(rec[i], w)
	}
	return rec
}

// writeCyrillic writes s in w's script, style and case.
func writeCyrillic(s string, w writing) string {
	switch {
	case w.latin:
		s = romanize(s, w.style, w.opts)
	case w.russian:
		s = russianised(s)
	}
	if w.upper {
		return strings.ToUpper(s)
	}
	return titleCase(s)
}

// feminine returns the feminine form of a masculine surname: -ов → -ова,
// -ин → -ина, -ский → -ская, -ый → -ая; others (Ким, Шевченко, Сейітқали)
// do not change.
func feminine(s string) string {
	switch {
	case strings.HasSuffix(s, "ов"), strings.HasSuffix(s, "ев"), strings.HasSuffix(s, "ин"):
		return s + "а"
	case strings.HasSuffix(s, "ский"):
		return strings.TrimSuffix(s, "ий") + "ая"
	case strings.HasSuffix(s, "ый"):
		return strings.TrimSuffix(s, "ый") + "ая"
	}
	return s
}

// bare drops -ов or -ев from a Kazakh surname, as many families did after
// 1991: Ахметов → Ахмет.
func bare(s string) string {
	for _, suffix := range []string{"ов", "ев"} {
		if t := strings.TrimSuffix(s, suffix); t != s && len([]rune(t)) > 2 {
			return t
		}
	}
	return s
}

// patronymicOf returns c's patronymic: Ерланұлы and Ерланқызы, or
// Ерланович and Ерлановна in the Soviet form; Russian ones from ruFathers.
func patronymicOf(c *child) string {
	if c.people == russian {
		for _, f := range ruFathers {
			if f[0] == c.father {
				if c.male {
					return f[1]
				}
				return f[2]
			}
		}
	}
	f := c.father
	switch {
	case !c.soviet && c.male:
		return f + "ұлы"
	case !c.soviet:
		return f + "қызы"
	}
	stem := f + "ов"
	if strings.HasSuffix(f, "и") {
		stem = f + "ев"
	}
	if c.male {
		return stem + "ич"
	}
	return stem + "на"
}
