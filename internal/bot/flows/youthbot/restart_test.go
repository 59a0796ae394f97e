package youthbot_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/bot/flows"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/youth"
)

// freshEngine is an engine on a conversation service of its own, as a
// restarted process builds: nothing of an earlier one is in memory.
func freshEngine(t *testing.T, w *testworld.World) *conv.Engine {
	t.Helper()
	svc := w.Services
	s, err := conv.New(w.DB, svc.Audit, conv.Deps{Links: svc.BotLinks, Settings: svc.Settings, Accounts: svc.Accounts,
		Catalog: svc.Catalog}, w.Clock.Now)
	must(t, err)
	fs, err := flows.All(svc)
	must(t, err)
	e, err := s.Engine(fs...)
	must(t, err)
	return e
}

// TestRestartMidRegistration stops after the place is chosen and carries
// on with a new engine, as after a restart: the answers before it are
// registered with those after.
func TestRestartMidRegistration(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		newProgramme(t, w)
		region, field := names(t, w, "kk")
		c := newChat(t, w, engine(t, w), 51, "kk")
		c.cmd("/start")
		c.press(tr(w, "kk", "youthbot.menu.register"))
		c.text("Omarov Timur Serikuly")
		c.text("2004-11-30")
		c.press(region)
		c.e = freshEngine(t, w) // the restart
		c.press(tr(w, "kk", "youth.settlement.rural"))
		c.press(tr(w, "kk", "youth.status.employed"))
		c.press(field)
		c.text("Өз ісімді ашу")
		c.contact("+77017654321")
		c.press(tr(w, "kk", "youthbot.consent_yes"))
		y, err := w.Services.Youth.Get(t.Context(), w.Principal(access.Admin), youthOfChat(t, w, c.id), youth.ViaTelegram)
		must(t, err)
		if y.LastName != "Omarov" || y.FirstName != "Timur" || y.Patronymic != "Serikuly" || !y.Birth.Equal(day(2004, 11, 30)) ||
			y.RegionCode != "KZ-75" || y.Settlement != youth.Rural || y.Goals != "Өз ісімді ашу" {
			t.Errorf("after the restart: %+v", y)
		}
	})
}
