package natid

import (
	"strings"
	"testing"
)

// Worked examples (digits d1…d9 weighted 10…2, check digit d10):
//
// 0012345679:
//
//	0·10 + 0·9 + 1·8 + 2·7 + 3·6 + 4·5 + 5·4 + 6·3 + 7·2
//	= 0 + 0 + 8 + 14 + 18 + 20 + 20 + 18 + 14 = 112
//	112 mod 11 = 2; 2 ≥ 2, so the check digit is 11 − 2 = 9: valid.
//
// 1234567891:
//
//	1·10 + 2·9 + 3·8 + 4·7 + 5·6 + 6·5 + 7·4 + 8·3 + 9·2 = 210
//	210 mod 11 = 1; 1 < 2, so the check digit is 1: valid.
//
// 0012345678 is the first with a wrong check digit, 8 instead of 9:
// invalid (ErrCheckDigit).

func TestParseIranCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0012345679", "0012345679"},
		{"012345679", "0012345679"},    // one leading zero dropped
		{"12345679", "0012345679"},     // two dropped
		{"001-234567-9", "0012345679"}, // as printed on the card
		{" 001 234 567 9 ", "0012345679"},
		{"۰۰۱۲۳۴۵۶۷۹", "0012345679"},
		{"١٢٣٤٥٦٧٨٩١", "1234567891"},
		{"\u200f۱۲۳۴۵۶۷۸۹۱\u200f", "1234567891"},
		{"1234567891", "1234567891"},
	}
	for _, tc := range tests {
		if got, err := ParseIranCode(tc.in); got != tc.want || err != nil {
			t.Errorf("ParseIranCode(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestParseIranCodeErrors(t *testing.T) {
	tests := []struct {
		in   string
		want *Error
	}{
		{"", ErrLength},
		{"1234567", ErrLength},
		{"12345678910", ErrLength},
		{"12345678a1", ErrDigits},
		{"1234567891/", ErrDigits},
		{"1111111111", ErrRepeated},
		{"0000000000", ErrRepeated},
		{"00000000", ErrRepeated}, // padded to ten zeros
		{"0012345678", ErrCheckDigit},
		{"1234567890", ErrCheckDigit},
		{"2345679", ErrLength}, // seven digits are not padded
	}
	for _, tc := range tests {
		if got, err := ParseIranCode(tc.in); err != tc.want {
			t.Errorf("ParseIranCode(%q) = %q, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}

func TestMakeIranCode(t *testing.T) {
	tests := []struct {
		prefix int
		want   string
	}{
		{1234567, "0012345679"},
		{123456789, "1234567891"},
		{0, "0000000019"},           // 0000000000 is repeated: next prefix
		{111111111, "1111111121"},   // likewise 1111111111
		{12345678901, "3456789017"}, // last nine digits
		{-5, "0000000051"},
	}
	for _, tc := range tests {
		if got := MakeIranCode(tc.prefix); got != tc.want {
			t.Errorf("MakeIranCode(%d) = %q, want %q", tc.prefix, got, tc.want)
		}
	}
	for p := 0; p < 1_000_000_000; p += 7_654_321 {
		code := MakeIranCode(p)
		if got, err := ParseIranCode(code); got != code || err != nil {
			t.Fatalf("ParseIranCode(MakeIranCode(%d) = %q) = %q, %v", p, code, got, err)
		}
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		in   string
		kind Kind
		want string
		err  *Error
	}{
		{"150307 600424", KindIIN, "150307600424", nil},
		{"150307600425", KindIIN, "", ErrCheckDigit},
		{"150307000424", KindIIN, "", ErrCentury},
		{"0012345679", KindIR, "0012345679", nil},
		{"12345679", KindIR, "0012345679", nil},
		{"۱۲۳۴۵۶۷۸۹۱", KindIR, "1234567891", nil},
		{"1111111111", KindIR, "", ErrRepeated},
		{"1234567", "", "", ErrLength},
		{"12345678901", "", "", ErrLength},
		{strings.Repeat("1", 13), "", "", ErrLength},
		{"IIN 150307600424", "", "", ErrDigits},
	}
	for _, tc := range tests {
		kind, got, err := Detect(tc.in)
		if kind != tc.kind || got != tc.want || (tc.err == nil) != (err == nil) || tc.err != nil && err != tc.err {
			t.Errorf("Detect(%q) = %q, %q, %v; want %q, %q, %v", tc.in, kind, got, err, tc.kind, tc.want, tc.err)
		}
	}
}

func TestErrorKeys(t *testing.T) {
	for _, e := range []*Error{ErrLength, ErrDigits, ErrCheckDigit, ErrBirthDate, ErrCentury, ErrRepeated, ErrBirthMismatch, ErrSexMismatch} {
		if !strings.HasPrefix(e.Key(), "natid.") || e.Error() == "" {
			t.Errorf("error %q has key %q", e.Error(), e.Key())
		}
	}
}
