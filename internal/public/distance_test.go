package public_test

import (
	"testing"

	"github.com/jolproject/jol/internal/public"
)

func TestParseKmReadsWhatFamiliesType(t *testing.T) {
	for _, c := range []struct {
		in   string
		km   float64
		fine bool
	}{
		{"3", 3, true}, {" 2.5 ", 2.5, true}, {"2,5", 2.5, true}, {"۲٫۵", 2.5, true}, {"۱۲", 12, true},
		{"٣٫٧٥", 3.75, true}, {"۰", 0, true}, {".5", 0.5, true}, {"7.", 7, true}, {"1,500", 1.5, true},
		{"", 0, false}, {".", 0, false}, {"-1", 0, false}, {"+1", 0, false}, {"1e3", 0, false}, {"NaN", 0, false},
		{"Inf", 0, false}, {"1.2.3", 0, false}, {"1 000", 0, false}, {"2 km", 0, false}, {"0x10", 0, false},
		{"1111111111111", 0, false}, {"١٬٢", 0, false},
	} {
		km, ok := public.ParseKm(c.in)
		if ok != c.fine || ok && km != c.km {
			t.Errorf("ParseKm(%q) = %v, %v; want %v, %v", c.in, km, ok, c.km, c.fine)
		}
	}
}
