package requests_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/web/webtest"
)

// The operator records how far the child lives from school, typed with a
// comma or Persian digits; a word or a distance past the limit is
// refused beside the field in the operator's language, and the request's
// page shows the distance in the reader's digits and separator.
func TestNewRequestRecordsDistanceToSchool(t *testing.T) {
	f := webtest.New(t)
	c := requeststest.Open(t, f.DB, webtest.Clock(), "road", f.Org.ID, f.Org.Path, "KZ-75")
	child := f.Child(t, "Ахметова", "Мадина", webtest.Day(2017, 3, 10), "")
	ru := f.User(t, "ru@example.org", access.Operator, "ru")
	fa := f.User(t, "fa@example.org", access.Operator, "fa")
	newPage := "/people/" + itoa(child.ID) + "/requests"
	if r := ru.Get(newPage + "/new"); !strings.Contains(r.Body, `name="distance_km"`) || !strings.Contains(r.Body, "Расстояние от дома до школы") {
		t.Fatal("the new-request form has no distance field")
	}
	form := url.Values{"campaign": {itoa(c.ID)}, "applicant_kind": {"parent"}, "channel": {"hotline"}, "locale": {"ru"},
		"qty-" + itoa(c.Kit): {"1"}, "distance_km": {"далеко"}}
	for _, bad := range []string{"далеко", "350", "-1", "4.5.1"} {
		form.Set("distance_km", bad)
		r := ru.Post(newPage, form)
		if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="distance_km-error"`) ||
			!strings.Contains(r.Body, "от 0 до 300") || !strings.Contains(r.Body, `value="`+bad+`"`) {
			t.Errorf("distance %q: %d", bad, r.Status)
		}
	}
	form.Set("distance_km", "۴٫۵")
	r := ru.Post(newPage, form)
	if r.Status != http.StatusSeeOther {
		t.Fatalf("create: %d %s", r.Status, r.Body)
	}
	if body := ru.Get(r.Location).Body; !strings.Contains(body, `<dd id="distance">4,5 км</dd>`) {
		t.Error("the request page does not show the distance in Russian")
	}
	x := webtest.Must(f.Svc.Requests.Get(t.Context(), access.System, 1, "web"))
	body := fa.Get(r.Location).Body
	if !strings.Contains(body, `<dd id="distance">۴٫۵ کیلومتر</dd>`) {
		t.Error("the request page does not show the distance in Persian")
	}
	// A reference number is quoted on the phone as printed: its digits stay
	// Latin on a Persian page.
	if !strings.Contains(body, `<code class="ref">`+x.Reference+`</code>`) {
		t.Errorf("the Persian request page does not show reference %s as it is", x.Reference)
	}
	if x.DistanceKm == nil || *x.DistanceKm != 4.5 {
		t.Errorf("stored distance %v", x.DistanceKm)
	}
}
