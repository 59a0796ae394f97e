package importing_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
)

// schoolList is a school's list in Russian whose last-name column has a
// header Jol does not know; line 5 has a date that does not exist and
// line 6 an IIN with a wrong check digit.
const schoolList = "Фамилия ученика;Имя;Дата рождения;Пол;ИИН;Область;Класс\n" +
	"Ахметова;Мадина;12.02.2013;Ж;130212600018;г. Алматы;7\n" +
	"Ахметов;Тимур;14.04.2018;М;180414500039;Алматы;2\n" +
	"Ким;Ольга;03.06.2013;ж;;Алматы;7\n" +
	"Сейітқали;Айбек;31.02.2015;М;;Алматы;4\n" +
	"Оспанов;Ерлан;01.01.2014;М;140101500011;Алматы;5\n"

// uploadList posts the upload form of a list: the fields, then the file.
func uploadList(c *client, fields url.Values, name string, content []byte) response {
	c.T.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for k, vs := range fields {
		for _, v := range vs {
			check(c.T, w.WriteField(k, v))
		}
	}
	fw := must(w.CreateFormFile("file", name))
	_ = must(fw.Write(content))
	check(c.T, w.Close())
	return c.PostBody("/imports", w.FormDataContentType(), b.Bytes())
}

// work runs the job queue until the test ends.
func work(t *testing.T, f *fixture) {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { _ = f.Svc.Jobs.Start(ctx, 1) })
	t.Cleanup(func() { cancel(); wg.Wait() })
}

// finished waits until the run page at path no longer refreshes itself.
func finished(c *client, path string) string {
	c.T.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		r := c.Get(path)
		if r.Status != http.StatusOK {
			c.T.Fatalf("GET %s: %d", path, r.Status)
		}
		if !strings.Contains(r.Body, `http-equiv="refresh"`) {
			return r.Body
		}
	}
	c.T.Fatalf("%s did not finish", path)
	return ""
}

var runPath = regexp.MustCompile(`^/imports/\d+/runs/\d+$`)

