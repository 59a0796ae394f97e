package conv_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/testworld/golden"
)

// links are the deep links every script may start from.
type links struct{ org, region, disabled string }

func makeLinks(t *testing.T, w *testworld.World) links {
	t.Helper()
	ctx, p := t.Context(), coord(w)
	org, err := w.Services.BotLinks.Create(ctx, p, deeplink.Input{Kind: deeplink.Organisation, TargetID: w.Centre.ID, Label: "poster"})
	if err != nil {
		t.Fatal(err)
	}
	region, err := w.Services.BotLinks.Create(ctx, p, deeplink.Input{Kind: deeplink.Region, RegionCode: "KZ-75"})
	if err != nil {
		t.Fatal(err)
	}
	off, err := w.Services.BotLinks.Create(ctx, p, deeplink.Input{Kind: deeplink.Organisation, TargetID: w.School.ID})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Services.BotLinks.Disable(ctx, p, off.ID); err != nil {
		t.Fatal(err)
	}
	return links{org: org.Key, region: region.Key, disabled: off.Key}
}

// scripts are whole conversations, each run in Kazakh, Russian and
// Persian (Telegram's language of the user) on both engines; the
// transcripts are golden files (go test ./internal/bot/conv -update).
var scripts = []struct {
	name string
	run  func(c *chat, l links)
}{
	{"language", func(c *chat, l links) {
		c.cmd("/start")
		c.press(1, 0) // the main menu's "change language" (below the probe's button)
		c.press(2, 0) // فارسی
		c.cmd("/language")
		c.press(0, 1) // Русский
	}},
	{"bad_input", func(c *chat, l links) {
		c.cmd("/start")
		c.text("hello")                   // text where a button is expected: the question again
		c.photo()                         // a photo: please use the buttons
		c.text(strings.Repeat("ж", 4096)) // the longest message Telegram sends
		c.contact("+77010000000", c.user) // a contact nobody asked for is not kept
		c.cmd("/language")                // a question of its own
		c.text("English")                 // typed, not pressed: asked again
		c.pressIn(0, 0, 0)                // the main menu's button, now stale
		c.send(fakePress("1:x"), "(a forged button)")
		c.cmd("/frobnicate")
		c.cmd("/help")
		c.cmd("/cancel")
		c.cmd("/cancel")
	}},
	{"deep_links", func(c *chat, l links) {
		c.cmd("/start " + l.org)
		c.cmd("/start " + l.disabled)
		c.cmd("/start NoSuchKey0000000")
		c.cmd("/start " + strings.Repeat("x", 4000))
		c.cmd("/start link-nonsense")
	}},
	{"flow", func(c *chat, l links) {
		c.cmd("/start " + l.region) // a region's link starts the probe flow
		c.send(fakePress("1:r"), "(the colour's button, before its question)")
		c.text("J") // refused by the step: asked again
		c.text(strings.Repeat("ә", 1001))
		c.text("Jamila")
		c.photo()
		c.text("red")        // typed: the buttons are the only answer
		c.press(0, 1)        // blue
		c.press(0, 0)        // the colour's button again: stale
		c.text("+7 701 000") // typed: the contact button is the only way
		c.contact("+77019999999", c.user+1)
		c.contact("+77010000001", c.user)
	}},
}

func TestScripts(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		l := makeLinks(t, w)
		e := engine(t, w)
		for i, s := range scripts {
			for j, lang := range []string{"kk", "ru", "fa"} {
				t.Run(s.name+"_"+lang, func(t *testing.T) {
					c := newChat(t, w, e, int64(1000+10*i+j), lang)
					c.mask(l.org, "<org link>")
					c.mask(l.region, "<region link>")
					c.mask(l.disabled, "<disabled link>")
					s.run(c, l)
					golden.Bytes(t, s.name+"_"+lang, []byte(c.log.String()))
				})
			}
		}
	})
}
