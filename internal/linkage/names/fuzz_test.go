package names

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fuzzSeeds are names in every script the package reads, with the marks,
// joiners and punctuation that lists carry.
var fuzzSeeds = []string{
	"", "Ivanova-Petrova", "Жақыпов Әсел", "محمد‌رضا حسینی", "عليّ", "Şyñğys",
	"Iuliia", "Ｍａｒｙａｍ", "\u200fعلی\u200e", "e\u0301\u0640\u200d", "ᄀ\u200dᅡ",
	"\xff\xfe", "İı", "ﻋﻠﻲ", "𝟙𝟚 ²", "Straße ǅ ς", "Jurij Marija Djamal",
}

func FuzzNames(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := Fold(s)
		if Fold(folded) != folded {
			t.Fatalf("Fold(Fold(%q)) = %q, want %q", s, Fold(folded), folded)
		}
		if !utf8.ValidString(folded) || !norm.NFKC.IsNormalString(folded) {
			t.Fatalf("Fold(%q) = %q is not valid NFKC", s, folded)
		}
		latin := Latin(s)
		if !lettersAndSpaces(latin) {
			t.Fatalf("Latin(%q) = %q has other than a-z and single inner spaces", s, latin)
		}
		if Latin(latin) != latin {
			t.Fatalf("Latin(Latin(%q)) = %q, want %q", s, Latin(latin), latin)
		}
		if Latin(folded) != latin {
			t.Fatalf("Latin(Fold(%q)) = %q, want %q", s, Latin(folded), latin)
		}
		key := Key(s)
		if KeyOfLatin(latin) != key {
			t.Fatalf("KeyOfLatin(Latin(%q)) = %q, want %q", s, KeyOfLatin(latin), key)
		}
		if !lettersAndSpaces(key) || len(key) > 2*len(latin)+1 {
			t.Fatalf("Key(%q) = %q", s, key)
		}
		if sn := Surname(s); !lettersAndSpaces(sn) {
			t.Fatalf("Surname(%q) = %q has other than a-z and spaces", s, sn)
		}
		for _, c := range []byte(Digits(s)) {
			if c < '0' || c > '9' {
				t.Fatalf("Digits(%q) = %q", s, Digits(s))
			}
		}
	})
}

// lettersAndSpaces reports whether s is lower-case ASCII words separated
// by single spaces.
func lettersAndSpaces(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z':
		case c == ' ' && i > 0 && i+1 < len(s) && s[i+1] != ' ':
		default:
			return false
		}
	}
	return true
}
