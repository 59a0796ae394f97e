package staffbot

import (
	"time"

	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/i18n"
)

// clockText is moment t as the chat reads it: in the installation's time
// zone (settings.Settings.Location, as every page shows times), its hour
// alone when it is today there, else the day and the hour in the
// installation's calendar (Persian always in its own), with the chat
// language's digits.
func (b *staff) clockText(c *conv.Chat, t time.Time) (string, error) {
	set, err := b.s.Settings.GetIn(c.Ctx, c.Tx)
	if err != nil {
		return "", err
	}
	loc := set.Location()
	at, now := t.In(loc), c.Now().In(loc)
	if at.Year() == now.Year() && at.YearDay() == now.YearDay() {
		return c.L.Digits(at.Format("15:04")), nil
	}
	calendar := set.Calendar
	if c.L.Locale() == i18n.FA {
		calendar = i18n.CalendarSolarHijri
	}
	return c.L.DateTimeWithCalendar(at, calendar), nil
}
