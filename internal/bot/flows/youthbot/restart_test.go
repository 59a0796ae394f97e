package youthbot_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/bot/flows"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/youth"
)

// TestRestartMidRegistration stops the bot after the place is chosen
// and starts it again, as a restarted process over the same database:
// the registration carries on, the answers before the restart registered
// with those after.
func TestRestartMidRegistration(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		newProgramme(t, w)
		fs, err := flows.All(w.Services)
		must(t, err)
		r := bottest.Start(t, w, fs...)
		region, field := names(t, w, "kk")
		c := r.Chat(t, 51, "kk")
		c.Cmd("/start")
		c.Press(tr(w, "kk", "youthbot.menu.register"))
		c.Text("Omarov Timur Serikuly")
		c.Text("2004-11-30")
		c.Press(region)
		r.Restart(t)
		c.Press(tr(w, "kk", "youth.settlement.rural"))
		c.Press(tr(w, "kk", "youth.status.employed"))
		c.Press(field)
		c.Text("Өз ісімді ашу")
		c.Contact("+77017654321", c.ID)
		c.Press(tr(w, "kk", "youthbot.consent_yes"))
		y, err := w.Services.Youth.Get(t.Context(), w.Principal(access.Admin), youthOfChat(t, w, c.ID), youth.ViaTelegram)
		must(t, err)
		if y.LastName != "Omarov" || y.FirstName != "Timur" || y.Patronymic != "Serikuly" || !y.Birth.Equal(day(2004, 11, 30)) ||
			y.RegionCode != "KZ-75" || y.Settlement != youth.Rural || y.Goals != "Өз ісімді ашу" {
			t.Errorf("after the restart: %+v", y)
		}
	})
}
