package requests_test

import (
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

func itoa(n int64) string { return webtest.Itoa(n) }

// An operator records a request from the child's page, reviews it, and a
// decision taken on a page that is no longer current is refused with the
// request as it stands.
func TestRequestFromPersonToDecision(t *testing.T) {
	f := webtest.New(t)
	c := requeststest.Open(t, f.DB, webtest.Clock(), "road", f.Org.ID, f.Org.Path, "KZ-75")
	child := f.Child(t, "Ахметова", "Мадина", webtest.Day(2017, 3, 10), "")
	op := f.User(t, "op@example.org", access.Operator, "en")
	if r := op.Get("/people/" + itoa(child.ID)); !strings.Contains(r.Body, `href="/people/`+itoa(child.ID)+`/requests/new"`) {
		t.Fatal("the person page has no link to a new request")
	}
	r := op.Get("/people/" + itoa(child.ID) + "/requests/new")
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `name="size-`+itoa(c.Uniform)+`"`) {
		t.Fatalf("new request form: %d", r.Status)
	}
	form := url.Values{"campaign": {itoa(c.ID)}, "applicant_kind": {"parent"}, "applicant_name": {"Ахметова Айгуль"},
		"applicant_phone": {"+7 701 123 45 67"}, "channel": {"hotline"}, "locale": {"kk"},
		"qty-" + itoa(c.Kit): {"1"}, "qty-" + itoa(c.Uniform): {"1"}, "size-" + itoa(c.Uniform): {"ZZ"}}
	r = op.Post("/people/"+itoa(child.ID)+"/requests", form)
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="size-`+itoa(c.Uniform)+`-error"`) {
		t.Fatalf("bad size: %d", r.Status)
	}
	form.Set("size-"+itoa(c.Uniform), "128")
	r = op.Post("/people/"+itoa(child.ID)+"/requests", form)
	if r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location, "/requests/") {
		t.Fatalf("create: %d %s", r.Status, r.Body)
	}
	page := r.Location
	r = op.Get(page)
	for _, want := range []string{"Ахметова Мадина", `<span class="tag" id="status">Submitted</span>`, `value="under_review"`,
		`value="rejected"`, "Hotline", "128"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("request page lacks %q", want)
		}
	}
	if strings.Contains(r.Body, `value="delivered"`) {
		t.Error("the page offers a move the lifecycle does not allow")
	}
	if r = op.Post(page+"/transitions", url.Values{"to": {"under_review"}, "version": {"1"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("review: %d", r.Status)
	}
	r = op.Post(page+"/transitions", url.Values{"to": {"rejected"}, "version": {"1"}, "reason": {"duplicate"}})
	if r.Status != http.StatusConflict || !strings.Contains(r.Body, "Someone else changed this request first") ||
		!strings.Contains(r.Body, `id="status">Under review</span>`) {
		t.Fatalf("stale decision: %d", r.Status)
	}
	r = op.Post(page+"/transitions", url.Values{"to": {"rejected"}, "version": {"2"}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="reason-error"`) {
		t.Fatalf("reject without reason: %d", r.Status)
	}
	if r = op.Post(page+"/comments", url.Values{"body": {"Mother will bring the certificate."}}); r.Status != http.StatusSeeOther {
		t.Fatalf("comment: %d", r.Status)
	}
	if r = op.Upload(page+"/documents", "cert.pdf", []byte("<html>not a pdf</html>")); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "Attach a PDF, a JPEG or a PNG file.") {
		t.Fatalf("html as a document: %d", r.Status)
	}
	if r = op.Upload(page+"/documents", "cert.pdf", []byte("%PDF-1.4\n%%EOF\n")); r.Status != http.StatusSeeOther {
		t.Fatalf("attach: %d", r.Status)
	}
	r = op.Get(page)
	i := strings.Index(r.Body, `href="`+page+`/documents/`)
	if i < 0 || !strings.Contains(r.Body, "Mother will bring the certificate.") {
		t.Fatal("the page does not show the comment and the document")
	}
	link := r.Body[i+len(`href="`):]
	d := op.Download(link[:strings.Index(link, `"`)])
	if d.Status != http.StatusOK || d.Header.Get("Cache-Control") != "private, no-store" || string(d.Body) != "%PDF-1.4\n%%EOF\n" {
		t.Fatalf("document: %d %q", d.Status, d.Header.Get("Cache-Control"))
	}
	r = op.Get("/requests?campaign=" + itoa(c.ID) + "&status=under_review")
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `href="`+page+`"`) {
		t.Fatalf("list under review: %d", r.Status)
	}
	if r = op.Get("/requests?campaign=" + itoa(c.ID) + "&status=approved"); strings.Contains(r.Body, `href="`+page+`"`) {
		t.Fatal("the approved list shows a request under review")
	}
	if n := f.Count(t, "Ахметова"); n != 1 {
		t.Fatalf("%d persons", n)
	}
	again := op.Post("/people/"+itoa(child.ID)+"/requests", form)
	if again.Status != http.StatusSeeOther || again.Location != page {
		t.Fatalf("second request for the child: %d to %s, want the first", again.Status, again.Location)
	}
}

// The request page names what is asked for in the reader's language, in
// English where the catalogue has no name in it.
func TestRequestPageNamesItemsInTheReadersLanguage(t *testing.T) {
	f := webtest.New(t)
	c := requeststest.Open(t, f.DB, webtest.Clock(), "road", f.Org.ID, f.Org.Path, "KZ-75")
	if _, err := f.DB.W.Exec(store.Rebind(f.DB.Engine, `UPDATE aid_items SET name_ru = 'Школьная форма' WHERE id = $1`), c.Uniform); err != nil {
		t.Fatal(err)
	}
	child := f.Child(t, "Ахметова", "Мадина", webtest.Day(2017, 3, 10), "")
	ru := f.User(t, "ru@example.org", access.Operator, "ru")
	en := f.User(t, "en@example.org", access.Operator, "en")
	r := ru.Post("/people/"+itoa(child.ID)+"/requests", url.Values{"campaign": {itoa(c.ID)}, "applicant_kind": {"parent"},
		"applicant_name": {"Ахметова Айгуль"}, "applicant_phone": {"+7 701 123 45 67"}, "channel": {"hotline"},
		"locale": {"ru"}, "qty-" + itoa(c.Kit): {"1"}, "qty-" + itoa(c.Uniform): {"1"}, "size-" + itoa(c.Uniform): {"128"}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("create: %d %s", r.Status, r.Body)
	}
	if body := ru.Get(r.Location).Body; !strings.Contains(body, "<bdi>Школьная форма</bdi>") || !strings.Contains(body, "<bdi>test_kit</bdi>") {
		t.Error("in Russian, the lines are not named in Russian (or, lacking it, in English)")
	}
	if body := en.Get(r.Location).Body; !strings.Contains(body, "<bdi>test_uniform</bdi>") || strings.Contains(body, "Школьная форма") {
		t.Error("in English, the lines are not named in English")
	}
}
