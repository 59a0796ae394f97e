package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The demo's warehouse keeper, on a phone, opens the central warehouse in
// Karaganda, writes off two damaged backpacks and reads the document; no
// page is wider than the screen.
func TestBrowserWarehouseOnAPhone(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	b, fits := onPhone(t, ctx, s, "warehouse", "stock")
	run, js := b.run, b.js
	run("the menu offers the warehouses", chromedp.WaitVisible(chromedp.CSS(`a[href="/warehouses"]`)))
	run("open the warehouses", chromedp.Navigate(s.url+"/warehouses"), chromedp.WaitVisible(chromedp.CSS("table.stackable")))
	fits("warehouses")
	href := js(`[...document.querySelectorAll("table.stackable tbody th")].find(th => th.textContent.includes("KRG-C")).querySelector("a").getAttribute("href")`)
	run("open the central warehouse", chromedp.Navigate(s.url+href), chromedp.WaitVisible(chromedp.CSS("#balances-title")))
	if h1 := js(`document.querySelector("h1").textContent`); !strings.Contains(h1, "Қарағанды") {
		t.Fatalf("opened %q", h1)
	}
	fits("warehouse")
	run("open the write-off form",
		chromedp.Click(chromedp.CSS(`a[href$="kind=write_off"]`)),
		chromedp.WaitVisible(chromedp.CSS(`select[name="lines.0.item"]`)))
	fits("write-off")
	backpack := js(`[...document.querySelectorAll('select[name="lines.0.item"] option')].find(o => o.textContent.includes("Рюкзак") || o.textContent.includes("сөмке") || o.textContent.includes("Backpack")).value`)
	run("write off two damaged backpacks",
		chromedp.SetValue(chromedp.CSS("#reason"), "damaged"),
		chromedp.SetValue(chromedp.CSS(`select[name="lines.0.item"]`), backpack),
		chromedp.SendKeys(chromedp.CSS(`input[name="lines.0.quantity"]`), "2"),
		chromedp.Click(chromedp.CSS(`form button.primary`)),
		chromedp.WaitVisible(chromedp.CSS("#moves-title")))
	if cell := js(`document.querySelector("#moves-title + .table-wrap td.num").textContent`); cell != "-2" {
		t.Fatalf("the write-off moved %q", cell)
	}
	fits("document")
}
