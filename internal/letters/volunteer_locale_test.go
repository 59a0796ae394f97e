package letters

import (
	"testing"

	"github.com/jolproject/jol/internal/i18n"
)

// A volunteer's letter is in the organisation's language when they read
// it, whatever order their languages come in.
func TestVolunteerLocale(t *testing.T) {
	for _, c := range []struct {
		languages     []string
		org, fallback string
		want          i18n.Locale
	}{
		{[]string{"en", "kk", "ru"}, "ru", "en", i18n.RU},
		{[]string{"en", "kk", "ru"}, "fa", "en", i18n.EN},
		{[]string{"de", "fr"}, "ru", "en", i18n.FR},
		{[]string{"de"}, "kk", "en", i18n.KK},
		{nil, "", "fa", i18n.FA},
		{nil, "", "", i18n.EN},
	} {
		if got := volunteerLocale(c.languages, c.org, c.fallback); got != c.want {
			t.Errorf("languages %v, organisation %q, fallback %q: %s, want %s", c.languages, c.org, c.fallback, got, c.want)
		}
	}
}
