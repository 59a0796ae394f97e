package names

import "testing"

func TestLatin(t *testing.T) {
	tests := []struct{ in, want string }{
		// ICAO Doc 9303 Part 3 for Russian.
		{"Щукин Юрий", "shchukin iurii"},
		{"Наталья Королёва", "natalia koroleva"},
		{"Хасанова Цветаева", "khasanova tsvetaeva"},
		{"Подъячев Эдуард", "podieiachev eduard"},
		{"Мухаммед", "mukhammed"},
		// Kazakh Cyrillic, read as the 2021 Latin without diacritics.
		{"Жақыпов Әсел", "zhaqypov asel"},
		{"Шыңғыс Ғалым", "shynggys galym"},
		{"Нұрсұлтан Үмбетов Өмірзақ Һ", "nursultan umbetov omirzaq h"},
		// Kazakh 2021 Latin and Latin with diacritics.
		{"Jaqypov Äsel", "jaqypov asel"},
		{"Şyñğys Ğalym", "shynggys galym"},
		{"Nūrsūltan Ümbetov Ömirzaq", "nursultan umbetov omirzaq"},
		{"Müller Ženja Çelik Łukasz", "muller zhenja chelik lukasz"},
		{"Straße", "strasse"},
		// Persian: table, letter by letter, compounds.
		{"محمد حسینی", "mohammad hosseini"},
		{"فاطمه زهرا", "fatemeh zahra"},
		{"محمدرضا", "mohammadreza"},
		{"محمد‌رضا", "mohammadreza"},
		{"فرامرز", "framrz"},
		{"کیوان", "kyvan"},
		{"وحید", "vhid"},
		{"شاه", "shah"},
		{"اسحاق", "asahagh"},
		{"جعفر", "jafar"},
		{"سمیه", "smieh"},
		// Mixed scripts and look-alikes: a Latin C in a Cyrillic word.
		{"Cергей", "cergei"}, // Key reads the c before e as s,
		{"Ivan 2nd", "ivan nd"},
		{"李 Ли", "li"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := Latin(tc.in); got != tc.want {
			t.Errorf("Latin(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
