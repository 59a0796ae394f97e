package youthbot_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/youth"

	"github.com/jolproject/jol/internal/testworld"
)

// TestBadInput answers the registration wrongly in every way a chat can:
// text where a button is expected, a photo, one word for a name, a date
// that is no date, the ages 13 and 30 (refused with the range, as on the
// web form), a typed phone, a stale button. Each gets the question again
// with a clear word in Persian, and nothing is registered.
func TestBadInput(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		newProgramme(t, w)
		c := bottest.Direct(t, w, engine(t, w), 31, "fa")
		c.Cmd("/start")
		menu := c.Keyboard()
		c.Press(tr(w, "fa", "youthbot.menu.register"))
		c.Photo()
		c.Text("Aruzhan")
		c.Text("Seitkali Aruzhan")
		c.Text("yesterday")
		c.Text("10.03.2013") // 13 on the world's day
		c.Text("10.03.1996") // 30
		c.Text("۱۳۸۸/۰۲/۰۵") // Solar Hijri, in Persian digits: 17
		c.Text("Almaty")     // typed where a region's button is expected
		c.PressOn(menu, tr(w, "fa", "youthbot.menu.register"))
		region, _ := names(t, w, "fa")
		c.Press(region)
		c.Press(tr(w, "fa", "youth.settlement.rural"))
		c.Photo()
		c.Press(tr(w, "fa", "youth.status.neet"))
		_, field := names(t, w, "fa")
		c.Press(field)
		c.Press(tr(w, "fa", "youthbot.skip"))
		c.Text("+7 701 123 45 67") // typed: only the contact button shares the number
		c.Contact("+77011234567", c.ID)
		c.Text(strings.Repeat("ب", youth.MaxName+1)) // the guardian's name, too long
		c.Cmd("/cancel")
		c.Golden("bad_input_fa")
		if id := youthOfChat(t, w, c.ID); id != 0 {
			t.Errorf("young person %d registered from a half-answered registration", id)
		}
	})
}
