package desk_test

import (
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// overdue moves the deadline of appeal id back to day, as if it had been
// received long ago: the services' clock stands still in the fixture.
func overdue(t *testing.T, f *webtest.Fixture, id int64, day time.Time) {
	t.Helper()
	_, err := f.DB.W.ExecContext(t.Context(), store.Rebind(f.DB.Engine, "UPDATE appeals SET due_on = $1 WHERE id = $2"), day, id)
	webtest.Check(t, err)
}

func TestTheDeskRecordsAndAnswersACall(t *testing.T) {
	f := webtest.New(t)
	child := f.Child(t, "Серикова", "Дана", webtest.Day(2015, 3, 1), "")
	c := f.User(t, "operator@example.org", access.Operator, "en")
	r := c.Get("/desk/new?q=" + url.QueryEscape("Серикова"))
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "<bdi>Серикова Дана</bdi>") ||
		!strings.Contains(r.Body, "about="+webtest.Itoa(child.ID)) {
		t.Fatalf("search on the new page: %d", r.Status)
	}
	// Nothing filled in: every error beside its field.
	r = c.Post("/desk", url.Values{"channel": {"hotline"}})
	for _, want := range []string{`id="kind-error"`, `id="caller_name-error"`, `id="subject-error"`} {
		if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, want) {
			t.Errorf("empty form: %d, lacks %s", r.Status, want)
		}
	}
	r = c.Post("/desk", url.Values{"kind": {"out_of_school_report"}, "channel": {"hotline"}, "caller_name": {"Соседка"},
		"caller_phone": {"+7 701 000 11 22"}, "region": {"kz-75"}, "subject": {"Дана не ходит в школу с сентября"},
		"about": {webtest.Itoa(child.ID)}})
	if r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location, "/desk/") {
		t.Fatalf("record: %d %s", r.Status, r.Body)
	}
	page := r.Location
	r = c.Get(page)
	for _, want := range []string{"Report of a child out of school", "<bdi>Соседка</bdi>", "<bdi>Серикова Дана</bdi>",
		"3 Sep 2026", "2 working days", `<span class="tag">Open</span>`} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("the appeal page lacks %q", want)
		}
	}
	if r = c.Get("/desk"); !strings.Contains(r.Body, "Дана не ходит в школу") || strings.Contains(r.Body, "tag overdue") {
		t.Error("the queue does not list the new appeal, or marks it overdue")
	}
	id := webtest.Must(appealID(page))
	// Friday 28 August: Monday 31 August is the day off of Constitution
	// Day (a Sunday), so Tuesday 1 September is one working day late.
	overdue(t, f, id, webtest.Day(2026, 8, 28))
	r = c.Get("/desk")
	if !strings.Contains(r.Body, `<tr role="row" class="overdue">`) || !strings.Contains(r.Body, "Overdue by 1 working day") ||
		!strings.Contains(r.Body, "1 appeal on this page is overdue.") {
		t.Errorf("the queue does not mark the overdue appeal in words")
	}
	// A stale answer is refused; the right one leaves the overdue state.
	r = c.Post(page+"/answer", url.Values{"outcome": {"referred"}, "answer": {"Передано в отдел образования"}, "version": {"7"}})
	if r.Status != http.StatusUnprocessableEntity && r.Status != http.StatusConflict {
		t.Errorf("stale answer: %d", r.Status)
	}
	r = c.Post(page+"/answer", url.Values{"outcome": {"referred"}, "answer": {"Передано в отдел образования"}, "version": {"1"}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("answer: %d", r.Status)
	}
	r = c.Get(page)
	if !strings.Contains(r.Body, "Referred to another organisation") || !strings.Contains(r.Body, "<strong>Late</strong>") ||
		strings.Contains(r.Body, "tag overdue") {
		t.Error("the answered appeal page")
	}
	if r = c.Get("/desk"); strings.Contains(r.Body, "Дана не ходит") {
		t.Error("the answered appeal is still in the open queue")
	}
	if r = c.Get("/desk?status=answered&kind=out_of_school_report&mine=1"); !strings.Contains(r.Body, "Дана не ходит") {
		t.Error("the filters do not find the answered appeal")
	}
	if r = c.Get("/desk?status=lost"); r.Status != http.StatusOK || !strings.Contains(r.Body, `id="status-error"`) {
		t.Errorf("a bad status: %d", r.Status)
	}
	r = c.Get("/desk/stats?from=2026-09-01&to=2026-09-30")
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "Report of a child out of school") || !strings.Contains(r.Body, "0%") {
		t.Errorf("stats: %d", r.Status)
	}
}

