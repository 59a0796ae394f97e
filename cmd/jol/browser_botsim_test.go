package main

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/i18n"
)

// An administrator talks to the bot in the chat simulator, with no
// token: /start, the language button, Persian; the bot's next message
// is in Persian and reads right to left; an old button gets the notice
// Telegram would show. Each tap is a plain form post.
func TestBrowserChatSimulator(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	step, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	b := tab{t, step}
	run, js := b.run, b.js
	b.logIn(s.url, "admin")
	run("open the bot's page", chromedp.Navigate(s.url+"/admin/bot"), chromedp.WaitVisible(chromedp.CSS("#bot-off")),
		chromedp.Click(chromedp.CSS(`a[href="/admin/bot/chat"]`)), chromedp.WaitVisible(chromedp.CSS("#text")))
	// The demo's simulated chat has talked already: start over, which
	// sends /start to a fresh chat.
	// The old page has a language button too: wait for the fresh chat,
	// one message of the user's and the menu, before pressing anything.
	run("start over", chromedp.Click(chromedp.CSS("#restart")))
	fresh := `document.querySelectorAll("#transcript li.sim-in").length === 1 && !!document.querySelector('button[value$=":f:language"]')`
	for i := 0; !b.truth(fresh); i++ {
		if i == 300 {
			t.Fatalf("after starting over: %s", js(`document.querySelector("#transcript").innerText`))
		}
		time.Sleep(100 * time.Millisecond)
	}
	first := js(`document.querySelector('button[value$=":f:language"]').value`)
	run("tap the language button", chromedp.Click(chromedp.CSS(`button[value="`+first+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(`button[value$=":fa"]`)))
	if got := b.text(`button[value$=":fa"]`); got != "فارسی" {
		t.Errorf("the Persian button reads %q", got)
	}
	run("choose Persian", chromedp.Click(chromedp.CSS(`button[value$=":fa"]`)),
		chromedp.WaitVisible(chromedp.CSS(`button[value$=":f:language"]:not([value="`+first+`"])`)))
	set := botText(t, i18n.FA, "bot.language.set")
	answer := `[...document.querySelectorAll("#transcript li.sim-out p")].find(p => p.textContent === ` + strconv.Quote(set) + `)`
	if js(`String(!!`+answer+`)`) != "true" {
		t.Fatalf("the bot's answer is not %q: %s", set, js(`document.querySelector("#transcript").innerText`))
	}
	if got := js(`getComputedStyle(` + answer + `).direction`); got != "rtl" {
		t.Errorf("the Persian answer reads %s", got)
	}
	if got := js(`[...document.querySelectorAll("#transcript li.sim-in")].pop().textContent`); got != "▸ فارسی" {
		t.Errorf("the user's last bubble reads %q", got)
	}
	run("tap an old button", chromedp.Click(chromedp.CSS(`button[value="`+first+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(".sim-notice")))
	if got := b.text(".sim-notice"); got != botText(t, i18n.FA, "bot.stale") {
		t.Errorf("the notice reads %q", got)
	}
	for _, size := range [][2]int64{{390, 844}, {1280, 900}} {
		run("resize", chromedp.EmulateViewport(size[0], size[1]), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#text")))
		if js(`String(document.documentElement.scrollWidth <= window.innerWidth)`) != "true" {
			t.Errorf("the simulator is wider than %d px", size[0])
		}
		shootFull(t, step, fmt.Sprintf("botsim-%d", size[0]))
	}
	run("the bot's page", chromedp.Navigate(s.url+"/admin/bot"), chromedp.WaitVisible(chromedp.CSS("#bot-counts")))
	shootFull(t, step, "botops-1280")
}
