package natid

import (
	"strings"
	"testing"
)

// seeds are inputs for every fuzzer: valid numbers in several writings
// and one of each error.
var seeds = []string{
	"150307600424", "080615500107", "991231200017", " 1503-0760-0424 ",
	"۱۵۰۳۰۷۶۰۰۴۲۴", "١٥٠٣٠٧٦٠٠٤٢٤", "150307600425", "080615500170",
	"150307000424", "151307600424", "150229600424", "15030760042a",
	"0012345679", "12345679", "012345679", "001-234567-9", "۰۰۱۲۳۴۵۶۷۹",
	"1234567891", "1111111111", "00000000", "0012345678", "1234567",
	"12345678901", "", "\u200f۱۲۳۴۵۶۷۸۹۱\u200f", "1\u00a02\u20133", "\xff",
}

func FuzzParseIIN(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseIIN(s)
		if err != nil {
			return
		}
		if len(id.Number) != 12 || strings.Trim(id.Number, "0123456789") != "" {
			t.Fatalf("ParseIIN(%q).Number = %q", s, id.Number)
		}
		again, err := ParseIIN(id.Number)
		if err != nil || again != id {
			t.Fatalf("ParseIIN(%q) = %+v, but its number gives %+v, %v", s, id, again, err)
		}
		if n, err := MakeIIN(id.BirthDate, id.Sex, num(id.Number[7:11])); err != nil || n != id.Number {
			t.Fatalf("MakeIIN from %+v = %q, %v", id, n, err)
		}
	})
}

func FuzzParseIranCode(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, err := ParseIranCode(s)
		if err != nil {
			return
		}
		if len(code) != 10 || strings.Trim(code, "0123456789") != "" {
			t.Fatalf("ParseIranCode(%q) = %q", s, code)
		}
		if again, err := ParseIranCode(code); again != code || err != nil {
			t.Fatalf("ParseIranCode(%q) = %q, but that gives %q, %v", s, code, again, err)
		}
		if made := MakeIranCode(num(code[:9])); made != code {
			t.Fatalf("MakeIranCode(%s) = %q, want %q", code[:9], made, code)
		}
	})
}

func FuzzDetect(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		kind, n, err := Detect(s)
		switch {
		case err != nil:
			if n != "" {
				t.Fatalf("Detect(%q) = %q, %q with error %v", s, kind, n, err)
			}
		case kind == KindIIN:
			if id, err := ParseIIN(n); err != nil || id.Number != n {
				t.Fatalf("Detect(%q) = IIN %q, which ParseIIN rejects: %v", s, n, err)
			}
		case kind == KindIR:
			if code, err := ParseIranCode(n); err != nil || code != n {
				t.Fatalf("Detect(%q) = national code %q, which ParseIranCode rejects: %v", s, n, err)
			}
		default:
			t.Fatalf("Detect(%q) = %q, %q, nil", s, kind, n)
		}
	})
}
