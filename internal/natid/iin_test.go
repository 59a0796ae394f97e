package natid

import (
	"testing"
	"time"
)

// Worked examples (digits d1…d11, check digit d12):
//
// 150307600424, a girl born 2015-03-07 (seventh digit 6: 2000s, female):
//
//	1·1 + 5·2 + 0·3 + 3·4 + 0·5 + 7·6 + 6·7 + 0·8 + 0·9 + 4·10 + 2·11
//	= 1 + 10 + 0 + 12 + 0 + 42 + 42 + 0 + 0 + 40 + 22 = 169
//	169 mod 11 = 4, the twelfth digit: valid.
//
// 080615500107, a boy born 2008-06-15 (5: 2000s, male), needs the second
// weights:
//
//	0·1 + 8·2 + 0·3 + 6·4 + 1·5 + 5·6 + 5·7 + 0·8 + 0·9 + 1·10 + 0·11 = 120
//	120 mod 11 = 10, so again with weights 3, 4, …, 11, 1, 2:
//	0·3 + 8·4 + 0·5 + 6·6 + 1·7 + 5·8 + 5·9 + 0·10 + 0·11 + 1·1 + 0·2 = 161
//	161 mod 11 = 7, the twelfth digit: valid.
//
// 08061550017x is never issued, whatever its last digit x:
//
//	0·1 + 8·2 + 0·3 + 6·4 + 1·5 + 5·6 + 5·7 + 0·8 + 0·9 + 1·10 + 7·11 = 197
//	197 mod 11 = 10;
//	0·3 + 8·4 + 0·5 + 6·6 + 1·7 + 5·8 + 5·9 + 0·10 + 0·11 + 1·1 + 7·2 = 175
//	175 mod 11 = 10: invalid (ErrCheckDigit).
//
// 150307600425 is the first example with a wrong check digit: 169 mod 11
// is 4, not 5: invalid (ErrCheckDigit).

func TestParseIINValid(t *testing.T) {
	girl := IIN{"150307600424", time.Date(2015, 3, 7, 0, 0, 0, 0, time.UTC), Female}
	boy := IIN{"080615500107", time.Date(2008, 6, 15, 0, 0, 0, 0, time.UTC), Male}
	tests := []struct {
		in   string
		want IIN
	}{
		{"150307600424", girl},
		{" 150307 600424 ", girl},
		{"1503-0760-0424", girl},
		{"۱۵۰۳۰۷۶۰۰۴۲۴", girl},
		{"\u200e١٥٠٣٠٧٦٠٠٤٢٤\u200f", girl},
		{"080615500107", boy},
		{"991231200017", IIN{"991231200017", time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC), Female}},
		{"990228301230", IIN{"990228301230", time.Date(1999, 2, 28, 0, 0, 0, 0, time.UTC), Male}},
	}
	for _, tc := range tests {
		got, err := ParseIIN(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseIIN(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
}

func TestParseIINErrors(t *testing.T) {
	tests := []struct {
		in   string
		want *Error
	}{
		{"", ErrLength},
		{"15030760042", ErrLength},
		{"1503076004241", ErrLength},
		{"15030760042412345678", ErrLength},
		{"15030760042a", ErrDigits},
		{"150307.600424", ErrDigits},
		{"150307+600424", ErrDigits},
		{"150307\x00600424", ErrDigits},
		{"150307000424", ErrCentury}, // seventh digit 0
		{"150307700424", ErrCentury},
		{"151307600424", ErrBirthDate}, // month 13
		{"150230600424", ErrBirthDate}, // 30 February
		{"150229600424", ErrBirthDate}, // 2015 is not a leap year
		{"150300600424", ErrBirthDate}, // day 0
		{"150307600425", ErrCheckDigit},
		{"080615500170", ErrCheckDigit}, // never issued
		{"080615500179", ErrCheckDigit},
	}
	for _, tc := range tests {
		got, err := ParseIIN(tc.in)
		if err != tc.want {
			t.Errorf("ParseIIN(%q) = %+v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}
