package mentorship_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/web/webtest"
)

// A refusal that names a day writes it as the reader's pages do: in
// their digits and calendar, never as the ISO day.
func TestRefusalWritesTheDayInTheReadersCalendar(t *testing.T) {
	f, ms := seed(t)
	page := "/mentorships/" + webtest.Itoa(ms.Adult) + "/sessions"
	future := url.Values{"held_on": {"2026-09-05"}, "minutes": {"60"}, "format": {"online"}, "topic": {"Plans"}}
	for locale, day := range map[string]string{"ru": "01.09.2026", "kk": "01.09.2026", "fa": "۱۴۰۵/۰۶/۱۰"} {
		c := f.User(t, locale+"@example.org", access.Coordinator, locale)
		want(t, locale, c.Post(page, future), http.StatusUnprocessableEntity, "("+day+")")
		if r := c.Post(page, future); strings.Contains(r.Body, "(2026-09-01)") {
			t.Errorf("%s: the ISO day in the refusal", locale)
		}
	}
}
