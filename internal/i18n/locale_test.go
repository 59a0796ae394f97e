package i18n

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Locale
		ok   bool
	}{
		{"fa-IR", FA, true},
		{"RU", RU, true},
		{"en_US", EN, true},
		{" kk-Cyrl-KZ ", KK, true},
		{"fr-CA", FR, true},
		{"rus", RU, true},
		{"kaz", KK, true},
		{"fas", FA, true},
		{"de", "", false},
		{"", "", false},
		{"e", "", false},
		{"english", "", false},
		{"-", "", false},
	}
	for _, tt := range tests {
		got, ok := Parse(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Parse(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestNegotiate(t *testing.T) {
	tests := []struct {
		name                 string
		user, cookie, header string
		fallback, want       Locale
	}{
		{"user preference wins", "kk", "ru", "fr", EN, KK},
		{"cookie before header", "", "fa", "fr", EN, FA},
		{"unknown user value skipped", "de", "ru-RU", "fr", EN, RU},
		{"header used without preferences", "", "", "fa-IR,fa;q=0.9,en;q=0.5", KK, FA},
		{"header q-values respected", "", "", "de-DE,fr;q=0.5,ru;q=0.8", EN, RU},
		{"header order within equal q", "", "", "fr, en", KK, FR},
		{"q=0 means not acceptable", "", "", "fr;q=0, de", RU, RU},
		{"bad header entry skipped", "", "", "zz, ru;q=0.7", EN, RU},
		{"garbage header", "", "", ";;;,,,", FA, FA},
		{"script we do not ship", "", "", "kk-Latn", EN, KK},
		{"regional variant", "", "", "en-GB", RU, EN},
		{"fallback when nothing matches", "xx", "yy", "de, it", FA, FA},
		{"fallback given as tag", "", "", "", "ru-KZ", RU},
		{"invalid fallback", "", "", "", "de", EN},
	}
	for _, tt := range tests {
		if got := Negotiate(tt.user, tt.cookie, tt.header, tt.fallback); got != tt.want {
			t.Errorf("%s: Negotiate(%q, %q, %q, %q) = %q, want %q",
				tt.name, tt.user, tt.cookie, tt.header, tt.fallback, got, tt.want)
		}
	}
}

func TestLocaleProperties(t *testing.T) {
	want := []Locale{KK, RU, EN, FR, FA}
	all := All()
	if len(all) != len(want) {
		t.Fatalf("All() = %v", all)
	}
	for i := range want {
		if all[i] != want[i] {
			t.Fatalf("All() = %v, want %v", all, want)
		}
	}
	names := map[Locale]string{KK: "Қазақша", RU: "Русский", EN: "English", FR: "Français", FA: "فارسی"}
	for _, l := range all {
		if !l.Valid() {
			t.Errorf("%s is not Valid", l)
		}
		if got := l.NativeName(); got != names[l] {
			t.Errorf("%s.NativeName() = %q, want %q", l, got, names[l])
		}
		dir := "ltr"
		if l == FA {
			dir = "rtl"
		}
		if got := l.Dir(); got != dir {
			t.Errorf("%s.Dir() = %q, want %q", l, got, dir)
		}
	}
	if Locale("de").Valid() {
		t.Error(`Locale("de") is Valid`)
	}
}
