package main

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/youth"
)

// A young person registers in Persian in the chat simulator, with its
// buttons from the main menu to the consent: the language, the name and
// date of birth typed, the region, the settlement, the status and the
// field pressed, the goals typed, the phone shared. The bot's replies
// read right to left, and the young person exists with the field and
// region chosen, followed in the simulator's chat.
func TestBrowserYouthRegistersInPersian(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	a := s.app
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	var youthOrg int64
	err := a.db.R.QueryRowContext(t.Context(), "SELECT id FROM organisations WHERE parent_id IS NULL AND name LIKE '%Жастар Үні%'").Scan(&youthOrg)
	check(err)
	m, err := a.Mentoring.Create(t.Context(), access.System, mentoring.Input{Name: "Aigerim Sadykova", Email: "aigerim@example.org",
		Background: mentoring.Coach, Fields: []string{"it"}, Languages: []string{"kk", "ru"}, OrgID: youthOrg,
		RegionCode: "KZ-71", Online: true, Capacity: 2})
	check(err)
	_, err = a.db.W.ExecContext(t.Context(), store.Rebind(a.db.Engine, "UPDATE mentors SET status = 'approved' WHERE id = $1"), m.ID)
	check(err)

	step, cancel := context.WithTimeout(ctx, 120*time.Second)
	defer cancel()
	b := tab{t, step}
	run := b.run
	// tap presses the latest button whose value ends in suffix (its data
	// after the question's version), once the page shows until.
	// await waits until the page, reloaded after each post, makes expr
	// true.
	await := func(what, expr string) {
		t.Helper()
		for range 300 {
			if ok, err := chromedp.Run(step, chromedp.Evaluate[bool](expr)); err == nil && ok {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("%s: waited in vain for %s: %s", what, expr, b.js(`document.querySelector("#transcript").innerText`))
	}
	tap := func(suffix, until string) {
		t.Helper()
		run("tap "+suffix, chromedp.Evaluate[chromedp.Void](`setTimeout(() => [...document.querySelectorAll('#transcript button[value$=`+
			strconv.Quote(suffix)+`]')].pop().click(), 0)`))
		await("tap "+suffix, until)
	}
	send := func(text, until string) {
		t.Helper()
		run("send "+text, chromedp.SendKeys(chromedp.CSS("#text"), text), chromedp.Submit(chromedp.CSS("#text")))
		await("send "+text, until)
	}
	has := func(sel string) string { return `!!document.querySelector(` + strconv.Quote(sel) + `)` }
	says := func(key string) string {
		return `document.querySelector("#transcript").textContent.includes(` + strconv.Quote(botText(t, i18n.FA, key)) + `)`
	}
	b.logIn(s.url, "admin")
	run("open the simulator", chromedp.Navigate(s.url+"/admin/bot/chat"), chromedp.WaitVisible(chromedp.CSS("#text")))
	// The demo's simulated chat has talked already: start over, which
	// sends /start to a fresh chat.
	run("start over", chromedp.Click(chromedp.CSS("#restart")))
	await("start over", `document.querySelectorAll("#transcript li.sim-in").length === 1 && `+has(`button[value$=":f:youth"]`))
	tap(":f:language", has(`button[value$=":fa"]`))
	tap(":fa", says("bot.language.set"))
	tap(":f:youth", says("youthbot.ask.name"))
	send("Seitkali Aruzhan", says("youthbot.ask.birth"))
	send("۱۳۸۴/۱۲/۱۹", has(`button[value$=":KZ-71"]`)) // 10 March 2006, Solar Hijri in Persian digits
	tap(":KZ-71", has(`button[value$=":urban"]`))
	tap(":urban", has(`button[value$=":in_education"]`))
	tap(":in_education", has(`button[value$=":it"]`))
	tap(":it", has(`button[value$=":skip"]`))
	send("یادگیری طراحی وب", has("#phone"))
	run("share the phone", chromedp.SendKeys(chromedp.CSS("#phone"), "+77011234567"), chromedp.Submit(chromedp.CSS("#phone")))
	await("share the phone", has(`button[value$=":yes"]`))
	tap(":yes", has(`button[value$=":later"]`))
	done := `[...document.querySelectorAll("#transcript li.sim-out p")].find(p => p.textContent.startsWith(` +
		strconv.Quote(botText(t, i18n.FA, "youthbot.registered")) + `))`
	if !b.truth(`!!` + done) {
		t.Fatalf("no confirmation: %s", b.js(`document.querySelector("#transcript").innerText`))
	}
	if got := b.js(`getComputedStyle(` + done + `).direction`); got != "rtl" {
		t.Errorf("the Persian confirmation reads %s", got)
	}
	shootFull(t, step, "botsim-youth-fa")

	admin, err := a.Accounts.LookupEmail(t.Context(), demo.Email("admin"))
	check(err)
	var id int64
	err = a.db.R.QueryRowContext(t.Context(), store.Rebind(a.db.Engine, "SELECT youth_id FROM youth_chats WHERE chat_id = $1"),
		bot.SimulatedChat(admin.ID)).Scan(&id)
	check(err)
	y, err := a.Youth.Get(t.Context(), access.System, id, youth.ViaWeb)
	check(err)
	if y.Field != "it" || y.RegionCode != "KZ-71" || y.Language != "fa" || y.Channel != youth.Telegram ||
		y.Goals != "یادگیری طراحی وب" || !y.Birth.Equal(time.Date(2006, 3, 10, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("registered in the simulator: %+v", y)
	}
}
