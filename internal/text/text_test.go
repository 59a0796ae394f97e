package text

import "testing"

func TestPrintable(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Мектепке жол", true},
		{"بنیاد حمایت از تحصیل کودکان", true},
		{"<script>alert(1)</script>", true}, // inert text, escaped when shown
		{"'); DROP TABLE users;--", true},
		{"line\nbreak", false},
		{"tab\there", false},
		{"bell\x07", false},
		{"del\x7f", false},
		{"bad \xff utf-8", false},
		{"", true},
	}
	for _, tc := range tests {
		if got := Printable(tc.in); got != tc.want {
			t.Errorf("Printable(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestNormalizeDigits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"۱۴۰۲/۰۵/۱۰", "1402/05/10"},
		{"٠١٢٣٤٥٦٧٨٩", "0123456789"},
		{"۰۱۲۳۴۵۶۷۸۹", "0123456789"},
		{"کد ۱۲۳-abc ٤", "کد 123-abc 4"},
		{"no digits", "no digits"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := NormalizeDigits(tc.in); got != tc.want {
			t.Errorf("NormalizeDigits(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Мектепке   жол  ", "Мектепке жол"},
		{"a\tb\nc\u00a0d\u3000e", "a b c d e"},
		{"علي", "علی"},                 // Arabic yeh
		{"موسى", "موسی"},               // alef maksura
		{"كريم", "کریم"},               // Arabic kaf
		{"محمـــد", "محمد"},            // tatweel
		{"می\u200cرود", "می\u200cرود"}, // ZWNJ kept
		{"علی\u200c\u200cاکبر", "علی\u200cاکبر"},
		{"\u200cعلی\u200c", "علی"},
		{"علی \u200cاکبر", "علی اکبر"},
		{"علی\u200c اکبر", "علی اکبر"},
		{"\u200fحسین\u200e", "حسین"},
		{"Ali\u200bev\ufeff", "Aliev"},
		{"Zoe\u0301", "Zoé"},         // NFC
		{"ا\u0640\u0653", "آ"},       // NFC after removing tatweel
		{"Иван\u00adов", "Иванов"},   // soft hyphen
		{"\u202bمریم\u202c", "مریم"}, // embedding
		{"Жақыпов Нұрсұлтан", "Жақыпов Нұрсұлтан"},
		{"   ", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := Clean(tc.in); got != tc.want {
			t.Errorf("Clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := Clean(tc.want); got != tc.want {
			t.Errorf("Clean(%q) = %q, not unchanged", tc.want, got)
		}
	}
}

func TestParseDecimal(t *testing.T) {
	for in, want := range map[string]float64{"4.5": 4.5, "4,5": 4.5, "۴٫۵": 4.5, " 12 ": 12, "-1,25": -1.25, "0": 0,
		".5": 0.5, "٣": 3} {
		if got, ok := ParseDecimal(in); !ok || got != want {
			t.Errorf("ParseDecimal(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "-", ".", "1.2.3", "1,2.3", "1 000", "1e3", "NaN", "Inf", "five", "+3", "0x10"} {
		if got, ok := ParseDecimal(in); ok {
			t.Errorf("ParseDecimal(%q) = %v, want no number", in, got)
		}
	}
}
