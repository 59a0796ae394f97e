package text

import (
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"31.12.2015", day(2015, 12, 31)},
		{"1.2.2015", day(2015, 2, 1)},
		{"01.02.2015", day(2015, 2, 1)},
		{"29.02.2016", day(2016, 2, 29)},
		{"31/12/2015", day(2015, 12, 31)},
		{"05/10/2015", day(2015, 10, 5)}, // day first, never US order
		{"31-12-2015", day(2015, 12, 31)},
		{"2015-12-31", day(2015, 12, 31)},
		{"2015/12/31", day(2015, 12, 31)},
		{"2015-1-2", day(2015, 1, 2)},
		{"  31.12.2015 ", day(2015, 12, 31)},
		{"١٠.٠٥.٢٠١٥", day(2015, 5, 10)},
		// Solar Hijri: 1402/01/01 is Nowruz, 2023-03-21; months 1-4 have
		// 31 days, so 1402/05/10 is 124 + 9 days later.
		{"1402/01/01", day(2023, 3, 21)},
		{"1402/05/10", day(2023, 8, 1)},
		{"۱۴۰۲/۰۵/۱۰", day(2023, 8, 1)},
		{"\u200e۱۴۰۲/۵/۱۰\u200f", day(2023, 8, 1)},
		{"10/05/1402", day(2023, 8, 1)},
		{"1402-05-10", day(2023, 8, 1)},
		{"1403/12/30", day(2025, 3, 20)}, // 1403 is a leap year
	}
	for _, tc := range tests {
		got, err := ParseDate(tc.in)
		if err != nil || !got.Equal(tc.want) || got.Location() != time.UTC {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}

func TestParseDateErrors(t *testing.T) {
	tests := []struct {
		in   string
		want *Error
	}{
		{"", ErrDateFormat},
		{"   ", ErrDateFormat},
		{"20151231", ErrDateFormat}, // bare number
		{"42000", ErrDateFormat},    // an Excel serial: see ParseExcelSerial
		{"31.12", ErrDateFormat},
		{"31.12.2015.1", ErrDateFormat},
		{"31.12/2015", ErrDateFormat},
		{"31..2015", ErrDateFormat},
		{"31.12.20150", ErrDateFormat},
		{"310.12.2015", ErrDateFormat},
		{"2015-12-31T10:00", ErrDateFormat},
		{"31 Dec 2015", ErrDateFormat},
		{"2015-123-1", ErrDateFormat},
		{"+1.-2.2015", ErrDateFormat},
		{"31.12.15", ErrDateTwoDigit},
		{"1/2/03", ErrDateTwoDigit},
		{"31.02.2015", ErrDateNonexistent},
		{"29.02.2015", ErrDateNonexistent},
		{"00.01.2015", ErrDateNonexistent},
		{"01.13.2015", ErrDateNonexistent},
		{"2015-00-10", ErrDateNonexistent},
		{"1401/12/30", ErrDateNonexistent}, // 1401 is a common year
		{"1402/07/31", ErrDateNonexistent}, // months 7-11 have 30 days
		{"1402/13/01", ErrDateNonexistent},
		{"0999-01-01", ErrDateRange},
		{"01.01.0015", ErrDateRange},
	}
	for _, tc := range tests {
		if got, err := ParseDate(tc.in); err != tc.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}

func TestParseExcelSerial(t *testing.T) {
	tests := []struct {
		n    int
		want time.Time
		err  *Error
	}{
		{1, day(1900, 1, 1), nil},
		{59, day(1900, 2, 28), nil},
		{60, time.Time{}, ErrDateNonexistent}, // Excel's 29 February 1900
		{61, day(1900, 3, 1), nil},
		{45000, day(2023, 3, 15), nil},
		{100000, day(2173, 10, 14), nil},
		{0, time.Time{}, ErrDateRange},
		{-1, time.Time{}, ErrDateRange},
		{100001, time.Time{}, ErrDateRange},
	}
	for _, tc := range tests {
		got, err := ParseExcelSerial(tc.n)
		if !got.Equal(tc.want) || tc.err == nil && err != nil || tc.err != nil && err != tc.err {
			t.Errorf("ParseExcelSerial(%d) = %v, %v; want %v, %v", tc.n, got, err, tc.want, tc.err)
		}
	}
}

func TestDateErrorKeys(t *testing.T) {
	want := map[*Error]string{
		ErrDateFormat:      "date.format",
		ErrDateTwoDigit:    "date.two_digit_year",
		ErrDateNonexistent: "date.nonexistent",
		ErrDateRange:       "date.range",
	}
	for e, key := range want {
		if e.Key() != key || e.Error() == "" {
			t.Errorf("error %q has key %q, want %q", e.Error(), e.Key(), key)
		}
	}
}
