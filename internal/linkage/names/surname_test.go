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
	{"petrov", []string{"Петров", "Петрова", "Petrova", "Petrowa"}},
	{"aliev", []string{"Алиев", "Алиева", "Aliev", "Alieva", "Әлиев"}},
	{"", []string{"Aliev", "Aliyev", "Aliyeva", "Алиева"}},
	{"", []string{"Ivanov", "Iwanowa", "Ivanoff"}},
	{"", []string{"Khosrow", "Khosro", "خسرو"}}, // so German -ow is not -ov
	{"putin", []string{"Путин", "Путина", "Putina"}},
	{"dostoevskii", []string{"Достоевский", "Достоевская", "Dostoevskii", "Dostoevskaya", "Dostoevsky", "Dostoevskiy", "Dostoevskaia"}},
	{"", []string{"Dostoevsky", "Dostoyevsky", "Dostoyevski", "Dostoevskiy"}},
	{"nurlan", []string{"Нұрланұлы", "Нурланулы", "Nurlanuly", "Nurlan uly", "Нұрлан ұлы", "Нұрланқызы", "Nurlanqyzy", "Nurlankyzy", "Nūrlanūly"}},
	{"", []string{"Жақыпов", "Жақыпова", "Zhaqypova", "Jaqypov", "Zhakypov"}},
	{"hossein", []string{"Hosseini", "Hosseiny", "حسینی", "حسيني", "Hossein"}},
	{"", []string{"Hosseini", "Husseini", "Hoseini", "Хосейни"}},
	{"rez", []string{"Rezaei", "Rezaee", "Rezaie", "Rezai", "رضایی", "رضائی"}},
	{"mohammad", []string{"Mohammadi", "محمدی"}},
	{"", []string{"Mohammadi", "Muhammadi", "Mohamadi", "Мохаммади"}},
	{"mousav", []string{"Mousavi", "al-Mousavi", "Al Mousavi", "Seyed Mousavi", "سید موسوی", "موسوی"}},
	{"", []string{"Elyasi", "الیاسی", "Elyassi"}},
	{"hosseinzadeh", []string{"Hosseinzadeh", "Hossein Zadeh", "Hossein-Zadeh", "حسین\u200cزاده", "حسین زاده", "حسینزاده"}},
	{"tso", []string{"Цой", "Tsoi", "Tsoy"}},
	{"tolst", []string{"Толстой", "Толстая", "Tolstoy", "Tolstaya", "Tolstoi"}},
	{"bel", []string{"Белый", "Белая", "Belyi", "Bely", "Belaya"}},
	{"hosseinpour", []string{"Hosseinpour", "Hossein Pour", "Hosseinpoor", "حسین\u200cپور", "حسین پور"}},
	{"hosseinzadeh", []string{"Hosseinzade", "Hosseinzada", "حسین زاده"}},
}

// sameFamily lists spellings of common family names in Iran, Kazakhstan
// and Russia, across scripts, whose Surname keys must meet.
var sameFamily = [][]string{
	{"Ahmadi", "Akhmadi", "احمدی", "Ахмади"},
	{"Jafari", "Jaafari", "Ja'fari", "جعفری", "Джафари", "Жафари"},
	{"Ghorbani", "Qorbani", "Gorbani", "قربانی", "Горбани", "Ғорбани"},
	{"Heidari", "Heydari", "Haidari", "حیدری", "Хейдари", "Хайдари"},
	{"Sadeghi", "Sadeqi", "Sadighi", "صادقی", "Садеги"},
	{"Hashemi", "Hashimi", "هاشمی", "Хашеми", "Хашими"},
	{"Soleimani", "Soleymani", "Sulaimani", "سلیمانی", "Сулеймани"},
	{"Bagheri", "Baqeri", "Bakeri", "باقری", "Багери"},
	{"Tavakoli", "Tavakkoli", "Tawakoli", "توکلی", "Таваколи"},
	{"Nowruzi", "Nowrouzi", "Norouzi", "Noruzi", "نوروزی"},
	{"Esmaeili", "Esmaili", "Ismaili", "اسماعیلی", "Исмаили"},
	{"Zarei", "Zare'i", "Zareie", "Zarei", "زارعی"},
	{"Gholami", "Golami", "Qolami", "غلامی", "Голами"},
	{"Mohammadi", "Mohamadi", "Muhammadi", "محمدی", "Мохаммади", "Мухаммади"},
	{"Abdolrezaei", "Abdolrezaee", "عبدالرضایی"},
	{"Нұрмағамбетов", "Нурмагамбетова", "Nurmagambetov", "Nūrmağambetova", "Nurmaghambetov"},
	{"Қасымов", "Касымова", "Kasymov", "Qasymova", "Kassymov"},
	{"Әбдірахманов", "Абдрахманова", "Abdrakhmanov", "Abdirakhmanov", "Äbdırahmanov", "Abdrahmanova"},
	{"Жұмабаев", "Жумабаева", "Zhumabayev", "Jumabaev", "Zhumabaeva", "Jūmabaev"},
	{"Төлеуұлы", "Toleuuly", "Töleuūly", "Төлеуқызы", "Töleuqyzy"},
	{"Ким", "Kim", "Кім"},
	{"Сейтқали", "Сейткали", "Seitkali", "Seytkali", "Seitqali"},
}

func TestSurnameAcrossScripts(t *testing.T) {
	for _, g := range sameFamily {
		want := KeyOfLatin(Surname(g[0]))
		for _, s := range g[1:] {
			if got := KeyOfLatin(Surname(s)); got != want {
				t.Errorf("key of Surname(%q) = %q (%q), want %q as for %q (%q)", s, got, Surname(s), want, g[0], Surname(g[0]))
			}
		}
	}
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