func TestImportAListFromTheWeb(t *testing.T) {
	f := newFixture(t)
	op := f.User(t, "op@example.org", access.Operator, "en")
	org := itoa(f.Org.ID)
	if r := op.Get("/imports/new"); r.Status != 200 || !strings.Contains(r.Body, `<option value="`+org+`" selected`) {
		t.Fatalf("upload form: %d, own organisation not chosen", r.Status)
	}
	r := uploadList(op, url.Values{"org": {org}}, "список.csv", []byte(schoolList))
	if r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location, "/imports/") {
		t.Fatalf("upload: %d %s", r.Status, r.Body)
	}
	preview := r.Location
	page := op.Get(preview)
	for _, want := range []string{"Jol does not know this column", `name="col1"`, "The header row cannot be used as it is",
		"CSV, utf-8, separator “;”"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	if strings.Contains(page.Body, `value="import"`) {
		t.Error("the import is offered without a last-name column")
	}
	answered := op.Get(preview + "?shown_template=&template=&col1=last_name")
	for _, want := range []string{`<option value="last_name" selected`, "Date of birth “31.02.2015”: This date does not exist.",
		`value="import"`, "Ready"} {
		if !strings.Contains(answered.Body, want) {
			t.Errorf("preview with the answer lacks %q", want)
		}
	}
	saved := op.Post(preview+"/template", url.Values{"shown_template": {""}, "template": {""}, "col1": {"last_name"},
		"template_name": {"Гимназия"}})
	if saved.Status != http.StatusSeeOther || !strings.Contains(saved.Location, "?template=") {
		t.Fatalf("save template: %d %s", saved.Status, saved.Location)
	}
	tplID := saved.Location[strings.Index(saved.Location, "=")+1:]
	if page := op.Get(saved.Location); !strings.Contains(page.Body, "The template is saved.") ||
		!strings.Contains(page.Body, `<option value="last_name" selected`) {
		t.Fatal("the preview with the saved template does not answer the column")
	}
	dry := op.Post(preview+"/runs", url.Values{"shown_template": {tplID}, "template": {tplID}, "mode": {"dry"}})
	if dry.Status != http.StatusSeeOther || !runPath.MatchString(dry.Location) {
		t.Fatalf("dry run: %d %s", dry.Status, dry.Location)
	}
	if queued := op.Get(dry.Location); !strings.Contains(queued.Body, `<meta http-equiv="refresh" content="2">`) ||
		!strings.Contains(queued.Body, "<progress") {
		t.Fatal("the page of a queued run neither refreshes nor shows progress")
	}
	work(t, f)
	body := finished(op, dry.Location)
	for _, want := range []string{"Read 5, created 3, updated 0, unchanged 0, rejected 2.", "Nothing was written",
		"This date does not exist.", "The check digit does not match", `name="from"`} {
		if !strings.Contains(body, want) {
			t.Errorf("dry run page lacks %q", want)
		}
	}
	if n := f.Count(t, "Ахметова"); n != 0 {
		t.Fatalf("the dry run registered %d children", n)
	}
	from := dry.Location[strings.LastIndex(dry.Location, "/")+1:]
	imported := op.Post(preview+"/runs", url.Values{"from": {from}, "mode": {"import"}})
	if imported.Status != http.StatusSeeOther {
		t.Fatalf("import after the dry run: %d %s", imported.Status, imported.Body)
	}
	if body := finished(op, imported.Location); !strings.Contains(body, "Read 5, created 3, updated 0, unchanged 0, rejected 2.") {
		t.Fatalf("import page:\n%s", body)
	}
	csv := op.Download(imported.Location + "/errors.csv")
	if csv.Status != 200 || !strings.Contains(string(csv.Body), "Line,Column,Value,Reason") ||
		!strings.Contains(string(csv.Body), "5,Дата рождения,31.02.2015,This date does not exist.") ||
		!strings.Contains(string(csv.Body), "6,ИИН,140101500011,") {
		t.Fatalf("error report: %d\n%s", csv.Status, csv.Body)
	}
	accesses, _, err := f.Svc.Audit.Accesses(context.Background(), access.System, audit.AccessFilter{}, store.Page{Limit: 50})
	check(t, err)
	exported := false
	for _, a := range accesses {
		exported = exported || a.SubjectKind == "import_run" && a.Via == "export"
	}
	if !exported {
		t.Error("the download of the rejected rows is not in the access log")
	}
	if list := op.Get("/imports"); !strings.Contains(list.Body, "список.csv") || !strings.Contains(list.Body, "rejected 2") {
		t.Error("the list of imports does not show the upload and its totals")
	}
	// Thirty days on, the file and its rejected rows are gone; the history stays.
	must(f.Svc.Imports.Purge(context.Background(), clock().Add(imports.Retention)))
	if page := op.Get(preview); page.Status != 200 || !strings.Contains(page.Body, "The file was deleted 30 days after its upload") ||
		strings.Contains(page.Body, "Ахметова") {
		t.Errorf("preview of a purged upload: %d", page.Status)
	}
	if body := op.Get(imported.Location).Body; !strings.Contains(body, "rejected 2.") || strings.Contains(body, "31.02.2015") ||
		!strings.Contains(body, "The file was deleted") {
		t.Error("the run of a purged upload lost its totals or kept its rejected rows")
	}
	if list := op.Get("/imports"); !strings.Contains(list.Body, "file deleted") {
		t.Error("the list does not say the file is deleted")
	}
}

