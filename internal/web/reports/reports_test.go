package reports_test

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// The report room: producing is refused for an open campaign and a second
// time, in the coordinator's language; once produced, the PDF and the
// workbook download and the public page shows aggregates only, no count
// under 5 and no child's name, in Persian right to left; a coordinator of
// another organisation neither produces nor downloads.
func TestReportRoom(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	c := requeststest.Open(t, f.DB, webtest.Clock(), "road", f.Org.ID, f.Org.Path, "KZ-75")
	for i, status := range []string{"delivered", "delivered", "delivered", "delivered", "delivered", "delivered", "delivered",
		"approved", "approved", "approved", "approved", "approved", "approved", "rejected", "rejected"} {
		request(t, f, c, i, status)
	}
	id := webtest.Itoa(c.ID)
	ru := f.User(t, "ru@example.org", access.Coordinator, "ru")
	if r := ru.Post("/campaigns/"+id+"/report", nil); r.Status != http.StatusConflict ||
		!strings.Contains(r.Body, "Отчёт формируется только по закрытой кампании") || !strings.Contains(r.Body, "«Открыта»") {
		t.Fatalf("an open campaign's report: %d\n%s", r.Status, r.Body)
	}
	cur := webtest.Must(f.Svc.Campaigns.Get(ctx, access.System, c.ID))
	webtest.Must(f.Svc.Campaigns.Transition(ctx, access.System, c.ID, cur.Version, campaign.Closed))

	other := webtest.Must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Karaganda Charity", Type: orgs.Charity, RegionCode: "KZ-35"}))
	webtest.Must(f.Svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "kar@example.org", Name: "Karaganda",
		Role: access.Coordinator, OrgID: other.ID, Region: "KZ-35", Locale: "en", Password: webtest.Password}))
	kar := f.Login(t, "kar@example.org")
	if r := kar.Post("/campaigns/"+id+"/report", nil); r.Status != http.StatusNotFound {
		t.Errorf("another organisation's coordinator produced: %d", r.Status)
	}

	if r := ru.Post("/campaigns/"+id+"/report", nil); r.Status != http.StatusSeeOther || r.Location != "/campaigns/"+id {
		t.Fatalf("producing: %d %s\n%s", r.Status, r.Location, r.Body)
	}
	if r := ru.Post("/campaigns/"+id+"/report", nil); r.Status != http.StatusConflict || !strings.Contains(r.Body, "Отчёт этой кампании уже сформирован") {
		t.Errorf("a second report: %d\n%s", r.Status, r.Body)
	}
	if r := ru.Get("/campaigns/" + id); !strings.Contains(r.Body, `id="report-pdf"`) || strings.Contains(r.Body, `id="report-produce"`) {
		t.Errorf("the campaign page after the report:\n%s", r.Body)
	}
	pdf := ru.Download("/campaigns/" + id + "/report.pdf")
	if pdf.Status != http.StatusOK || pdf.Header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(pdf.Body, []byte("%PDF-")) ||
		!strings.Contains(pdf.Header.Get("Content-Disposition"), "report-road-ru.pdf") {
		t.Errorf("the PDF: %d %v", pdf.Status, pdf.Header)
	}
	book := ru.Download("/campaigns/" + id + "/report.xlsx")
	if book.Status != http.StatusOK || !bytes.HasPrefix(book.Body, []byte("PK")) {
		t.Errorf("the workbook: %d %v", book.Status, book.Header)
	}
	for _, path := range []string{"/report.pdf", "/report.xlsx"} {
		if d := kar.Download("/campaigns/" + id + path); d.Status != http.StatusNotFound {
			t.Errorf("another organisation's coordinator downloaded %s: %d", path, d.Status)
		}
	}

	anon := &webtest.Client{F: f, T: t, HC: &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	r := anon.Get("/c/road/report?lang=fa")
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `dir="rtl"`) || !strings.Contains(r.Body, "۱۳") {
		t.Fatalf("the Persian public page: %d\n%s", r.Status, r.Body)
	}
	for _, name := range []string{"Child", "Parent"} {
		if strings.Contains(r.Body, name) {
			t.Errorf("the public page names %q", name)
		}
	}
	// The rejected requests (2) are hidden, and with them the requests in
	// all (15): the 13 children reached, shown by the table by item, are
	// the delivered and in-progress requests, so 15 would give the 2
	// away. No cell holds a count under 5, and the 13 reached are shown.
	cells := regexp.MustCompile(`<td class="num">([^<]*)</td>`).FindAllStringSubmatch(r.Body, -1)
	if len(cells) == 0 {
		t.Fatal("the public page has no table")
	}
	for _, m := range cells {
		if v := m[1]; v == "۱" || v == "۲" || v == "۳" || v == "۴" {
			t.Errorf("the public page shows %s", v)
		}
	}
	if strings.Contains(r.Body, `<td class="num">۱۵</td>`) || strings.Contains(r.Body, "<dd>۱۵</dd>") {
		t.Error("the public page shows the 15 requests, which give the 2 rejected away")
	}
	if r := anon.Get("/c/nowhere/report"); r.Status != http.StatusNotFound {
		t.Errorf("a report of no campaign: %d", r.Status)
	}
}

// request writes a request of campaign c for a new child of the
// fixture's organisation, in status, with one kit: as the requests
// package writes them.
func request(t *testing.T, f *webtest.Fixture, c requeststest.Campaign, i int, status string) {
	t.Helper()
	ctx := context.Background()
	p := f.Child(t, "Child", webtest.Itoa(int64(i)), webtest.Day(2017, 3, 1+i), "")
	exec := func(q string, args ...any) {
		if _, err := f.DB.W.ExecContext(ctx, store.Rebind(f.DB.Engine, q), args...); err != nil {
			t.Fatal(err)
		}
	}
	exec(`INSERT INTO requests (reference, campaign_id, person_id, applicant_kind, applicant_name, channel, status, region_id, region_path, submitted_at, updated_at)
		SELECT $1, $2, $3, 'parent', 'Parent', 'web', $4, id, path, $5, $5 FROM regions WHERE code = 'KZ-75'`,
		"R-"+webtest.Itoa(p.ID), c.ID, p.ID, status, webtest.Clock())
	exec(`INSERT INTO request_lines (request_id, line, item_id, quantity) SELECT id, 1, $1, 1 FROM requests WHERE person_id = $2`, c.Kit, p.ID)
}
