package aftercare

import (
	"testing"

	"github.com/jolproject/jol/internal/i18n"
)

// A time reported reads without a zero part: "45 min" rather than
// "0 h 45 min", "2 h" rather than "2 h 0 min".
func TestDurationLeavesOutAZeroPart(t *testing.T) {
	cat, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	en, fa := cat.Localizer(i18n.EN), cat.Localizer(i18n.FA)
	for _, c := range []struct {
		l       *i18n.Localizer
		minutes int
		want    string
	}{
		{en, 45, "45 min"}, {en, 120, "2 h"}, {en, 90, "1 h 30 min"}, {fa, 45, "۴۵ دقیقه"}, {fa, 135, "۲ ساعت و ۱۵ دقیقه"},
	} {
		if got := duration(c.l, c.minutes); got != c.want {
			t.Errorf("%d minutes: %q, want %q", c.minutes, got, c.want)
		}
	}
}
