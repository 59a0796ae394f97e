package conv_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/testworld"
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
	run  func(c *bottest.DirectChat, l links)
}{
	{"language", func(c *bottest.DirectChat, l links) {
		c.Cmd("/start")
		c.PressAt(1, 0) // the main menu's "change language" (below the probe's button)
		c.PressAt(2, 0) // فارسی
		c.Cmd("/language")
		c.PressAt(0, 1) // Русский
	}},
	{"bad_input", func(c *bottest.DirectChat, l links) {
		c.Cmd("/start")
		c.Text("hello")                   // text where a button is expected: the question again
		c.Photo()                         // a photo: please use the buttons
		c.Text(strings.Repeat("ж", 4096)) // the longest message Telegram sends
		c.Contact("+77010000000", c.ID)   // a contact nobody asked for is not kept
		c.Cmd("/language")                // a question of its own
		c.Text("English")                 // typed, not pressed: asked again
		c.PressIn(0, 0, 0)                // the main menu's button, now stale
		c.Send(fakePress("1:x"), "(a forged button)")
		c.Cmd("/frobnicate")
		c.Cmd("/help")
		c.Cmd("/cancel")
		c.Cmd("/cancel")
	}},
	{"deep_links", func(c *bottest.DirectChat, l links) {
		c.Cmd("/start " + l.org)
		c.Cmd("/start " + l.disabled)
		c.Cmd("/start NoSuchKey0000000")
		c.Cmd("/start " + strings.Repeat("x", 4000))
		c.Cmd("/start link-nonsense")
	}},
	{"flow", func(c *bottest.DirectChat, l links) {
		c.Cmd("/start " + l.region) // a region's link starts the probe flow
		c.Send(fakePress("1:r"), "(the colour's button, before its question)")
		c.Text("J") // refused by the step: asked again
		c.Text(strings.Repeat("ә", 1001))
		c.Text("Jamila")
		c.Photo()
		c.Text("red")        // typed: the buttons are the only answer
		c.PressAt(0, 1)      // blue
		c.PressAt(0, 0)      // the colour's button again: stale
		c.Text("+7 701 000") // typed: the contact button is the only way
		c.Contact("+77019999999", c.ID+1)
		c.Contact("+77010000001", c.ID)
	}},
}

func TestScripts(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		l := makeLinks(t, w)
		e := engine(t, w)
		for i, s := range scripts {
			for j, lang := range []string{"kk", "ru", "fa"} {
				t.Run(s.name+"_"+lang, func(t *testing.T) {
					c := bottest.Direct(t, w, e, int64(1000+10*i+j), lang)
					c.Mask(l.org, "<org link>")
					c.Mask(l.region, "<region link>")
					c.Mask(l.disabled, "<disabled link>")
					s.run(c, l)
					c.Golden(s.name + "_" + lang)
				})
			}
		}
	})
}
