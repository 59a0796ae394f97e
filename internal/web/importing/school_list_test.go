package importing_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/requests/requeststest"
)

// A coordinator uploads a school's list, is told to choose the campaign,
// chooses it among the open ones (a closed one is not offered and is
// refused), and the import's page says how many requests were made.
func TestSchoolListChoosesTheCampaign(t *testing.T) {
	f := newFixture(t)
	open := requeststest.Open(t, f.DB, clock(), "road", f.Org.ID, f.Org.Path)
	closed := requeststest.Open(t, f.DB, clock(), "old", f.Org.ID, f.Org.Path)
	if _, err := f.DB.W.ExecContext(t.Context(), "UPDATE campaigns SET status = 'closed' WHERE id = "+itoa(closed.ID)); err != nil {
		t.Fatal(err)
	}
	coord := f.Login(t, "coord@example.org")
	list := "last name,first name,birth date,item,size\nАхметова,Мадина,12.02.2017,test_uniform,M\nКим,Ольга,03.06.2017,,\n"
	up := uploadList(coord, url.Values{"org": {itoa(f.Org.ID)}, "target": {"school-list"}}, "pupils.csv", []byte(list))
	if up.Status != http.StatusSeeOther {
		t.Fatalf("upload: %d %s", up.Status, up.Body)
	}
	page := coord.Get(up.Location).Body
	if !strings.Contains(page, `id="campaign-title"`) || !strings.Contains(page, `<option value="`+itoa(open.ID)+`"`) ||
		strings.Contains(page, `<option value="`+itoa(closed.ID)+`"`) || !strings.Contains(page, "Choose the campaign") {
		t.Fatalf("the campaign's choice: %s", page)
	}
	if res := coord.Post(up.Location+"/campaign", url.Values{"campaign": {itoa(closed.ID)}}); res.Status == http.StatusSeeOther {
		t.Fatal("a closed campaign was chosen")
	}
	if res := coord.Post(up.Location+"/campaign", url.Values{"campaign": {itoa(open.ID)}}); res.Status != http.StatusSeeOther {
		t.Fatalf("choose: %d %s", res.Status, res.Body)
	}
	if page := coord.Get(up.Location).Body; !strings.Contains(page, `id="campaign-chosen"><bdi>road</bdi>`) {
		t.Fatalf("the chosen campaign is not shown: %s", page)
	}
	run := coord.Post(up.Location+"/runs", url.Values{"mode": {"import"}})
	if run.Status != http.StatusSeeOther {
		t.Fatalf("import: %d %s", run.Status, run.Body)
	}
	work(t, f)
	body := finished(coord, run.Location)
	if !strings.Contains(body, "Read 2: 2 children registered with a new request, 0 children found in the registry") {
		t.Fatalf("the run's summary: %s", body)
	}
}
