package linkage

import (
	"testing"
)

func TestPlaceKey(t *testing.T) {
	// Spellings of one place in Russian, Kazakh, Persian script and Latin
	// meet; different places stay apart.
	lex := NewLexicon()
	place := func(s string) uint32 { return lex.forms[lex.region(lex.intern(s))].place }
	for _, group := range [][]string{
		{"Абайский район", "Абай ауданы", "Abai audany", "Abayskiy rayon", "Abai district"},
		{"Бухар-Жырауский район", "Бұқар жырау ауданы", "Buqar jyrau audany", "Bukhar-Zhyrau district"},
		{"Балхаш", "Балқаш", "Balqash", "Balkhash"},
		{"قزوین", "Qazvin", "Ghazvin", "Kazvin", "استان قزوین"},
		{"همدان", "Hamadan", "Hamedan"},
		{"Карагандинская область", "Қарағанды облысы", "Karaganda", "Qaraghandy"},
	} {
		want := place(group[0])
		for _, s := range group[1:] {
			if got := place(s); got != want || got == 0 {
				t.Errorf("%q and %q are one place: keys %q and %q", group[0], s,
					lex.text[want], lex.text[got])
			}
		}
	}
	for _, pair := range [][2]string{{"Арак", "Караж"}, {"Abhar", "Abyek"}, {"Астана", "Алматы"},
		{"Saran", "Shakhtinsk"}, {"Temirtau", "Turkestan"}, {"Тегеран", "Тахестан"}} {
		if place(pair[0]) == place(pair[1]) {
			t.Errorf("%q and %q are two places but share the key %q", pair[0], pair[1], lex.text[place(pair[0])])
		}
	}
}

func TestCompareNamesAcrossScripts(t *testing.T) {
	lex := NewLexicon()
	level := func(a, b string, last bool) int { return compareNames(lex, lex.intern(a), lex.intern(b), last) }
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"محمدوند", "Mohamed Wand", nameWeak}, // keys mhmdnd and mhmdvnd: one edit
		{"Zhaqypov", "Zhakypov", nameStrong},
		{"Hosseini", "Karimi", nameDisagree},
	} {
		if got := level(c.a, c.b, false); got != c.want {
			t.Errorf("compareNames(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestPatronymicsOfOneFather(t *testing.T) {
	// Russian and Kazakh patronymics and a Persian father's name.
	lex := NewLexicon()
	d := NewDataset(lex)
	for _, p := range []string{"Серикович", "Serikqyzy", "Серікұлы", "Маратовна", "Mohammad", "محمد"} {
		d.Add(Input{ID: p, Patronymic: p})
	}
	cs := []comparator{{Name: "patronymic", Levels: 5, kind: kindPatronymic}}
	lv := make([]uint8, 1)
	for _, c := range []struct {
		i, j, want int
	}{{0, 1, nameStrong}, {1, 2, nameStrong}, {0, 3, nameDisagree}, {4, 5, nameStrong}} {
		levels(cs, d, c.i, d, c.j, lv, nil)
		if int(lv[0]) > c.want || c.want == nameDisagree && int(lv[0]) != nameDisagree {
			t.Errorf("%s, %s: level %d, want %d", d.ID(c.i), d.ID(c.j), lv[0], c.want)
		}
	}
}