func appealID(path string) (int64, error) {
	return strconv.ParseInt(strings.TrimPrefix(path, "/desk/"), 10, 64)
}

func TestTheRulesAreTheAdministrators(t *testing.T) {
	f := webtest.New(t)
	admin := f.Login(t, "admin@example.org")
	r := admin.Get("/desk/rules?year=2026")
	for _, want := range []string{"Nauryz", "Day off for: Nauryz", "Weekly days off: Saturday, Sunday", `name="days_complaint"`} {
		if r.Status != http.StatusOK || !strings.Contains(r.Body, want) {
			t.Errorf("rules page lacks %q", want)
		}
	}
	if r = admin.Post("/desk/rules/deadlines", url.Values{"days_question": {"0"}, "days_complaint": {"3"}, "days_request_for_aid": {"5"},
		"days_out_of_school_report": {"2"}, "days_other": {"5"}}); r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="days_question-error"`) {
		t.Errorf("zero days: %d", r.Status)
	}
	if r = admin.Post("/desk/rules/deadlines", url.Values{"days_question": {"2"}, "days_complaint": {"3"}, "days_request_for_aid": {"5"},
		"days_out_of_school_report": {"2"}, "days_other": {"5"}}); r.Status != http.StatusSeeOther {
		t.Errorf("save deadlines: %d", r.Status)
	}
	if r = admin.Post("/desk/rules/days", url.Values{"day": {"2026-05-27"}, "name": {"Құрбан айт"}}); r.Status != http.StatusSeeOther {
		t.Errorf("add a day: %d", r.Status)
	}
	r = admin.Get("/desk/rules?year=2026")
	if !strings.Contains(r.Body, `value="2"`) || !strings.Contains(r.Body, "<bdi>Құрбан айт</bdi>") {
		t.Error("the saved rules are not shown")
	}
	if r = admin.Post("/desk/rules/days/remove", url.Values{"day": {"2026-05-27"}}); r.Status != http.StatusSeeOther {
		t.Errorf("remove a day: %d", r.Status)
	}
	coord := f.Login(t, "coord@example.org")
	if r = coord.Get("/desk/rules"); r.Status != http.StatusForbidden {
		t.Errorf("a coordinator opens the rules: %d", r.Status)
	}
}

// On the appeal's page the operator links the request the caller quotes
// by its reference number, typed as it was read out; a number that finds
// nothing is told beside the field.
func TestTheDeskLinksARequestByItsReference(t *testing.T) {
	f := webtest.New(t)
	camp := requeststest.Open(t, f.DB, webtest.Clock(), "road", f.Org.ID, f.Org.Path, "KZ-75")
	child := f.Child(t, "Серикова", "Дана", webtest.Day(2015, 3, 1), "")
	rq, err := f.Svc.Requests.Submit(t.Context(), access.System, requests.Input{CampaignID: camp.ID, PersonID: child.ID,
		ApplicantKind: requests.ByParent, ApplicantName: "Серикова Алма", ApplicantPhone: "+7 701 000 11 22",
		Channel: requests.Hotline, Locale: "ru", Lines: []requests.LineInput{{ItemID: camp.Kit}}, Via: "web"})
	webtest.Check(t, err)
	c := f.User(t, "operator@example.org", access.Operator, "en")
	r := c.Post("/desk", url.Values{"kind": {"question"}, "channel": {"hotline"}, "caller_name": {"Серикова Алма"},
		"region": {"KZ-75"}, "subject": {"Где наша заявка?"}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("record: %d %s", r.Status, r.Body)
	}
	page := r.Location
	if body := c.Get(page).Body; !strings.Contains(body, `name="reference"`) || strings.Contains(body, rq.Reference) {
		t.Fatal("the appeal page has no field for a reference number, or links the request already")
	}
	r = c.Post(page+"/links", url.Values{"reference": {"ZZZ-ZZZ-ZZZ"}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="reference-error"`) {
		t.Fatalf("a wrong number: %d", r.Status)
	}
	typed := strings.ToLower(strings.ReplaceAll(rq.Reference, "-", " "))
	if r = c.Post(page+"/links", url.Values{"reference": {typed}}); r.Status != http.StatusSeeOther || r.Location != page {
		t.Fatalf("link %q: %d %s", typed, r.Status, r.Body)
	}
	if body := c.Get(page).Body; !strings.Contains(body, "The request is linked to the appeal.") || !strings.Contains(body, "<bdi>"+rq.Reference+"</bdi>") {
		t.Error("the appeal page does not show the linked request")
	}
}
