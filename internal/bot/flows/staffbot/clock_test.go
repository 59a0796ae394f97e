package staffbot_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/testworld"
)

// TestCheckInTimeIsLocal shows a volunteer's check-in in the
// installation's time zone (here Tehran's, three and a half hours ahead
// of UTC) with the chat's digits: the hour alone on the day of the
// check-in, the day and the hour (in the Solar Hijri calendar, for
// Persian) on the next.
func TestCheckInTimeIsLocal(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		users, tasks := assigned(t, w)
		ctx, admin := t.Context(), w.Principal(access.Admin)
		set, err := w.Services.Settings.Get(ctx)
		must(t, err)
		set.Timezone = "Asia/Tehran"
		must(t, w.Services.Settings.Update(ctx, admin, set))
		r := rig(t, w)
		w.Clock.Set(testworld.Epoch()) // 08:00 UTC, 11:30 in Tehran
		task := "t" + strconv.FormatInt(tasks["fa"].ID, 10)
		c := newLive(t, r, 700, "fa")
		c.link(users["fa"].Principal())
		c.press("f:staff_tasks")
		c.press(task)
		c.press("in")
		if tr := c.Transcript(); !strings.Contains(tr, "ورود از ساعت ۱۱:۳۰ ثبت شده است.") {
			t.Fatalf("the check-in on its day, in Tehran's time:\n%s", tr)
		}
		w.Clock.Advance(17 * time.Hour) // 01:00 UTC, 04:30 in Tehran the next day
		c.press("menu")
		c.press("f:staff_tasks")
		c.press(task)
		tehran, err := time.LoadLocation("Asia/Tehran")
		must(t, err)
		want := i18n.FA.DateTimeWithCalendar(testworld.Epoch().In(tehran), i18n.CalendarSolarHijri)
		if tr := c.Transcript(); !strings.Contains(tr, "ورود از ساعت "+want+" ثبت شده است.") || !strings.Contains(want, "۱۱:۳۰") {
			t.Fatalf("the check-in on the next day, want %q:\n%s", want, tr)
		}
	})
}
