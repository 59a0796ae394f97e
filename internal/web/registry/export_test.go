package registry_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/tabular"
)

// exportFixture registers two children of the fixture's organisation, one
// in grade 5 with a category, one in grade 3, and a child of another
// organisation.
func exportFixture(t *testing.T, f *fixture) (iin string) {
	t.Helper()
	ctx := context.Background()
	iin = must(natid.MakeIIN(day(2015, 3, 10), natid.Female, 42))
	p := must(f.Svc.People.Create(ctx, access.System, people.Input{LastName: "Ахметова", FirstName: "Мадина", Patronymic: "Ерлановна",
		BirthDate: day(2015, 3, 10), Sex: people.Female, NationalID: iin, Phone: "+7 701 123 45 67", RegionCode: "KZ-75",
		Address: "=HYPERLINK(1)", OrgID: f.Org.ID, Grade: 5, Status: people.Status("pupil")}))
	must(f.Svc.People.Assign(ctx, access.System, p.ID, "orphan", people.Evidence{DocType: "Certificate"}))
	must(f.Svc.People.Create(ctx, access.System, people.Input{LastName: "Сериков", FirstName: "Нурлан", BirthDate: day(2017, 1, 2),
		Sex: people.Male, RegionCode: "KZ-75", OrgID: f.Org.ID, Grade: 3}))
	tehran := must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Tehran Charity", Type: orgs.Charity, RegionCode: "IR-23"}))
	must(f.Svc.People.Create(ctx, access.System, people.Input{LastName: "Rezaei", FirstName: "Sara", RegionCode: "IR-23", OrgID: tehran.ID}))
	return iin
}

func TestPeopleExportCSV(t *testing.T) {
	f := newFixture(t)
	iin := exportFixture(t, f)
	c := f.User(t, "ru@example.org", access.Coordinator, "ru")
	d := c.Download("/people/export.csv?sort=name&cursor=junk")
	if d.Status != http.StatusOK || d.Header.Get("Content-Disposition") != `attachment; filename="people-2026-09-01.csv"` ||
		!strings.HasPrefix(d.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("export: %d %q %q", d.Status, d.Header.Get("Content-Disposition"), d.Header.Get("Content-Type"))
	}
	if !bytes.HasPrefix(d.Body, []byte("\ufeff")) {
		t.Error("the CSV has no byte order mark")
	}
	rows := must(csv.NewReader(bytes.NewReader(bytes.TrimPrefix(d.Body, []byte("\ufeff")))).ReadAll())
	ru := f.Svc.Catalog.Localizer(i18n.RU)
	if rows[0][0] != ru.T("field.last_name") || rows[0][0] == "Last name" || rows[0][14] != ru.T("field.categories") {
		t.Errorf("header is not in Russian: %q", rows[0])
	}
	if len(rows) != 3 || rows[1][0] != "Ахметова" || rows[2][0] != "Сериков" {
		t.Fatalf("rows: %q", rows)
	}
	want := []string{"Ахметова", "Мадина", "Ерлановна", "2015-03-10", ru.T("sex.f"), ru.T("idkind." + people.IDKindIIN), iin, "+7 701 123 45 67",
		"KZ-75", "'=HYPERLINK(1)", "Almaty Foundation", "5", ru.T("personstatus.pupil"), "", rows[1][14]}
	if !slices.Equal(rows[1], want) || rows[1][14] == "" {
		t.Errorf("row:\n got %q\nwant %q", rows[1], want)
	}
	if strings.Contains(string(d.Body), "Rezaei") {
		t.Error("a child of another organisation is exported")
	}

	d = c.Download("/people/export.csv?grade=5")
	if rows := must(csv.NewReader(bytes.NewReader(d.Body)).ReadAll()); len(rows) != 2 || rows[1][0] != "Ахметова" {
		t.Errorf("the grade filter does not apply: %q", rows)
	}
	if r := c.Get("/people/export.csv?grade=99"); r.Status != http.StatusSeeOther || r.Location != "/people?grade=99" {
		t.Errorf("a bad filter: %d %s, want the list with the error", r.Status, r.Location)
	}

	list, _ := must2(f.Svc.Audit.Accesses(context.Background(), access.System,
		audit.AccessFilter{SubjectKind: "person_export"}, store.Page{Limit: 10}))
	var got []string
	for _, a := range list {
		if a.Via != "export" || a.UserName != "ru@example.org" {
			t.Errorf("access entry %+v", a)
		}
		got = append(got, a.SubjectID)
	}
	slices.Sort(got)
	if want := []string{"q=grade=5;rows=1", "q=sort=name;rows=2"}; !slices.Equal(got, want) {
		t.Errorf("access log: %q, want %q", got, want)
	}

	page := c.Get("/people?grade=5&sort=name")
	for _, want := range []string{`href="/people/export.csv?grade=5&amp;sort=name"`, `href="/people/export.xlsx?grade=5&amp;sort=name"`,
		ru.T("people.export_csv"), ru.T("people.export_xlsx")} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("the list lacks %q", want)
		}
	}
}

