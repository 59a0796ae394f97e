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
	ctx := browser(t)
	s := startServer(t)
	step, cancel := context.WithTimeout(ctx, 120*time.Second)
	defer cancel()
	run := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(step, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	js := func(expr string) string {
		t.Helper()
		v, err := chromedp.Run(step, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return strings.TrimSpace(v)
	}
	list := filepath.Join(t.TempDir(), "schools.csv")
	body := "Фамилия;Имя;Дата рождения;Пол;Школа\n" +
		"Жұмабаева;Әсел;12.02.2013;Ж;Лицей №312\n" +
		"Жұмабаев;Нұрлан;14.04.2016;М;лицей  №312\n" +
		"Омарова;Дина;03.06.2014;Ж;Гимназия №404\n"
	if err := os.WriteFile(list, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	run("log in as the demo coordinator in English",
		chromedp.Navigate(s.url+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), demo.Email("coordinator")),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("form.logout")),
		chromedp.SetValue(chromedp.CSS("#lang-select"), "en"),
		chromedp.Click(chromedp.CSS("#lang-apply")),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="en"] main`)),
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
	run("upload the list",
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{list}),
		chromedp.Click(chromedp.CSS(`form[action="/imports"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("#schools")),
	)
	got := js(`Array.from(document.querySelectorAll("#schools tbody tr")).map(r => (r.querySelector("th").textContent + " " + r.querySelector("td.num").textContent).replace(/\s+/g, " ").trim()).join("|")`)
	if got != "Лицей №312 2|Гимназия №404 1" {
		t.Fatalf("unknown schools on the preview: %q", got)
	}
	shootFull(t, step, "import-unknown-schools-en")
	run("create them from the preview",
		chromedp.Click(chromedp.CSS("#schools button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("p.flash")),
	)
	if js(`document.querySelector("#schools") === null ? "gone" : "shown"`) != "gone" {
		t.Fatal("the preview still lists unknown schools after creating them")
	}
	run("start a dry run", chromedp.Click(chromedp.CSS(`button[value="dry"]`)))
	var summary string
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline) && summary == ""; time.Sleep(200 * time.Millisecond) {
		summary, _ = chromedp.Run(step, chromedp.Evaluate[string](
			`(document.querySelector(".result .summary") || {textContent: ""}).textContent`))
	}
	if !strings.Contains(summary, "Read 3, created 3") || !strings.Contains(summary, "rejected 0") {
		t.Fatalf("dry run after creating the schools: %q", summary)
	}
}
