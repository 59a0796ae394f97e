package oosrun

import "testing"

func TestSchoolYear(t *testing.T) {
	for s, want := range map[string]int{"2026/27": 2026, "2026-2027": 2026, "2026": 2026, "۲۰۲۶/۲۷": 2026,
		"2026–27": 2026, "2026/28": 0, "26/27": 0, "": 0, "1850": 0} {
		if y, ok := ParseSchoolYear(s); y != want || ok != (want != 0) {
			t.Errorf("%q: %d %v, want %d", s, y, ok, want)
		}
	}
	if YearLabel(2026) != "2026/27" || YearLabel(2099) != "2099/00" {
		t.Errorf("labels %s %s", YearLabel(2026), YearLabel(2099))
	}
	for s, want := range map[string]string{"": Attending, "Не посещает": NotAttending, "LEFT": Left, "ترک تحصیل": Left} {
		if st, ok := ParseStatus(s); !ok || st != want {
			t.Errorf("%q: %q %v", s, st, ok)
		}
	}
}