func TestPeopleExportXLSX(t *testing.T) {
	f := newFixture(t)
	exportFixture(t, f)
	c := f.User(t, "ru@example.org", access.Coordinator, "ru")
	want := must(csv.NewReader(bytes.NewReader(bytes.TrimPrefix(c.Download("/people/export.csv").Body, []byte("\ufeff")))).ReadAll())
	d := c.Download("/people/export.xlsx")
	if d.Status != http.StatusOK || d.Header.Get("Content-Disposition") != `attachment; filename="people-2026-09-01.xlsx"` {
		t.Fatalf("export: %d %q", d.Status, d.Header.Get("Content-Disposition"))
	}
	rd := must(tabular.Open("people.xlsx", bytes.NewReader(d.Body), int64(len(d.Body))))
	defer rd.Close()
	got := [][]string{rd.Header()}
	for {
		row, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		check(t, err)
		got = append(got, row.Cells)
	}
	// The CSV quotes a formula-like cell; a workbook holds it as text.
	for _, row := range want {
		for i, cell := range row {
			if strings.HasPrefix(cell, "'=") {
				row[i] = cell[1:]
			}
		}
	}
	// A workbook leaves out the empty cells at the end of a row.
	if !slices.EqualFunc(got, want, func(a, b []string) bool {
		return len(a) <= len(b) && slices.Equal(append(a, make([]string, len(b)-len(a))...), b)
	}) {
		t.Errorf("workbook:\n got %q\nwant %q", got, want)
	}
	if rtl(t, d.Body) {
		t.Error("a Russian workbook is right-to-left")
	}
	fa := f.User(t, "fa@example.org", access.Coordinator, "fa")
	if !rtl(t, fa.Download("/people/export.xlsx").Body) {
		t.Error("a Persian workbook is not right-to-left")
	}
}

func TestSponsorMayNotExport(t *testing.T) {
	f := newFixture(t)
	exportFixture(t, f)
	c := f.User(t, "sponsor@example.org", access.Sponsor, "en")
	for _, path := range []string{"/people/export.csv", "/people/export.xlsx"} {
		if d := c.Download(path); d.Status != http.StatusForbidden || bytes.Contains(d.Body, []byte("Ахметова")) {
			t.Errorf("sponsor GET %s: %d", path, d.Status)
		}
	}
	list, _ := must2(f.Svc.Audit.Accesses(context.Background(), access.System,
		audit.AccessFilter{SubjectKind: "person_export"}, store.Page{Limit: 10}))
	if len(list) != 0 {
		t.Errorf("a refused export is logged: %+v", list)
	}
}

func TestPeopleExportReadsEveryPage(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for i := range store.MaxLimit + 1 {
		must(f.Svc.People.Create(ctx, access.System, people.Input{LastName: "Child", FirstName: itoa(int64(i)),
			RegionCode: "KZ-75", OrgID: f.Org.ID}))
	}
	c := f.Login(t, "coord@example.org")
	rows := must(csv.NewReader(bytes.NewReader(c.Download("/people/export.csv?sort=name").Body)).ReadAll())
	seen := map[string]bool{}
	for _, row := range rows[1:] {
		seen[row[1]] = true
	}
	if len(rows) != store.MaxLimit+2 || len(seen) != store.MaxLimit+1 {
		t.Errorf("exported %d rows, %d persons; want %d", len(rows)-1, len(seen), store.MaxLimit+1)
	}
}
