package text

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"31.12.2015", "1.2.2015", "2015-12-31", "31/12/2015", "1402/05/10",
		"۱۴۰۲/۰۵/۱۰", "١٠.٠٥.٢٠١٥", "10/05/1402", "31.02.2015", "1401/12/30",
		"31.12.15", "20151231", "0999-01-01", "9999-12-31", "1000/01/01",
		"1499/12/29", "1500-01-01", "\u200e۱۴۰۲/۵/۱۰\u200f", "", "..", "\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("ParseDate(%q) error %v is not an *Error", s, err)
			}
			return
		}
		// Solar Hijri 1000-1499 are Gregorian 1621-2121.
		if d.Location() != time.UTC || d.Hour() != 0 || d.Year() < 1500 || d.Year() > 9999 {
			t.Fatalf("ParseDate(%q) = %v", s, d)
		}
		if again, err := ParseDate(d.Format("02.01.2006")); err != nil || !again.Equal(d) {
			t.Fatalf("ParseDate(%q) = %v, but its dd.mm.yyyy gives %v, %v", s, d, again, err)
		}
	})
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{
		"Жақыпов Нұрсұлтан Әбішұлы", "Zhakupov", "محمدی", "علی\u200cاکبر", "Mohammadi",
		"Shchukin", "Джамал", "Abdjalil", "موسوی", "داوود", "Fatemeh", "Şahin",
		"Zoe\u0301", "s\u030c", "ﻋﻠﻲ", "Σοφία", "O'Brien-Smith 3rd", "ss sh ch",
		"xsn ala", "a", "h", "و", "ی", "kshch", "dj dzh", "", " ", "\xff", "ǅ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if again := Key(k); again != k {
			t.Fatalf("Key(%q) = %q, but Key(%q) = %q", s, k, k, again)
		}
		if c := Key(Clean(s)); c != k {
			t.Fatalf("Key(%q) = %q, but Key(Clean) = %q", s, k, c)
		}
		if !utf8.ValidString(k) || strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
			t.Fatalf("Key(%q) = %q", s, k)
		}
		if n := NameKey(s, s, ""); k != "" && n != k+" "+k {
			t.Fatalf("NameKey(%q, %q, \"\") = %q, want %q twice", s, s, n, k)
		}
	})
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"  Мектепке   жол  ", "علي", "محمـــد", "می\u200cرود", "\u200cعلی\u200c",
		"ا\u0640\u0653", "Zoe\u0301", "a\tb\nc", "\u202bمریم\u202c", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean(s)
		if again := Clean(c); again != c {
			t.Fatalf("Clean(%q) = %q, but Clean(%q) = %q", s, c, c, again)
		}
		if c != strings.TrimSpace(c) || strings.Contains(c, "  ") || strings.ContainsRune(c, '\u0640') {
			t.Fatalf("Clean(%q) = %q", s, c)
		}
	})
}
