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

// TestHoursDayIsLocal logs hours "today" and "yesterday" at 02:00 UTC on
// 2 September, which is still 1 September in Mexico City (six hours
// behind UTC), the installation's time zone: the days logged are 1
// September and 31 August, the volunteer's days, not UTC's.
func TestHoursDayIsLocal(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		users, tasks := assigned(t, w)
		ctx, admin := t.Context(), w.Principal(access.Admin)
		set, err := w.Services.Settings.Get(ctx)
		must(t, err)
		set.Timezone = "America/Mexico_City"
		must(t, w.Services.Settings.Update(ctx, admin, set))
		r := rig(t, w)
		w.Clock.Set(time.Date(2026, 9, 2, 2, 0, 0, 0, time.UTC))
		task := "t" + strconv.FormatInt(tasks["ru"].ID, 10)
		c := newLive(t, r, 710, "ru")
		c.link(users["ru"].Principal())
		for _, day := range []string{"today", "yesterday"} {
			c.press("f:staff_tasks")
			c.press(task)
			c.press("hours")
			c.press(day)
			c.text("1")
			c.press("none")
		}
		hours, err := w.Services.Volunteers.MyHours(ctx, users["ru"].Principal())
		must(t, err)
		var got []time.Time
		for _, h := range hours {
			got = append(got, h.WorkedOn)
		}
		want := map[time.Time]bool{testworld.Day(2026, 9, 1): true, testworld.Day(2026, 8, 31): true}
		if len(got) != 2 || !want[got[0]] || !want[got[1]] || got[0].Equal(got[1]) {
			t.Fatalf("days logged %v, want 1 September and 31 August:\n%s", got, c.Transcript())
		}
	})
}