func TestImportsAreScopedToTheOrganisation(t *testing.T) {
	f := newFixture(t)
	op := f.User(t, "op@example.org", access.Operator, "fa")
	list := schoolList + "Злой;Код;=1+2;М;;Алматы;3\n"
	r := uploadList(op, url.Values{"org": {itoa(f.Org.ID)}}, "list.csv", []byte(list))
	if r.Status != http.StatusSeeOther {
		t.Fatalf("upload: %d", r.Status)
	}
	dry := op.Post(r.Location+"/runs", url.Values{"col1": {"last_name"}, "mode": {"dry"}})
	work(t, f)
	finished(op, dry.Location)
	xlsx := op.Download(dry.Location + "/errors.xlsx")
	if xlsx.Status != 200 || !rtl(t, xlsx.Body) {
		t.Fatalf("Persian error report: %d, right to left %v", xlsx.Status, xlsx.Status == 200 && rtl(t, xlsx.Body))
	}
	book := must(excelize.OpenReader(bytes.NewReader(xlsx.Body)))
	rows := must(book.GetRows(book.GetSheetList()[0]))
	if len(rows) < 4 || rows[0][0] != "سطر" || rows[1][0] != "5" {
		t.Fatalf("Persian error report rows: %q", rows)
	}
	cell := must(excelize.CoordinatesToCellName(3, len(rows)))
	if v, formula := must(book.GetCellValue(book.GetSheetList()[0], cell)), must(book.GetCellFormula(book.GetSheetList()[0], cell)); v != "=1+2" || formula != "" {
		t.Errorf("a formula sent in the list came back as %q, formula %q", v, formula)
	}
	if csv := string(op.Download(dry.Location + "/errors.csv").Body); !strings.Contains(csv, "7,Дата рождения,'=1+2,") {
		t.Errorf("a formula sent in the list is not neutralised in the CSV report:\n%s", csv)
	}
	other := must(f.Svc.Orgs.Create(context.Background(), access.System, orgs.Input{Name: "Other school", Type: orgs.School, RegionCode: "KZ-75"}))
	must(f.Svc.Accounts.Create(context.Background(), access.System, accounts.NewUser{Email: "stranger@example.org",
		Name: "Stranger", Role: access.Operator, OrgID: other.ID, Region: "KZ-75", Locale: "en", Password: password}))
	stranger := f.Login(t, "stranger@example.org")
	for _, path := range []string{r.Location, dry.Location, dry.Location + "/errors.csv"} {
		if got := stranger.Get(path); got.Status != http.StatusNotFound {
			t.Errorf("another organisation's operator: GET %s = %d", path, got.Status)
		}
	}
	if got := stranger.Post(r.Location+"/runs", url.Values{"mode": {"import"}}); got.Status != http.StatusNotFound {
		t.Errorf("another organisation's operator started an import: %d", got.Status)
	}
	if list := stranger.Get("/imports"); strings.Contains(list.Body, "list.csv") {
		t.Error("another organisation lists the upload")
	}
	if got := uploadList(stranger, url.Values{"org": {itoa(f.Org.ID)}}, "list.csv", []byte(schoolList)); got.Status == http.StatusSeeOther {
		t.Error("an operator uploaded a list for another organisation")
	}
	sponsor := f.User(t, "sponsor@example.org", access.Sponsor, "en")
	if got := sponsor.Get("/imports"); got.Status != http.StatusForbidden {
		t.Errorf("a sponsor opened the imports: %d", got.Status)
	}
}

func TestUnreadableListsComeBackToTheForm(t *testing.T) {
	f := newFixture(t)
	op := f.User(t, "op@example.org", access.Operator, "ru")
	org := url.Values{"org": {itoa(f.Org.ID)}}
	for name, c := range map[string]struct {
		body string
		want string
	}{
		"empty.csv":  {"", "Файл пуст."},
		"header.csv": {"Фамилия;Имя\n", "В файле есть строка заголовков, но под ней нет ни одной строки."},
		"list.xls":   {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old", "старая книга Excel"},
	} {
		r := uploadList(op, org, name, []byte(c.body))
		if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, c.want) {
			t.Errorf("%s: %d, want the reason %q", name, r.Status, c.want)
		}
	}
	if r := op.PostBody("/imports", "application/x-www-form-urlencoded", []byte("org=1")); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "Выберите файл для импорта.") {
		t.Errorf("no file: %d", r.Status)
	}
}

