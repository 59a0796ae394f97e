package distribution_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/web/webtest"
)

// On a Persian page the day's printed list keeps each request's reference
// in the Latin letters and digits the family's message carries and the
// handover's search takes, while the day's date and hours read in Persian
// digits; the search tells where the number is found.
func TestPersianListKeepsTheReferences(t *testing.T) {
	f := setup(t)
	a := f.request(t, "Akhmetova", "Dana")
	c := f.User(t, "hamahang@example.org", access.Coordinator, "fa")
	r := c.Post("/distribution", url.Values{"campaign_id": {webtest.Itoa(f.campaign.ID)}, "warehouse_id": {webtest.Itoa(f.point.ID)},
		"place": {"School gym"}, "starts_on": {"2026-09-05"}, "starts_time": {"09:00"}, "ends_time": {"15:00"}, "whole_point": {"on"}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("plan a day: %d", r.Status)
	}
	event := r.Location
	// The day's hours read once, with the day written once.
	if r = c.Get(event); !strings.Contains(r.Body, `id="event-when">۱۴۰۵/۰۶/۱۴ ۰۹:۰۰–۱۵:۰۰</dd>`) {
		t.Errorf("the day's hours: %s", r.Body[strings.Index(r.Body, "<main"):])
	}
	r = c.Get(event + "/list")
	if r.Status != http.StatusOK {
		t.Fatalf("the list: %d", r.Status)
	}
	if !strings.Contains(r.Body, `<code class="ref" dir="ltr">`+a.Reference+`</code>`) {
		t.Errorf("the list lacks the reference %s as written", a.Reference)
	}
	if persian := i18n.FA.Digits(a.Reference); persian != a.Reference && strings.Contains(r.Body, persian) {
		t.Errorf("the list shows the reference in Persian digits: %s", persian)
	}
	if !strings.Contains(r.Body, "۱۴۰۵/۰۶/۱۴") {
		t.Error("the list's date is not in the Solar Hijri calendar with Persian digits")
	}
	if r = c.Get(event + "/handover"); !strings.Contains(r.Body, `id="ref-help"`) || !strings.Contains(r.Body, `aria-describedby="ref-help"`) {
		t.Error("the handover's search does not say where the number is found")
	}
}
