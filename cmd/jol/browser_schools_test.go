package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/demo"
)

// A coordinator uploads a list naming two schools not registered: the
// preview lists them once with their rows, the coordinator creates them
// from there, and the dry run then refuses no row.
func TestBrowserImportCreatesUnknownSchools(t *testing.T) {
	_, b, js := uploadSchools(t)
	step := b.step
	got := js(`Array.from(document.querySelectorAll("#schools tbody tr")).map(r => (r.querySelector("th").textContent + " " + r.querySelector("td.num").textContent).replace(/\s+/g, " ").trim()).join("|")`)
	if got != "Лицей №312 2|Гимназия №404 1" {
		t.Fatalf("unknown schools on the preview: %q", got)
	}
	shootFull(t, step, "import-unknown-schools-en")
	b.run("create them from the preview",
		chromedp.Click(chromedp.CSS("#schools button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("p.flash")),
	)
	if js(`document.querySelector("#schools") === null ? "gone" : "shown"`) != "gone" {
		t.Fatal("the preview still lists unknown schools after creating them")
	}
	b.run("start a dry run", chromedp.Click(chromedp.CSS(`button[value="dry"]`)))
	var summary string
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline) && summary == ""; time.Sleep(200 * time.Millisecond) {
		summary, _ = chromedp.Run(step, chromedp.Evaluate[string](
			`(document.querySelector(".result .summary") || {textContent: ""}).textContent`))
	}
	if !strings.Contains(summary, "Read 3, created 3") || !strings.Contains(summary, "rejected 0") {
		t.Fatalf("dry run after creating the schools: %q", summary)
	}
}

// stale marks the page shown, so that waiting for a selector with
// :not([data-stale]) on html waits for the page that replaces it.
func stale(js func(string) string) {
	js(`document.documentElement.dataset.stale = "1"`)
}

// uploadSchools logs the demo coordinator in and uploads a list naming
// two schools not registered, Лицей №312 (two rows) and Гимназия №404,
// up to its preview; it returns the server, the browser and an evaluator.
func uploadSchools(t *testing.T) (*testServer, tab, func(string) string) {
	ctx := browser(t)
	s := startServer(t)
	step, cancel := context.WithTimeout(ctx, 120*time.Second)
	t.Cleanup(cancel)
	b := tab{t, step}
	js := b.trimmed
	list := filepath.Join(t.TempDir(), "schools.csv")
	body := "Фамилия;Имя;Дата рождения;Пол;Школа\n" +
		"Жұмабаева;Әсел;12.02.2013;Ж;Лицей №312\n" +
		"Жұмабаев;Нұрлан;14.04.2016;М;лицей  №312\n" +
		"Омарова;Дина;03.06.2014;Ж;Гимназия №404\n"
	if err := os.WriteFile(list, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	b.run("log in as the demo coordinator in English",
		chromedp.Navigate(s.url+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), demo.Email("coordinator")),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".usermenu > summary")),
		chromedp.SetValue(chromedp.CSS("#lang-select"), "en"),
	)
	// The page before the choice may be in English already: only the
	// page the choice lands on lacks the mark set here.
	stale(js)
	b.run("choose English",
		chromedp.Click(chromedp.CSS("#lang-apply")),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="en"]:not([data-stale]) main`)),
	)
	// The language's own redirect may still be landing: a navigation it
	// aborts is tried again.
	for try := 0; ; try++ {
		err := chromedp.Do(step, chromedp.Navigate(s.url+"/imports/new"), chromedp.WaitVisible(chromedp.CSS("#file")))
		if err == nil {
			break
		} else if try == 2 {
			t.Fatalf("open the upload form: %v", err)
		}
	}
	b.run("upload the list",
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{list}),
		chromedp.Click(chromedp.CSS(`form[action="/imports"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("#schools")),
	)
	return s, b, js
}

// The coordinator sends the rows of one unknown school to an organisation
// of theirs: the preview shows it apart, as sent there, with the warning
// that rows will be refused counting only the other school; Undo puts it
// back among the schools whose rows will be refused.
func TestBrowserImportMapsAnUnknownSchoolAndUndoesIt(t *testing.T) {
	_, b, js := uploadSchools(t)
	// Лицей №312 to the first organisation offered, Гимназия №404 nowhere
	// (a coordinator is offered to create it by default).
	org := js(`(() => {
		const [lyceum, gymnasium] = document.querySelectorAll("#schools-refused select");
		const o = Array.from(lyceum.options).find(o => /^[0-9]+$/.test(o.value));
		lyceum.value = o.value;
		gymnasium.value = "leave";
		return o.textContent;
	})()`)
	b.run("send the rows of Лицей №312 to "+org,
		chromedp.Click(chromedp.CSS("#schools button.primary")),
		chromedp.WaitVisible(chromedp.CSS("#schools-mapped")),
	)
	rows := func(table string) string {
		t.Helper()
		return js(`Array.from(document.querySelectorAll("` + table + ` tbody tr")).map(r => r.querySelector("th").textContent.trim()).join("|")`)
	}
	if got := rows("#schools-mapped"); got != "Лицей №312" {
		t.Fatalf("schools shown as mapped: %q", got)
	}
	if got := js(`(s => s.options[s.selectedIndex].textContent)(document.querySelector("#schools-mapped select"))`); got != org {
		t.Fatalf("the mapped school goes to %q, want %q", got, org)
	}
	if got := rows("#schools-refused"); got != "Гимназия №404" {
		t.Fatalf("schools whose rows will be refused: %q", got)
	}
	if help := js(`document.querySelector("#schools-title + p.help").textContent`); !strings.Contains(help, "names 1 school ") {
		t.Fatalf("the warning about refused rows: %q", help)
	}
	shootFull(t, b.step, "import-mapped-school-en")
	// The page of the mapping has a message already: wait for the next.
	stale(js)
	b.run("undo", chromedp.Click(chromedp.CSS(`#schools-mapped button[name="undo"]`)),
		chromedp.WaitVisible(chromedp.CSS("html:not([data-stale]) p.flash")))
	if js(`document.querySelector("#schools-mapped") === null ? "gone" : "shown"`) != "gone" {
		t.Fatal("the school is still shown as mapped after the undo")
	}
	if got := rows("#schools-refused"); got != "Лицей №312|Гимназия №404" {
		t.Fatalf("schools whose rows will be refused after the undo: %q", got)
	}
}
