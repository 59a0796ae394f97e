package names

import "testing"

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  Ivanov  ", "ivanov"},
		{"ИВАНОВА-Петрова", "иванова петрова"},
		{"ЖАҚЫП", "жақып"},
		{"Ahmed Şükür", "ahmed şükür"},
		{"ALİ", "ali"},                   // Kazakh 2021 and Turkish dotted capital
		{"O'Brien d’Arc", "obrien darc"}, // apostrophes join
		{"عليّ", "علی"},                  // Arabic yeh, shadda removed
		{"كريم", "کریم"},                 // Arabic kaf
		{"مُحَمَّد", "محمد"},             // harakat removed
		{"محمد\u200cرضا", "محمدرضا"},     // ZWNJ removed
		{"محـــمد", "محمد"},              // tatweel
		{"\u200fعلی\u200e", "علی"},       // directional marks
		{"ﻋﻠﻲ", "علی"},                   // presentation forms through NFKC
		{"Ｍａｒｙａｍ", "maryam"},             // full width
		{"e\u0301mile", "émile"},         // composed by NFKC
		{"۱۴۰۲/۰۵/۱۰", "1402 05 10"},
		{"١٢٣", "123"},
		{"Anna  \t Maria\n", "anna maria"},
		{"ΣΟΦΙΑ", "σοφια"},
		{"-- ! --", ""},
	}
	for _, tc := range tests {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDigits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"870412-300-125", "870412300125"},
		{"۱۲۳۴۵۶۷۸۹۰", "1234567890"},
		{"٠٩٨", "098"},
		{"०१२", "012"}, // Devanagari
		{"１２", "12"},   // full width
		{"𝟙𝟚", "12"},   // mathematical double-struck
		{"IIN: 12 34", "1234"},
		{"²", ""}, // a superscript is not a decimal digit
	}
	for _, tc := range tests {
		if got := Digits(tc.in); got != tc.want {
			t.Errorf("Digits(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
