package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/dedupe"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/people"
)

// seedDuplicates registers, in the coordinator's foundation in
// Karaganda, distinct children and two children written twice: Омарова
// Мадина again as Omarova Madina, Иванова Анна again with her day and
// month of birth swapped. It returns the first record of each.
func seedDuplicates(t *testing.T, s *testServer, orgID int64) (madina, anna people.Person) {
	t.Helper()
	ctx := context.Background()
	lasts := []string{"Ахметова", "Жумабаева", "Нуртазина", "Касымова", "Оспанова", "Тулегенова", "Искакова",
		"Сарсенбаева", "Есенова", "Кенжебаева", "Байжанова", "Смагулова"}
	firsts := []string{"Айгерим", "Дана", "Асель", "Жанна", "Камила", "Алия", "Сабина", "Диляра", "Томирис", "Аружан"}
	add := func(last, first string, birth time.Time) people.Person {
		p, err := s.app.People.Create(ctx, access.System, people.Input{LastName: last, FirstName: first, BirthDate: birth,
			Sex: people.Female, RegionCode: "KZ-35", OrgID: orgID, Status: people.Pupil})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	for i, last := range lasts {
		for j, first := range firsts {
			add(last, first, time.Date(2010+(i+j)%8, time.Month(1+(i*5+j)%12), 1+(i*7+j*3)%28, 0, 0, 0, 0, time.UTC))
		}
	}
	madina = add("Омарова", "Мадина", time.Date(2015, 3, 1, 0, 0, 0, 0, time.UTC))
	add("Omarova", "Madina", time.Date(2015, 3, 1, 0, 0, 0, 0, time.UTC))
	anna = add("Иванова", "Анна", time.Date(2016, 4, 7, 0, 0, 0, 0, time.UTC))
	add("Иванова", "Анна", time.Date(2016, 7, 4, 0, 0, 0, 0, time.UTC))
	return madina, anna
}

// A coordinator starts a scan, opens the queue, merges the pair written
// in two scripts and marks the pair with swapped dates as different
// people; a second scan does not bring that pair back.
func TestBrowserDuplicateQueue(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	coord := mustUser(t, s, "coordinator")
	madina, anna := seedDuplicates(t, s, coord.orgID)
	step, cancel := context.WithTimeout(ctx, 120*time.Second)
	defer cancel()
	b := tab{t, step}
	run, js := b.run, b.js
	// scanned waits for the job queue to finish scan number n.
	scanned := func(n int64) {
		t.Helper()
		for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(200 * time.Millisecond) {
			sc, ok, err := s.app.Dedupe.LastScan(context.Background(), access.System)
			if err != nil {
				t.Fatal(err)
			}
			if ok && sc.ID >= n {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("scan %d has not finished", n)
			}
		}
	}
	run("log in as the coordinator and open the queue",
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(s.url+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), demo.Email("coordinator")),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
		chromedp.WaitReady(chromedp.CSS(`nav a[href="/duplicates"]`)),
		chromedp.Click(chromedp.CSS(`.navgroup:has(a[href="/duplicates"]) > details > summary`)),
		chromedp.Click(chromedp.CSS(`nav a[href="/duplicates"]`)),
		chromedp.WaitVisible(chromedp.CSS("#scan")),
	)
	if got := js(`document.querySelector("#last-scan").textContent`); !strings.Contains(got, "not been scanned") {
		t.Errorf("before the first scan: %q", got)
	}
	run("start a scan", chromedp.Click(chromedp.CSS("#scan")), chromedp.WaitVisible(chromedp.CSS(".flash, [role=status]")))
	scanned(1)
	run("see the queue", chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("a.pair-link")))
	names := js(`Array.from(document.querySelectorAll("table.duplicates tbody tr")).map(r => r.innerText).join(" | ")`)
	if !strings.Contains(names, "Omarova Madina") || !strings.Contains(names, "Иванова Анна") {
		t.Fatalf("the queue: %s", names)
	}
	shootFull(t, step, "duplicates-queue")
	run("the queue at a phone's width", chromedp.EmulateViewport(390, 844), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("a.pair-link")))
	if wide := js(`String(document.documentElement.scrollWidth > window.innerWidth)`); wide != "false" {
		t.Error("the queue is wider than a phone")
	}
	shootFull(t, step, "duplicates-queue-390")
	run("back to a desktop's width", chromedp.EmulateViewport(1280, 900), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("a.pair-link")))

	pairOf := func(p people.Person) int64 {
		t.Helper()
		rows, _, err := s.app.Dedupe.Queue(context.Background(), access.System, dedupe.Page{Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if r.A.ID == p.ID || r.B.ID == p.ID {
				return r.ID
			}
		}
		t.Fatalf("no pair of %s", p.FullName())
		return 0
	}
	mp, ap := pairOf(madina), pairOf(anna)
	run("open the pair in two scripts",
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`a[href="/duplicates/%d"]`, mp))),
		chromedp.WaitVisible(chromedp.CSS("#merge")),
	)
	if got := js(`document.querySelector("table.compare").innerText`); !strings.Contains(got, "Omarova") || !strings.Contains(got, "Not on both") {
		t.Errorf("the pair side by side: %s", got)
	}
	shootFull(t, step, "duplicates-pair")
	run("the pair at a phone's width", chromedp.EmulateViewport(390, 844), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#merge")))
	if wide := js(`String(document.documentElement.scrollWidth > window.innerWidth)`); wide != "false" {
		t.Error("the pair page is wider than a phone")
	}
	shootFull(t, step, "duplicates-pair-390")
	run("merge it",
		chromedp.EmulateViewport(1280, 900),
		chromedp.Click(chromedp.CSS("#merge")),
		chromedp.WaitNotPresent(chromedp.CSS("#merge")),
		chromedp.WaitVisible(chromedp.CSS("#last-scan")),
	)
	run("open the pair with swapped dates and say they are different people",
		chromedp.Navigate(fmt.Sprintf("%s/duplicates/%d", s.url, ap)),
		chromedp.WaitVisible(chromedp.CSS("#distinct")),
		chromedp.Click(chromedp.CSS("#distinct")),
		chromedp.WaitNotPresent(chromedp.CSS("#distinct")),
		chromedp.WaitVisible(chromedp.CSS("#last-scan")),
	)
	run("scan again", chromedp.Click(chromedp.CSS("#scan")), chromedp.WaitVisible(chromedp.CSS(".flash, [role=status]")))
	scanned(2)
	run("see the queue after the scan", chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#last-scan")))
	after := js(`document.querySelector("main").innerText`)
	if strings.Contains(after, "Omarova Madina") || strings.Contains(after, "Иванова Анна") {
		t.Errorf("a decided pair is back after a scan: %s", after)
	}
	r, err := s.app.Dedupe.Open(context.Background(), access.System, ap, people.ViaWeb)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != dedupe.Distinct || r.DecidedBy != coord.userID {
		t.Errorf("the pair with swapped dates: %s by %d", r.Status, r.DecidedBy)
	}
}
