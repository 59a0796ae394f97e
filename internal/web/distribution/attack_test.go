package distribution_test

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/web/webtest"
)

// openDay plans a day of the whole point by the coordinator and opens
// it; it returns the day's path.
func (f *world) openDay(t *testing.T) string {
	t.Helper()
	c := f.Login(t, "coord@example.org")
	r := c.Post("/distribution", url.Values{"campaign_id": {webtest.Itoa(f.campaign.ID)},
		"warehouse_id": {webtest.Itoa(f.point.ID)}, "place": {"Hall"}, "starts_on": {"2026-09-05"}, "whole_point": {"on"}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("plan a day: %d", r.Status)
	}
	if c.Post(r.Location+"/status", url.Values{"to": {"open"}, "version": {"1"}}).Status != http.StatusSeeOther {
		t.Fatal("open the day")
	}
	return r.Location
}

// Names that a spreadsheet would read as a formula, very long ones and
// names in Persian and Kazakh reach the printed list escaped and the
// workbook as text cells, exactly as typed.
func TestListExportKeepsNamesAsText(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	school := webtest.Must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "=HYPERLINK(\"http://x.example\",\"School\")",
		Type: orgs.School, ParentID: f.Org.ID, RegionCode: "KZ-75", Active: true}))
	long := strings.Repeat("Әбілқасымова", 8)
	names := [][2]string{{"=1+2", "@SUM(A1)"}, {"+cmd|' /C calc'!A0", "-2+3"}, {"رضایی", "زهرا"},
		{"Құрманғалиева", "Әлия"}, {long, "<b>Дана</b>"}}
	for i, n := range names {
		in := people.Input{LastName: n[0], FirstName: n[1], BirthDate: webtest.Day(2017, 4, 1), Sex: people.Female,
			RegionCode: "KZ-75", OrgID: f.Org.ID}
		if i == 0 {
			in.OrgID = school.ID
		}
		f.requestFor(t, webtest.Must(f.Svc.People.Create(ctx, access.System, in)))
	}
	day := f.openDay(t)
	c := f.User(t, "fa@example.org", access.Coordinator, "fa")
	r := c.Get(day + "/list")
	if r.Status != http.StatusOK || strings.Contains(r.Body, "<b>Дана</b>") || !strings.Contains(r.Body, "&lt;b&gt;Дана&lt;/b&gt;") ||
		!strings.Contains(r.Body, "رضایی زهرا") || !strings.Contains(r.Body, long) {
		t.Fatalf("the printed list: %d", r.Status)
	}
	d := c.Download(day + "/list.xlsx")
	if d.Status != http.StatusOK {
		t.Fatalf("the workbook: %d", d.Status)
	}
	book := webtest.Must(excelize.OpenReader(bytes.NewReader(d.Body)))
	sheet := book.GetSheetName(0)
	rows := webtest.Must(book.GetRows(sheet))
	if len(rows) != len(names)+1 {
		t.Fatalf("%d rows, want %d", len(rows), len(names)+1)
	}
	found := map[string]bool{}
	for y, row := range rows {
		for x, v := range row {
			cell := webtest.Must(excelize.CoordinatesToCellName(x+1, y+1))
			if fm := webtest.Must(book.GetCellFormula(sheet, cell)); fm != "" {
				t.Fatalf("cell %s %q is the formula %q", cell, v, fm)
			}
			if v != "" && strings.ContainsAny(v[:1], "=+-@") {
				if typ := webtest.Must(book.GetCellType(sheet, cell)); typ != excelize.CellTypeInlineString &&
					typ != excelize.CellTypeSharedString {
					t.Fatalf("cell %s %q is of type %v, not text", cell, v, typ)
				}
			}
			found[v] = true
		}
	}
	for _, want := range []string{"=1+2 @SUM(A1)", "+cmd|' /C calc'!A0 -2+3", "رضایی زهرا", "Құрманғалиева Әлия",
		long + " <b>Дана</b>", school.Name} {
		if !found[want] {
			t.Errorf("the workbook lacks %q: %q", want, rows)
		}
	}
}

// A refusal of a handover reaches the page in the reader's language:
// a signature that is not a PNG, a wrong code.
func TestHandoverRefusalsInTheReadersLanguage(t *testing.T) {
	f := setup(t)
	a := f.request(t, "Akhmetova", "Dana")
	day := f.openDay(t)
	fa := f.User(t, "fa@example.org", access.Coordinator, "fa")
	give := url.Values{"request_id": {webtest.Itoa(a.ID)}, "line": {"1"}, "proof": {"signature"},
		"signature": {"data:image/png;base64,PGh0bWw+PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0PjwvaHRtbD4="}}
	if r := fa.Post(day+"/handover", give); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "امضا به شکل تصویر نرسید") {
		t.Fatalf("HTML as a signature: %d", r.Status)
	}
	ru := f.User(t, "ru@example.org", access.Coordinator, "ru")
	code := url.Values{"request_id": {webtest.Itoa(a.ID)}, "proof": {"code"}}
	if r := ru.Post(day+"/code", code); r.Status != http.StatusSeeOther {
		t.Fatalf("send a code: %d", r.Status)
	}
	m, _ := f.phone.Last(a.ID)
	code.Set("line", "1")
	code.Set("code", "000000")
	if m.Args["Code"] == "000000" {
		code.Set("code", "111111")
	}
	if r := ru.Post(day+"/handover", code); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "Неверный код") {
		t.Fatalf("a wrong code: %d", r.Status)
	}
	if n := f.count(t, "SELECT count(*) FROM handovers"); n != 0 {
		t.Fatalf("%d handovers after the refusals", n)
	}
}
