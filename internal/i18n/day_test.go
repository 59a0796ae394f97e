package i18n

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"
)

// A Day argument is written like the pages write a date: in the reader's
// language, digits and calendar, not as the ISO string the domain holds.
func TestDayArgumentInReadersCalendar(t *testing.T) {
	c := newCatalog(t)
	day := Day(time.Date(2026, 3, 21, 0, 0, 0, 0, time.UTC))
	for _, tc := range []struct {
		locale   Locale
		calendar string
		want     string
	}{
		{KK, "", "Апелляция қабылдау 21.03.2026 күнінің соңында аяқталды."},
		{RU, "", "Приём апелляций закончился в конце дня 21.03.2026."},
		{FA, "", "مهلت اعتراض در پایان ۱۴۰۵/۰۱/۰۱ به سر آمد."},
		// A Persian reader gets the Solar Hijri calendar whatever the setting.
		{FA, CalendarGregorian, "مهلت اعتراض در پایان ۱۴۰۵/۰۱/۰۱ به سر آمد."},
		// Others get the installation's calendar when it names one.
		{RU, CalendarSolarHijri, "Приём апелляций закончился в конце дня 1405/01/01."},
	} {
		l := c.Localizer(tc.locale).WithCalendar(tc.calendar)
		if got := l.T("error.selection_appeal_late", "Date", day); got != tc.want {
			t.Errorf("%s/%q: got %q, want %q", tc.locale, tc.calendar, got, tc.want)
		}
	}
}

// A Day is a calendar day: a time late in the evening west of UTC is still
// the day it names in UTC, as Page.Day shows it.
func TestDayIsTheUTCDay(t *testing.T) {
	west := time.FixedZone("west", -5*3600)
	l := newCatalog(t).Localizer(RU)
	got := l.T("error.selection_appeal_late", "Date", Day(time.Date(2026, 3, 20, 19, 0, 0, 0, west)))
	if want := "Приём апелляций закончился в конце дня 21.03.2026."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Outside a message — in a log line or an API's JSON arguments — a Day is
// the ISO day a program reads.
func TestDayOutsideAMessageIsISO(t *testing.T) {
	d := Day(time.Date(2026, 3, 21, 0, 0, 0, 0, time.UTC))
	b, err := json.Marshal(map[string]any{"Date": d})
	if err != nil || string(b) != `{"Date":"2026-03-21"}` {
		t.Errorf("json = %s, %v", b, err)
	}
	if got := fmt.Sprint(d); got != "2026-03-21" {
		t.Errorf("fmt = %q", got)
	}
}
