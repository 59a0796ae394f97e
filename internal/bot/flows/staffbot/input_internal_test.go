package staffbot

import "testing"

// TestDuration reads the times a volunteer types, in any digits and
// with either decimal separator, and refuses what is not a time.
func TestDuration(t *testing.T) {
	for in, want := range map[string]int{"3": 180, "2.5": 150, "2,5": 150, "۲٫۵": 150, "2:30": 150, "۱:۰۵": 65, " 0.25 ": 15} {
		if got, ok := duration(in); !ok || got != want {
			t.Errorf("duration(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"lots", "-1", "1:75", "2:-5", "1000", ""} {
		if got, ok := duration(in); ok {
			t.Errorf("duration(%q) = %d, want a refusal", in, got)
		}
	}
	for in, want := range map[string]int64{"12": 12, "۱۲": 12, "-3": -3} {
		if got, ok := whole(in); !ok || got != want {
			t.Errorf("whole(%q) = %d, %v", in, got, ok)
		}
	}
	if _, ok := whole("3.5"); ok {
		t.Error("whole read 3.5")
	}
}
