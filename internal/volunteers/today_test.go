package volunteers_test

import (
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/volunteers"
)

// A volunteer's day is the installation's: at 01:30 in Almaty (20:30 UTC
// the evening before) the hours of the day just begun are taken, and a
// need for that day may still be made, while the day after it is still
// the future.
func TestTodayIsTheInstallationsDay(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Volunteers
		set, err := w.Services.Settings.Get(ctx)
		must(t, err)
		set.Timezone = "Asia/Almaty"
		must(t, w.Services.Settings.Update(ctx, w.Principal(access.Admin), set))
		w.Clock.Set(time.Date(2026, 9, 1, 20, 30, 0, 0, time.UTC))
		local := testworld.Day(2026, 9, 2)

		_, vP := volunteer(t, w, "dana")
		h, err := s.LogHours(ctx, vP, volunteers.HoursInput{WorkedOn: local, Minutes: 90})
		must(t, err)
		if !h.WorkedOn.Equal(local) {
			t.Fatalf("logged on %v, want %v", h.WorkedOn, local)
		}
		_, err = s.LogHours(ctx, vP, volunteers.HoursInput{WorkedOn: local.AddDate(0, 0, 1), Minutes: 30})
		wantKey(t, err, "error.hours_future")

		n := need(t, w, 3, local)
		if !n.OnDate.Equal(local) {
			t.Fatalf("need on %v, want %v", n.OnDate, local)
		}
	})
}