func TestAListOverTheLimitIsRefusedClearly(t *testing.T) {
	f := newFixture(t)
	op := f.User(t, "op@example.org", access.Operator, "en")
	// The body is streamed, never held: 101 MB of a CSV cell.
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		_ = mw.WriteField("org", itoa(f.Org.ID))
		fw, err := mw.CreateFormFile("file", "big.csv")
		if err == nil {
			chunk := bytes.Repeat([]byte("x"), 1<<20)
			for i := 0; i < 101 && err == nil; i++ {
				_, err = fw.Write(chunk)
			}
		}
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	req := must(http.NewRequest("POST", f.Srv.URL+"/imports", pr))
	req.Header.Set("Content-Type", mw.FormDataContentType())
	r := op.Do(req)
	_ = pr.Close()
	if r.Status != http.StatusRequestEntityTooLarge || !strings.Contains(r.Body, "The file is larger than 100 MB") {
		t.Fatalf("a 101 MB list: %d", r.Status)
	}
}

func TestRejectedRowsArePaged(t *testing.T) {
	f := newFixture(t)
	op := f.User(t, "op@example.org", access.Operator, "en")
	var b strings.Builder
	b.WriteString("Фамилия;Имя;Дата рождения\n")
	for i := range 55 {
		fmt.Fprintf(&b, "Иванов;Иван %d;31.02.2015\n", i)
	}
	r := uploadList(op, url.Values{"org": {itoa(f.Org.ID)}}, "list.csv", []byte(b.String()))
	dry := op.Post(r.Location+"/runs", url.Values{"mode": {"dry"}})
	work(t, f)
	first := finished(op, dry.Location)
	next := regexp.MustCompile(`href="(/imports/\d+/runs/\d+\?after=[\d.]+)" rel="next"`).FindStringSubmatch(first)
	if strings.Count(first, "This date does not exist.") != 50 || next == nil {
		t.Fatalf("first page: %d rows, next %v", strings.Count(first, "This date does not exist."), next)
	}
	second := op.Get(next[1]).Body
	if strings.Count(second, "This date does not exist.") != 5 || !strings.Contains(second, `class="num">56<`) ||
		strings.Contains(second, `rel="next"`) || !strings.Contains(second, `href="`+dry.Location+`"`) {
		t.Fatalf("second page:\n%s", second)
	}
}

func TestLongCellsAreClippedOnPages(t *testing.T) {
	f := newFixture(t)
	op := f.User(t, "op@example.org", access.Operator, "en")
	long := strings.Repeat("9", 32_767) // Excel's limit, and not a date
	list := "Фамилия;Имя;Дата рождения\nИванов;Иван;" + long + "\n"
	r := uploadList(op, url.Values{"org": {itoa(f.Org.ID)}}, "list.csv", []byte(list))
	if r.Status != http.StatusSeeOther {
		t.Fatalf("upload: %d %s", r.Status, r.Body)
	}
	clipped := strings.Repeat("9", 200) + "…"
	if page := op.Get(r.Location).Body; !strings.Contains(page, clipped) || strings.Contains(page, strings.Repeat("9", 201)) {
		t.Error("the preview does not clip the long cell to 200 characters")
	}
	dry := op.Post(r.Location+"/runs", url.Values{"mode": {"dry"}})
	work(t, f)
	body := finished(op, dry.Location)
	if !strings.Contains(body, clipped) || strings.Contains(body, strings.Repeat("9", 201)) {
		t.Errorf("the rejected rows page does not clip the long cell (%d bytes)", len(body))
	}
	if csv := op.Download(dry.Location + "/errors.csv"); !strings.Contains(string(csv.Body), ","+long+",") {
		t.Error("the report does not keep the whole value")
	}
}

func TestAListBeyondTheCapsIsRefusedClearly(t *testing.T) {
	f := newFixture(t)
	op := f.User(t, "op@example.org", access.Operator, "ru")
	list := "Фамилия;Имя\nИванов;" + strings.Repeat("я", 40_000) + "\n"
	r := uploadList(op, url.Values{"org": {itoa(f.Org.ID)}}, "list.csv", []byte(list))
	if r.Status != http.StatusRequestEntityTooLarge || !strings.Contains(r.Body, "Строка 2: в ячейке больше") {
		t.Fatalf("a cell of 40,000 characters: %d %s", r.Status, r.Body)
	}
}
