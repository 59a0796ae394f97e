package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/appeals"
	"github.com/jolproject/jol/internal/demo"
)

// The Karaganda hotline's operator, who reads Jol in Russian, finds an
// overdue question at the top of the queue, marked in words, opens it,
// records the answer, and it leaves the overdue state and the open queue.
func TestBrowserHotlineDeskAnswersAnOverdueAppeal(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	u, err := s.app.Accounts.LookupEmail(context.Background(), demo.Email("hotline"))
	if err != nil {
		t.Fatal(err)
	}
	op := u.Principal()
	// Ten days ago: a question is given one working day, so it is overdue
	// whatever the day the test runs.
	late, err := s.app.Appeals.Create(context.Background(), op, appeals.Input{Kind: appeals.Question, Channel: appeals.Hotline,
		CallerName: "Айгуль Нурланова", CallerPhone: "+7 701 412 33 10", Subject: "Когда начнётся выдача рюкзаков в Темиртау?",
		RegionCode: "KZ-35", ReceivedAt: time.Now().AddDate(0, 0, -10)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.app.Appeals.Create(context.Background(), op, appeals.Input{Kind: appeals.RequestForAid, Channel: appeals.Reception,
		CallerName: "Сергей Ким", Subject: "Трое детей идут в школу, нужна форма.", RegionCode: "KZ-35"}); err != nil {
		t.Fatal(err)
	}
	step, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	b := tab{t, step}
	run, js := b.run, b.js
	run("log in as the hotline operator",
		chromedp.Navigate(s.url+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), demo.Email("hotline")),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".usermenu > summary")),
	)
	run("open the desk", chromedp.Navigate(s.url+"/desk"), chromedp.WaitVisible(chromedp.CSS("table.queue")))
	if lang := js(`document.documentElement.lang`); lang != "ru" {
		t.Fatalf("the desk is in %q", lang)
	}
	first := js(`document.querySelector("table.queue tbody tr").textContent`)
	if !strings.Contains(first, "Когда начнётся выдача рюкзаков") || !strings.Contains(first, "Просрочено") ||
		js(`document.querySelector("table.queue tbody tr").className`) != "overdue" {
		t.Fatalf("the first row of the queue: %q", first)
	}
	if second := js(`document.querySelectorAll("table.queue tbody tr")[1].textContent`); strings.Contains(second, "Просрочено") {
		t.Fatalf("the fresh request is marked overdue: %q", second)
	}
	if note := js(`document.querySelector(".overdue-note").textContent`); !strings.Contains(note, "1 просроченное обращение") {
		t.Fatalf("the count of overdue appeals: %q", note)
	}
	shootFull(t, step, "desk-queue-ru")
	run("open the overdue appeal",
		chromedp.Click(chromedp.CSS("table.queue tbody tr:first-child th a")),
		chromedp.WaitVisible(chromedp.CSS("#answer")),
	)
	if h1 := js(`document.querySelector("h1").textContent`); !strings.Contains(h1, "Просрочено") || !strings.Contains(h1, "Открыто") {
		t.Fatalf("the appeal's heading: %q", h1)
	}
	shootFull(t, step, "desk-appeal-ru")
	run("record the answer",
		chromedp.SetValue(chromedp.CSS("#outcome"), string(appeals.Informed)),
		chromedp.SendKeys(chromedp.CSS("#answer"), "Выдача с 20 августа в школах по месту учёбы."),
		chromedp.Click(chromedp.CSS(`form[action$="/answer"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("p.flash")),
	)
	if h1 := js(`document.querySelector("h1").textContent`); strings.Contains(h1, "Просрочено") || !strings.Contains(h1, "Дан ответ") {
		t.Fatalf("the answered appeal's heading: %q", h1)
	}
	if body := js(`document.querySelector("main").textContent`); !strings.Contains(body, "С опозданием") || !strings.Contains(body, "Дана информация") {
		t.Fatalf("the answer is not shown as given late: %q", body)
	}
	run("back to the queue", chromedp.Navigate(s.url+"/desk"), chromedp.WaitVisible(chromedp.CSS("table.queue")))
	if got := js(`document.querySelector("table.queue tbody").textContent`); strings.Contains(got, "Просрочено") || strings.Contains(got, "рюкзаков") {
		t.Fatalf("the queue after the answer: %q", got)
	}
	if got, err := s.app.Appeals.Get(context.Background(), op, late.ID, "web"); err != nil || got.Status != appeals.Answered || got.OnTime() {
		t.Fatalf("stored: %+v, %v", got, err)
	}
	run("record a call from an unknown caller",
		chromedp.Navigate(s.url+"/desk/new"),
		chromedp.WaitVisible(chromedp.CSS("#q")),
		chromedp.SetValue(chromedp.CSS("#kind"), string(appeals.Complaint)),
		chromedp.SendKeys(chromedp.CSS("#caller_name"), "Гульмира Оспанова"),
		chromedp.SendKeys(chromedp.CSS("#region"), "KZ-35"),
		chromedp.SendKeys(chromedp.CSS("#subject"), "В комплекте не оказалось дневника."),
	)
	shootFull(t, step, "desk-new-ru")
	run("save it", chromedp.Click(chromedp.CSS(`form[action="/desk"] button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS("p.flash")))
	if h1 := js(`document.querySelector("h1").textContent`); !strings.Contains(h1, "Открыто") {
		t.Fatalf("the new appeal's heading: %q", h1)
	}
	run("the statistics", chromedp.Navigate(s.url+"/desk/stats"), chromedp.WaitVisible(chromedp.CSS("#by-kind")))
	if kinds := js(`document.querySelector("#by-kind").parentElement.textContent`); !strings.Contains(kinds, "Жалоба") || !strings.Contains(kinds, "Все обращения") {
		t.Fatalf("statistics by kind: %q", kinds)
	}
	shootFull(t, step, "desk-stats-ru")
}
