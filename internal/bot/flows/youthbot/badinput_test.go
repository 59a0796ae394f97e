package youthbot_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/youth"

	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/testworld/golden"
)

// TestBadInput answers the registration wrongly in every way a chat can:
// text where a button is expected, a photo, one word for a name, a date
// that is no date, the ages 13 and 30 (refused with the range, as on the
// web form), a typed phone, a stale button. Each gets the question again
// with a clear word in Persian, and nothing is registered.
func TestBadInput(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		newProgramme(t, w)
		c := newChat(t, w, engine(t, w), 31, "fa")
		c.cmd("/start")
		menu := c.last
		c.press(tr(w, "fa", "youthbot.menu.register"))
		c.photo()
		c.text("Aruzhan")
		c.text("Seitkali Aruzhan")
		c.text("yesterday")
		c.text("10.03.2013") // 13 on the world's day
		c.text("10.03.1996") // 30
		c.text("۱۳۸۸/۰۲/۰۵") // Solar Hijri, in Persian digits: 17
		c.text("Almaty")     // typed where a region's button is expected
		c.pressIn(menu, tr(w, "fa", "youthbot.menu.register"))
		region, _ := names(t, w, "fa")
		c.press(region)
		c.press(tr(w, "fa", "youth.settlement.rural"))
		c.photo()
		c.press(tr(w, "fa", "youth.status.neet"))
		_, field := names(t, w, "fa")
		c.press(field)
		c.press(tr(w, "fa", "youthbot.skip"))
		c.text("+7 701 123 45 67") // typed: only the contact button shares the number
		c.contact("+77011234567")
		c.text(strings.Repeat("ب", youth.MaxName+1)) // the guardian's name, too long
		c.cmd("/cancel")
		golden.Bytes(t, "bad_input_fa", []byte(c.log.String()))
		if id := youthOfChat(t, w, c.id); id != 0 {
			t.Errorf("young person %d registered from a half-answered registration", id)
		}
	})
}
