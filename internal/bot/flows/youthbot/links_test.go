package youthbot_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/youth"
)

// TestDeepLinks starts the registration from a poster: an organisation's
// link registers with that organisation, a region's link knows where the
// young person lives and does not ask.
func TestDeepLinks(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		newProgramme(t, w)
		ctx, coord := t.Context(), w.Principal(access.Coordinator)
		org, err := w.Services.BotLinks.Create(ctx, coord, deeplink.Input{Kind: deeplink.Organisation, TargetID: w.Centre.ID})
		must(t, err)
		region, err := w.Services.BotLinks.Create(ctx, coord, deeplink.Input{Kind: deeplink.Region, RegionCode: "KZ-75"})
		must(t, err)
		e := engine(t, w)
		_, field := names(t, w, "ru")

		c := bottest.Direct(t, w, e, 71, "ru")
		out := c.Cmd("/start " + org.Key)
		if !said(out, tr(w, "ru", "youthbot.ask.name")) || !said(out, "Support centre") {
			t.Fatalf("an organisation's link: %+v", out)
		}
		c.Text("Abenova Saule")
		c.Text("01.02.2003")
		regionName, _ := names(t, w, "ru")
		c.Press(regionName)
		c.Press(tr(w, "ru", "youth.settlement.urban"))
		c.Press(tr(w, "ru", "youth.status.employed"))
		c.Press(field)
		c.Press(tr(w, "ru", "youthbot.skip"))
		c.Contact("+77015550101", c.ID)
		c.Press(tr(w, "ru", "youthbot.consent_yes"))
		y, err := w.Services.Youth.Get(ctx, w.Principal(access.Admin), youthOfChat(t, w, c.ID), youth.ViaTelegram)
		must(t, err)
		if y.OrgID != w.Centre.ID {
			t.Errorf("registered with organisation %d (%s), want the linked centre %d", y.OrgID, y.OrgName, w.Centre.ID)
		}

		c = bottest.Direct(t, w, e, 72, "kk")
		c.Cmd("/start " + region.Key)
		c.Text("Ospan Erlan")
		out = c.Text("01.02.2003")
		if !said(out, tr(w, "kk", "youthbot.ask.settlement")) {
			t.Fatalf("a region's link asks the region again: %+v", out)
		}
		c.Press(tr(w, "kk", "youth.settlement.rural"))
		c.Press(tr(w, "kk", "youth.status.neet"))
		_, field = names(t, w, "kk")
		c.Press(field)
		c.Press(tr(w, "kk", "youthbot.skip"))
		c.Contact("+77015550102", c.ID)
		c.Press(tr(w, "kk", "youthbot.consent_yes"))
		y, err = w.Services.Youth.Get(ctx, w.Principal(access.Admin), youthOfChat(t, w, c.ID), youth.ViaTelegram)
		must(t, err)
		if y.RegionCode != "KZ-75" || y.OrgPath[:len(w.Foundation.Path)] != w.Foundation.Path {
			t.Errorf("from the region's link: region %s, organisation %s", y.RegionCode, y.OrgPath)
		}
	})
}
