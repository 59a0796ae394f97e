package main

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/deliveries"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
)

// The Shapağat centre's staff, on a phone and in Russian, open their
// delivery, try to count more kits than were sent (refused, in Russian),
// then confirm one short with its reason; the board and the delivery say
// so, and no page is wider than the screen.
func TestBrowserCentreConfirmsADeliveryOnAPhone(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	centreDelivery(t, s)
	b, fits := onPhone(t, ctx, s, "centre", "delivery")
	run, js := b.run, b.js
	run("the menu offers the deliveries", chromedp.WaitVisible(chromedp.CSS(`a[href="/deliveries"]`)))
	run("open the deliveries", chromedp.Navigate(s.url+"/deliveries"), chromedp.WaitVisible(chromedp.CSS("table.stackable")))
	if rows := js(`String(document.querySelectorAll("table.stackable tbody tr").length)`); rows != "1" {
		t.Fatalf("the centre sees %s deliveries, want its own", rows)
	}
	if tag := js(`document.querySelector("table.stackable tbody .tag").textContent`); tag != "Ждёт подтверждения центра" {
		t.Fatalf("the board says %q", tag)
	}
	fits("board")
	run("open the delivery",
		chromedp.Click(chromedp.CSS(`table.stackable tbody th a`)),
		chromedp.WaitVisible(chromedp.CSS("#confirm-title")))
	if h := js(`document.querySelector("#confirm-title").textContent`); h != "Подтвердить получение" {
		t.Fatalf("the confirmation is titled %q", h)
	}
	sent, err := strconv.Atoi(js(`document.querySelector('input[name="lines.1.quantity"]').value`))
	if err != nil || sent < 2 {
		t.Fatalf("sent %d (%v)", sent, err)
	}
	fits("confirm")
	count := func(n int) []chromedp.Action[chromedp.Void] {
		return []chromedp.Action[chromedp.Void]{chromedp.Clear(chromedp.CSS(`input[name="lines.1.quantity"]`)),
			chromedp.SendKeys(chromedp.CSS(`input[name="lines.1.quantity"]`), strconv.Itoa(n))}
	}
	run("count one more than was sent", append(count(sent+1),
		chromedp.Click(chromedp.CSS(`form[action$="/confirm"] button.primary`)),
		chromedp.WaitVisible(chromedp.CSS(`[id="lines.1.quantity-error"]`)))...)
	if msg := js(`document.querySelector('[id="lines.1.quantity-error"]').textContent`); !strings.HasPrefix(msg,
		"Больше, чем отправлено: отправлено "+strconv.Itoa(sent)+".") {
		t.Fatalf("the refusal reads %q", msg)
	}
	fits("refused")
	run("confirm one short, with its reason", append(count(sent-1),
		chromedp.SetValue(chromedp.CSS(`select[name="lines.1.reason"]`), "missing"),
		chromedp.SendKeys(chromedp.CSS(`input[name="lines.1.note"]`), "Одного набора не хватило при приёмке"),
		chromedp.SendKeys(chromedp.CSS(`#note`), "Принято воспитателем, акт подписан"),
		chromedp.Click(chromedp.CSS(`form[action$="/confirm"] button.primary`)),
		chromedp.WaitNotPresent(chromedp.CSS("#confirm-title")),
		chromedp.WaitVisible(chromedp.CSS("#lines-title")))...)
	if h1 := js(`document.querySelector("h1").textContent`); !strings.Contains(h1, "Подтверждена центром") ||
		!strings.Contains(h1, "недостача 1 шт.") {
		t.Fatalf("the delivery reads %q", h1)
	}
	if cell := js(`document.querySelector("#lines-title + .table-wrap tbody td:last-child").textContent`); !strings.Contains(cell, "Не хватает") ||
		!strings.Contains(cell, "Одного набора не хватило при приёмке") {
		t.Fatalf("the discrepancy reads %q", cell)
	}
	fits("confirmed")
	run("back to the board", chromedp.Navigate(s.url+"/deliveries?all=1"), chromedp.WaitVisible(chromedp.CSS("table.stackable")))
	if tag := js(`document.querySelector("table.stackable tbody .tag").textContent`); tag != "Получена с недостачей" {
		t.Fatalf("the board says %q", tag)
	}
}

// centreDelivery delivers primary kits to the Shapağat centre, whose
// staff the demo's "centre" login is, and leaves the delivery awaiting
// their confirmation: three pupils of grades 1–3 on its roster (the
// server's demo has no children), a delivery campaign of the foundation
// in Karaganda region, planned by the coordinator, dispatched from the
// central warehouse and marked delivered by the warehouse keeper.
func centreDelivery(t *testing.T, s *testServer) {
	t.Helper()
	ctx := context.Background()
	login := func(local string) access.Principal {
		u, err := s.app.Accounts.LookupEmail(ctx, demo.Email(local))
		if err != nil {
			t.Fatal(err)
		}
		return u.Principal()
	}
	staff, coord, keeper := login("centre"), login("coordinator"), login("warehouse")
	for g := 1; g <= 3; g++ {
		if _, err := s.app.People.Create(ctx, access.System, people.Input{LastName: "Иванова", FirstName: "Ученица " + strconv.Itoa(g),
			BirthDate: time.Date(2019-g, 3, 1, 0, 0, 0, 0, time.UTC), RegionCode: "KZ-35", OrgID: staff.OrgID, Grade: g,
			Status: people.Pupil}); err != nil {
			t.Fatal(err)
		}
	}
	today := time.Now().UTC()
	c, err := s.app.Campaigns.Create(ctx, coord, campaign.Input{Slug: "backpacks-browser", Programme: campaign.Delivery,
		OrganiserID: coord.OrgID, StartsOn: today.AddDate(0, 0, -30), EndsOn: today.AddDate(0, 0, 60),
		Texts:       []campaign.Text{{Locale: "kk", Name: "Әр тәрбиеленушіге — портфель"}, {Locale: "ru", Name: "Портфель — каждому воспитаннику"}},
		RegionCodes: []string{"KZ-35"}, Items: []campaign.Offered{{Code: "primary_kit", Target: 100}}})
	if err != nil {
		t.Fatal(err)
	}
	if c, err = s.app.Campaigns.Transition(ctx, coord, c.ID, c.Version, campaign.Open); err != nil {
		t.Fatal(err)
	}
	var central int64
	whs, err := s.app.Stock.Warehouses(ctx, access.System)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range whs {
		if w.Code == "KRG-C" {
			central = w.ID
		}
	}
	res, err := s.app.Deliveries.Plan(ctx, coord, deliveries.PlanInput{CampaignID: c.ID, WarehouseID: central,
		DueOn: today.AddDate(0, 0, 10), Types: []orgs.Type{orgs.SupportCentre},
		Lines: []deliveries.LineInput{{ItemID: c.Items[0].ItemID, Rule: deliveries.PerPupil, GradeMin: 1, GradeMax: 4, PerPupil: 1}}})
	if err != nil || len(res.Deliveries) != 1 {
		t.Fatalf("plan: %+v %v", res, err)
	}
	d, err := s.app.Deliveries.Dispatch(ctx, keeper, deliveries.DispatchInput{ID: res.Deliveries[0].ID, Version: 1})
	if err == nil {
		_, err = s.app.Deliveries.MarkDelivered(ctx, keeper, d.ID, d.Version)
	}
	if err != nil {
		t.Fatal(err)
	}
}
