package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

// centreList writes a centre's list in Russian as a workbook: five
// children under a last-name header Jol does not know. Unless fixed, the
// fourth child's date of birth does not exist and the fifth child's IIN
// has a wrong check digit (lines 5 and 6 of the sheet).
func centreList(t *testing.T, dir string, fixed bool) string {
	t.Helper()
	iin := func(y int, m time.Month, d int, sex natid.Sex, serial int) string {
		s, err := natid.MakeIIN(time.Date(y, m, d, 0, 0, 0, 0, time.UTC), sex, serial)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	birth, bad := "31.02.2015", iin(2014, 1, 1, natid.Male, 11)
	bad = bad[:11] + string('0'+(bad[11]-'0'+1)%10)
	if fixed {
		birth, bad = "28.02.2015", iin(2014, 1, 1, natid.Male, 11)
	}
	rows := [][]any{
		{"Фамилия ученика", "Имя", "Дата рождения", "Пол", "ИИН", "Область", "Класс"},
		{"Ахметова", "Мадина", "12.02.2013", "Ж", iin(2013, 2, 12, natid.Female, 1), "г. Алматы", "7"},
		{"Ахметов", "Тимур", "14.04.2018", "М", iin(2018, 4, 14, natid.Male, 3), "Алматы", "2"},
		{"Ким", "Ольга", "03.06.2013", "ж", "", "Алматы", "7"},
		{"Сейітқали", "Айбек", birth, "М", "", "Алматы", "4"},
		{"Оспанов", "Ерлан", "01.01.2014", "М", bad, "Алматы", "5"},
	}
	book := excelize.NewFile()
	defer book.Close()
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := book.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	name := "список.xlsx"
	if fixed {
		name = "список-исправленный.xlsx"
	}
	path := filepath.Join(dir, name)
	if err := book.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// shootFull saves a screenshot of the whole page when JOL_SCREENSHOTS
// names a directory, for looking at the pages by eye.
func shootFull(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("JOL_SCREENSHOTS")
	if dir == "" {
		return
	}
	// A page no taller than the window is shot as it is: a full-page shot
	// of a short right-to-left page comes out shifted sideways.
	shot := chromedp.CaptureScreenshot()
	if tall, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollHeight > window.innerHeight`)); err == nil && tall {
		shot = chromedp.FullScreenshot(100)
	}
	png, err := chromedp.Run(ctx, shot)
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBrowserImportAListFixAndImportAgain(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	dir := t.TempDir()
	step, cancel := context.WithTimeout(ctx, 120*time.Second)
	defer cancel()
	b := tab{t, step}
	run, text := b.run, b.text
	// summary waits, across the page's own reloads, for a run's totals.
	summary := func() string {
		t.Helper()
		for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
			got, err := chromedp.Run(step, chromedp.Evaluate[string](
				`(document.querySelector(".result .summary") || {textContent: ""}).textContent`))
			if err == nil && got != "" {
				return strings.TrimSpace(got)
			}
		}
		t.Fatal("the run did not finish")
		return ""
	}
	// submit clicks a button that leaves the page and waits for the next
	// one, where the same selectors may match too.
	submit := func(what, sel string) {
		t.Helper()
		before, err := chromedp.Run(step, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		run(what, chromedp.Click(chromedp.CSS(sel)))
		for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			loc, err := chromedp.Run(step, chromedp.Location())
			if err == nil && loc != before {
				run(what, chromedp.WaitVisible(chromedp.CSS("footer")))
				return
			}
		}
		t.Fatalf("%s: still at %s", what, before)
	}
	language := func(locale string) {
		t.Helper()
		run("switch to "+locale,
			chromedp.SetValue(chromedp.CSS("#lang-select"), locale),
			chromedp.Click(chromedp.CSS("#lang-apply")),
			chromedp.WaitVisible(chromedp.CSS(`html[lang="`+locale+`"] main`)),
		)
	}
	run("log in as the demo operator",
		chromedp.Navigate(s.url+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), demo.Email("operator")),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".usermenu > summary")),
	)
	language("ru")
	run("open the imports from the people list",
		chromedp.Navigate(s.url+"/people"),
		chromedp.Click(chromedp.CSS(`a[href="/imports"]`)),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/imports/new"]`)),
		chromedp.Click(chromedp.CSS(`a[href="/imports/new"]`)),
		chromedp.WaitVisible(chromedp.CSS("#file")),
	)
	shootFull(t, step, "import-upload-ru")
	run("upload the list",
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{centreList(t, dir, false)}),
		chromedp.Click(chromedp.CSS(`form[action="/imports"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("#col1")),
	)
	if got := text("section.card ul"); !strings.Contains(got, "Jol не знает этот столбец") || !strings.Contains(got, "В файле нет столбца") {
		t.Errorf("header problems: %q", got)
	}
	shootFull(t, step, "import-preview-unanswered-ru")
	run("answer the unknown column and save the answer as a template",
		chromedp.SetValue(chromedp.CSS("#col1"), "last_name"),
		chromedp.Click(chromedp.CSS("#answers > button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(`button[value="dry"]`)),
		chromedp.SendKeys(chromedp.CSS("#template_name"), "Списки центра"),
		chromedp.Click(chromedp.CSS("#answers .search-row button")),
		chromedp.WaitVisible(chromedp.CSS("p.flash")),
	)
	if got := text("table.preview tbody"); !strings.Contains(got, "Такой даты не существует.") || !strings.Contains(got, "Готово") {
		t.Errorf("preview rows: %q", got)
	}
	shootFull(t, step, "import-preview-ru")
	submit("start a dry run", `button[value="dry"]`)
	shootFull(t, step, "import-progress-ru")
	if got := summary(); got != "Прочитано 5, создано 3, обновлено 0, без изменений 0, отклонено 2." {
		t.Fatalf("dry run summary: %q", got)
	}
	submit("import after the dry run", `form.actions button[value="import"]`)
	if got := summary(); got != "Прочитано 5, создано 3, обновлено 0, без изменений 0, отклонено 2." {
		t.Fatalf("import summary: %q", got)
	}
	shootFull(t, step, "import-result-ru")
	report, err := chromedp.Run(step, chromedp.Evaluate[string](
		`fetch(document.querySelector('a[href$="errors.csv"]').href).then(r => r.text())`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Строка,Столбец,Значение,Причина", "5,Дата рождения,31.02.2015,Такой даты не существует.",
		"6,ИИН,", "Контрольная цифра не совпадает"} {
		if !strings.Contains(report, want) {
			t.Errorf("error report lacks %q:\n%s", want, report)
		}
	}

	run("upload the fixed list",
		chromedp.Navigate(s.url+"/imports/new"),
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{centreList(t, dir, true)}),
		chromedp.Click(chromedp.CSS(`form[action="/imports"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("#col1")),
	)
	if got, err := chromedp.Run(step, chromedp.Value(chromedp.CSS("#col1"))); err != nil || got != "last_name" {
		t.Fatalf("the saved template was not picked for the fixed list: %q, %v", got, err)
	}
	language("fa")
	shootFull(t, step, "import-preview-fa")
	submit("import the fixed list", `button[value="import"]`)
	language("ru")
	if got := summary(); got != "Прочитано 5, создано 2, обновлено 0, без изменений 3, отклонено 0." {
		t.Fatalf("import of the fixed list: %q", got)
	}
	if got := text("main p.empty"); got != "Ни одна строка не отклонена." {
		t.Errorf("rejected rows of the fixed list: %q", got)
	}
	language("fa")
	shootFull(t, step, "import-result-fa")
	if dir, err := chromedp.Run(step, chromedp.AttributeValue(chromedp.CSS("html"), "dir")); err != nil || dir.Value != "rtl" {
		t.Errorf("Persian result page dir = %q, %v", dir.Value, err)
	}
	run("the upload form in Persian", chromedp.Navigate(s.url+"/imports/new"), chromedp.WaitVisible(chromedp.CSS("#file")))
	shootFull(t, step, "import-upload-fa")
	run("the list of imports in Persian", chromedp.Navigate(s.url+"/imports"), chromedp.WaitVisible(chromedp.CSS("table")))
	shootFull(t, step, "import-list-fa")

	operator, err := s.app.Accounts.LookupEmail(context.Background(), demo.Email("operator"))
	if err != nil {
		t.Fatal(err)
	}
	list, _, err := s.app.People.List(context.Background(), access.System, people.Filter{OrgID: operator.OrgID},
		people.Page{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 5 {
		t.Fatalf("the centre has %d children after the two imports, want 5", len(list))
	}
}
