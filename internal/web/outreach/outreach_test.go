package outreach_test

import (
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/charities"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/valid"
	"github.com/jolproject/jol/internal/web/webtest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// A worker opens the queue and the case, records a visit, the needs and
// a referral; the charity's staff see it in their inbox without the
// child's name and accept it; the worker enrols the child and records the
// one-month check. A second save against an old version is refused in the
// worker's language.
func TestAWorkerWalksACase(t *testing.T) {
	f := webtest.New(t)
	ctx := t.Context()
	school := webtest.Must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "School 7", Type: orgs.School,
		ParentID: f.Org.ID, RegionCode: "KZ-75"}))
	kid := f.Child(t, "Nurlanova", "Aru", webtest.Day(2015, 5, 1), "")
	res, err := f.Svc.Outreach.Flag(ctx, access.System, []outreach.Flagged{{PersonID: kid.ID,
		Category: outreach.DroppedOut, Visibility: outreach.SemiInvisible, Confidence: 0.87, Why: "no school list",
		OrgID: f.Org.ID}})
	webtest.Check(t, err)
	if res.Created != 1 {
		t.Fatalf("flag %+v", res)
	}
	corg := webtest.Must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Shipa", Type: orgs.Charity, RegionCode: "KZ-75"}))
	ch := webtest.Must(f.Svc.Charities.Create(ctx, access.System, charities.Input{Name: "Shipa", OrgID: corg.ID,
		Capacity: 3, Active: true, Domains: []charities.Domain{charities.Health}, RegionCodes: []string{"KZ-75"}}))
	webtest.Must(f.Svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "shipa@example.org", Name: "Shipa staff",
		Role: access.Charity, OrgID: corg.ID, Locale: "en", Password: webtest.Password}))

	worker := f.User(t, "worker@example.org", access.Outreach, "ru")
	q := worker.Get("/outreach")
	if q.Status != 200 || !strings.Contains(q.Body, "Nurlanova Aru") || !strings.Contains(q.Body, "87 %") {
		t.Fatalf("queue %d %s", q.Status, q.Body)
	}
	id := webtest.Itoa((scalar(t, f, "SELECT id FROM outreach_cases")))
	page := worker.Get("/outreach/" + id)
	if page.Status != 200 || !strings.Contains(page.Body, `action="/outreach/`+id+`/contact"`) {
		t.Fatalf("case page %d %s", page.Status, page.Body)
	}
	post := func(act string, v url.Values) webtest.Response {
		t.Helper()
		c := webtest.Must(f.Svc.Outreach.Get(ctx, access.System, webtest.Must(strconvID(id)), "web"))
		v.Set("version", webtest.Itoa(int64(c.Version)))
		return worker.Post("/outreach/"+id+"/"+act, v)
	}
	if r := post("contact", url.Values{"mode": {"visit"}, "reason": {"health"}}); r.Status != 303 {
		t.Fatalf("contact %d %s", r.Status, r.Body)
	}
	stale := worker.Post("/outreach/"+id+"/contact", url.Values{"version": {"1"}, "mode": {"call"}, "reason": {"work"}})
	if stale.Status != 422 || !strings.Contains(stale.Body, "Другой сотрудник только что изменил этот случай") {
		t.Fatalf("stale save %d", stale.Status)
	}
	// Each need carries its note; a refused one comes back beside its
	// field with what was typed, and a recorded need stays ticked.
	long := strings.Repeat("x", valid.MaxNote+1)
	if r := post("needs", url.Values{"needs": {"health"}, "note_health": {long}}); r.Status != 422 ||
		!strings.Contains(r.Body, `id="note_health-error"`) || !strings.Contains(r.Body, `value="`+long+`"`) {
		t.Fatalf("a note too long: %d", r.Status)
	}
	if r := post("needs", url.Values{"needs": {"health"}, "note_health": {"needs a wheelchair"}}); r.Status != 303 {
		t.Fatalf("needs %d %s", r.Status, r.Body)
	}
	c := webtest.Must(f.Svc.Outreach.Get(ctx, access.System, webtest.Must(strconvID(id)), "web"))
	if len(c.Needs) != 1 || c.Needs[0].Note != "needs a wheelchair" {
		t.Fatalf("needs %+v", c.Needs)
	}
	page = worker.Get("/outreach/" + id)
	if !strings.Contains(page.Body, `<input type="hidden" name="needs" value="health">`) ||
		!strings.Contains(page.Body, `name="note_health" dir="auto" maxlength="2000" value="needs a wheelchair"`) {
		t.Fatalf("the needs form does not keep the recorded need: %s", page.Body)
	}
	if _, form, _ := strings.Cut(page.Body, `id="refer-form"`); !strings.Contains(strings.SplitN(form, "</form>", 2)[0], `name="note"`) {
		t.Fatalf("the referral form has no note: %s", page.Body)
	}
	if r := post("refer", url.Values{"need": {"health"}, "charity": {webtest.Itoa(ch.ID)}, "note": {"appointment on Monday"}}); r.Status != 303 {
		t.Fatalf("refer %d %s", r.Status, r.Body)
	}
	if note := scalarText(t, f, "SELECT note FROM outreach_referrals"); note != "appointment on Monday" {
		t.Fatalf("the referral's note reads %q", note)
	}

	staff := f.Login(t, "shipa@example.org")
	inbox := staff.Get("/referrals")
	if inbox.Status != 200 || strings.Contains(inbox.Body, "Nurlanova") || !strings.Contains(inbox.Body, "Not shared by the family") {
		t.Fatalf("inbox %d %s", inbox.Status, inbox.Body)
	}
	if r := staff.Get("/outreach/" + id); r.Status != 403 {
		t.Fatalf("charity staff open the case: %d", r.Status)
	}
	refID := webtest.Itoa((scalar(t, f, "SELECT id FROM outreach_referrals")))
	if r := staff.Post("/referrals/"+refID, url.Values{"answer": {"accept"}}); r.Status != 303 {
		t.Fatalf("accept %d %s", r.Status, r.Body)
	}
	// The worker of an organisation chooses the school: none is chosen
	// for them.
	if page := worker.Get("/outreach/" + id); !strings.Contains(page.Body, `<select id="school" name="school"><option value="" dir="auto">`) {
		t.Fatalf("the enrolment form chooses a school: %s", page.Body)
	}
	if r := post("enrol", url.Values{"school": {""}}); r.Status != 422 || !strings.Contains(r.Body, `id="school-error"`) {
		t.Fatalf("enrol at no school: %d", r.Status)
	}
	if r := post("enrol", url.Values{"school": {webtest.Itoa(school.ID)}}); r.Status != 303 {
		t.Fatalf("enrol %d %s", r.Status, r.Body)
	}
	if r := post("check", url.Values{"attending": {"yes"}}); r.Status != 303 {
		t.Fatalf("check %d %s", r.Status, r.Body)
	}
	page = worker.Get("/outreach/" + id)
	for _, want := range []string{"Зачислен", "Принято", "Проверка через 1 месяц: Посещает"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("case page lacks %q", want)
		}
	}
	if n := scalar(t, f, "SELECT count(*) FROM access_log WHERE subject_kind = 'outreach_case'"); n < 3 {
		t.Fatalf("%d access-log entries", n)
	}
	if r := worker.Get("/outreach/funnel"); r.Status != 200 || !strings.Contains(r.Body, "<bdi>Алматы</bdi>") {
		t.Fatalf("funnel %d", r.Status)
	}
	if r := f.Login(t, f.Coord.Email).Get("/charities"); r.Status != 200 || !strings.Contains(r.Body, "1 of 3 taken") {
		t.Fatalf("charities %d %s", r.Status, r.Body)
	}
}

func strconvID(s string) (int64, error) { return strconv.ParseInt(s, 10, 64) }

// scalar reads one number from the database.
func scalar(t *testing.T, f *webtest.Fixture, q string) int64 {
	t.Helper()
	var n int64
	webtest.Check(t, f.DB.R.QueryRow(q).Scan(&n))
	return n
}

func scalarText(t *testing.T, f *webtest.Fixture, q string) string {
	t.Helper()
	var s string
	webtest.Check(t, f.DB.R.QueryRow(q).Scan(&s))
	return s
}
