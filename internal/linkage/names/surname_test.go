package names

import "testing"

// sameSurname lists forms of one family name that Surname must bring to
// the same Latin form (first column) or, for spelling variants, the same
// key.
var sameSurname = []struct {
	want  string // Surname of every form, or "" to compare keys only
	forms []string
}{
	{"ivanov", []string{"Иванов", "Иванова", "Ivanov", "Ivanova", "IVANOVA", "Ivanoff"}},
	{"petrov", []string{"Петров", "Петрова", "Petrova", "Petrow"}},
	{"aliev", []string{"Алиев", "Алиева", "Aliev", "Alieva", "Әлиев"}},
	{"", []string{"Aliev", "Aliyev", "Aliyeva", "Алиева"}},
	{"", []string{"Ivanov", "Iwanow", "Iwanowa", "Ivanoff"}},
	{"putin", []string{"Путин", "Путина", "Putina"}},
	{"dostoevskii", []string{"Достоевский", "Достоевская", "Dostoevskii", "Dostoevskaya", "Dostoevsky", "Dostoevskiy", "Dostoevskaia"}},
	{"", []string{"Dostoevsky", "Dostoyevsky", "Dostojewski"}},
	{"nurlan", []string{"Нұрланұлы", "Нурланулы", "Nurlanuly", "Nurlan uly", "Нұрлан ұлы", "Нұрланқызы", "Nurlanqyzy", "Nurlankyzy", "Nūrlanūly"}},
	{"", []string{"Жақыпов", "Жақыпова", "Zhaqypova", "Jaqypov", "Zhakypov"}},
	{"hossein", []string{"Hosseini", "Hosseiny", "حسینی", "حسيني", "Hossein"}},
	{"", []string{"Hosseini", "Husseini", "Hoseini", "Хосейни"}},
	{"reza", []string{"Rezaei", "Rezaee", "Rezaie", "Rezai", "رضایی", "رضائی"}},
	{"mohammad", []string{"Mohammadi", "محمدی"}},
	{"", []string{"Mohammadi", "Muhammadi", "Mohamadi", "Мохаммади"}},
	{"mousav", []string{"Mousavi", "al-Mousavi", "Al Mousavi", "الموسوی", "Seyed Mousavi", "سید موسوی"}},
	{"hosseinzadeh", []string{"Hosseinzadeh", "Hossein Zadeh", "Hossein-Zadeh", "حسین‌زاده", "حسین زاده", "حسینزاده"}},
	{"tso", []string{"Цой", "Tsoi", "Tsoy"}},
}

func TestSurname(t *testing.T) {
	for _, tc := range sameSurname {
		if tc.want != "" {
			for _, s := range tc.forms {
				if got := Surname(s); got != tc.want {
					t.Errorf("Surname(%q) = %q, want %q", s, got, tc.want)
				}
			}
			continue
		}
		want := KeyOfLatin(Surname(tc.forms[0]))
		for _, s := range tc.forms[1:] {
			if got := KeyOfLatin(Surname(s)); got != want {
				t.Errorf("key of Surname(%q) = %q, want %q as for %q", s, got, want, tc.forms[0])
			}
		}
	}
}

func TestSurnameKeepsShortAndDistinct(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ova", "ova"},
		{"Ali", "ali"},
		{"Ina", "ina"},
		{"Seyed", "seyed"}, // a title alone is kept
		{"Al", "al"},
		{"Alimova", "alimov"},
		{"Ivanenko", "ivanenko"},
		{"Sultanbek", "sultanbek"},
		{"Ivanova-Petrova", "ivanov petrov"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := Surname(tc.in); got != tc.want {
			t.Errorf("Surname(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, p := range [][2]string{
		{"Ivanov", "Ivanenko"}, {"Mohammadi", "Ahmadi"}, {"Karimova", "Kerimbekova"},
		{"Nurlanuly", "Nurbekuly"}, {"Hosseinzadeh", "Hosseini"},
	} {
		if a, b := KeyOfLatin(Surname(p[0])), KeyOfLatin(Surname(p[1])); a == b {
			t.Errorf("Surname keys of %q and %q are both %q", p[0], p[1], a)
		}
	}
}
