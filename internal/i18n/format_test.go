package i18n

import (
	"math"
	"testing"
	"time"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		locale Locale
		n      int64
		want   string
	}{
		{EN, 0, "0"},
		{EN, 999, "999"},
		{EN, 1234567, "1,234,567"},
		{EN, -1000, "-1,000"},
		{EN, math.MinInt64, "-9,223,372,036,854,775,808"},
		{RU, 1234567, "1\u00a0234\u00a0567"},
		{KK, 12345, "12\u00a0345"},
		{FR, 1234567, "1\u202f234\u202f567"},
		{FA, 1234567, "۱٬۲۳۴٬۵۶۷"},
		{FA, 100, "۱۰۰"},
		{FA, -5, "\u200e\u2212۵"},
		{"xx", 1000, "1,000"},
	}
	for _, tt := range tests {
		if got := tt.locale.Number(tt.n); got != tt.want {
			t.Errorf("%s.Number(%d) = %q, want %q", tt.locale, tt.n, got, tt.want)
		}
	}
	c := newCatalog(t)
	if got := c.Localizer(FA).Number(2021); got != "۲٬۰۲۱" {
		t.Errorf("Localizer(fa).Number(2021) = %q", got)
	}
}

func TestDecimal(t *testing.T) {
	tests := []struct {
		locale Locale
		v      float64
		places int
		want   string
	}{
		{EN, 0, 1, "0"},
		{EN, 4.5, 1, "4.5"},
		{EN, 1234.25, 3, "1,234.25"},
		{EN, 7.0004, 3, "7"},
		{EN, 2.96, 1, "3"},
		{EN, -0.5, 1, "-0.5"},
		{RU, 1234.5, 1, "1\u00a0234,5"},
		{KK, 0.75, 2, "0,75"},
		{FR, 12.5, 1, "12,5"},
		{FA, 1234.5, 1, "۱٬۲۳۴\u066b۵"},
		{FA, -2.5, 1, "\u200e\u2212۲\u066b۵"},
	}
	for _, tt := range tests {
		if got := tt.locale.Decimal(tt.v, tt.places); got != tt.want {
			t.Errorf("%s.Decimal(%v, %d) = %q, want %q", tt.locale, tt.v, tt.places, got, tt.want)
		}
	}
}

func TestDigits(t *testing.T) {
	if got := FA.Digits("Room 0123456789-b"); got != "Room ۰۱۲۳۴۵۶۷۸۹-b" {
		t.Errorf("FA.Digits = %q", got)
	}
	for _, l := range []Locale{KK, RU, EN, FR} {
		if got := l.Digits("2021"); got != "2021" {
			t.Errorf("%s.Digits(2021) = %q", l, got)
		}
	}
}

func TestDate(t *testing.T) {
	day := time.Date(2021, time.July, 3, 9, 5, 0, 0, time.UTC)
	tests := []struct {
		locale         Locale
		date, dateTime string
	}{
		{FA, "۱۴۰۰/۰۴/۱۲", "۱۴۰۰/۰۴/۱۲ ۰۹:۰۵"},
		{KK, "03.07.2021", "03.07.2021 09:05"},
		{RU, "03.07.2021", "03.07.2021 09:05"},
		{EN, "3 Jul 2021", "3 Jul 2021 09:05"},
		{FR, "03/07/2021", "03/07/2021 09:05"},
	}
	for _, tt := range tests {
		if got := tt.locale.Date(day); got != tt.date {
			t.Errorf("%s.Date = %q, want %q", tt.locale, got, tt.date)
		}
		if got := tt.locale.DateTime(day); got != tt.dateTime {
			t.Errorf("%s.DateTime = %q, want %q", tt.locale, got, tt.dateTime)
		}
	}
	nowruz := time.Date(2021, time.March, 21, 0, 0, 0, 0, time.UTC)
	leapDay := time.Date(2025, time.March, 20, 0, 0, 0, 0, time.UTC)
	forced := []struct {
		locale   Locale
		t        time.Time
		calendar string
		want     string
	}{
		{FA, nowruz, CalendarSolarHijri, "۱۴۰۰/۰۱/۰۱"},
		{FA, leapDay, CalendarSolarHijri, "۱۴۰۳/۱۲/۳۰"},
		{FA, day, CalendarGregorian, "۲۰۲۱/۰۷/۰۳"},
		{RU, day, CalendarSolarHijri, "1400/04/12"},
		{EN, day, "julian", "3 Jul 2021"},
		{FA, day, "", "۱۴۰۰/۰۴/۱۲"},
	}
	for _, tt := range forced {
		if got := tt.locale.DateWithCalendar(tt.t, tt.calendar); got != tt.want {
			t.Errorf("%s.DateWithCalendar(%s, %q) = %q, want %q", tt.locale, tt.t.Format(time.DateOnly), tt.calendar, got, tt.want)
		}
	}
	if got := newCatalog(t).Localizer(RU).DateTimeWithCalendar(day, CalendarSolarHijri); got != "1400/04/12 09:05" {
		t.Errorf("Localizer(ru).DateTimeWithCalendar = %q", got)
	}
}

func TestJalali(t *testing.T) {
	if y, m, d := ToJalali(time.Date(2021, time.July, 3, 23, 0, 0, 0, time.UTC)); y != 1400 || m != 4 || d != 12 {
		t.Errorf("ToJalali(2021-07-03) = %d/%d/%d", y, m, d)
	}
	for _, tt := range []struct {
		y, m, d int
		want    string
	}{
		{1400, 1, 1, "2021-03-21"},
		{1400, 4, 12, "2021-07-03"},
		{1403, 12, 30, "2025-03-20"}, // 1403 is a leap year
		{1404, 1, 1, "2025-03-21"},
	} {
		got, err := FromJalali(tt.y, tt.m, tt.d)
		if err != nil || got.Format(time.DateOnly) != tt.want || got.Location() != time.UTC {
			t.Errorf("FromJalali(%d, %d, %d) = %v, %v; want %s UTC", tt.y, tt.m, tt.d, got, err, tt.want)
		}
	}
	// 1401 is not a leap year (go-jalaali: leap years around it are 1399 and 1403).
	for _, bad := range [][3]int{{1400, 13, 1}, {1400, 0, 1}, {1401, 12, 30}, {1400, 7, 31}, {1400, 1, 0}, {1400, 1, 32}, {4000, 1, 1}} {
		if got, err := FromJalali(bad[0], bad[1], bad[2]); err == nil {
			t.Errorf("FromJalali(%d, %d, %d) = %v, want an error", bad[0], bad[1], bad[2], got)
		}
	}
	if !IsJalaliLeapYear(1403) || IsJalaliLeapYear(1401) || !IsJalaliLeapYear(1399) {
		t.Error("IsJalaliLeapYear disagrees with the Solar Hijri calendar for 1399, 1401 or 1403")
	}
	if n, err := JalaliMonthLength(1401, 12); err != nil || n != 29 {
		t.Errorf("JalaliMonthLength(1401, 12) = %d, %v; want 29", n, err)
	}
	if _, err := JalaliMonthLength(1401, 13); err == nil {
		t.Error("JalaliMonthLength(1401, 13) gave no error")
	}
}
