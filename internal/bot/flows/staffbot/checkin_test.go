package staffbot_test

import (
	"testing"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/testworld"
)

// TestCheckInRules holds the check-in's rules the flow relies on: one
// open check-in at a time, only at one's own task, no check-out without
// a check-in, and a check-in left open past a day's hours refused at
// check-out (and kept) until it is cancelled, which logs nothing.
func TestCheckInRules(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		users, tasks := assigned(t, w)
		ctx, vs, me := t.Context(), w.Services.Volunteers, users["kk"].Principal()
		key := func(err error) string {
			if e := errs.As(err); e != nil {
				if len(e.Fields) > 0 {
					return e.Fields[0].Key
				}
				return e.Key
			}
			return "no refusal"
		}
		if _, err := vs.CheckOut(ctx, me, false); key(err) != "error.checkin_none" {
			t.Errorf("a check-out without a check-in: %v", err)
		}
		if _, err := vs.CheckIn(ctx, me, tasks["ru"].ID); key(err) != "error.hours_not_your_task" {
			t.Errorf("a check-in at another's task: %v", err)
		}
		if _, err := vs.CheckIn(ctx, me, tasks["kk"].ID); err != nil {
			t.Fatal(err)
		}
		if _, err := vs.CheckIn(ctx, me, tasks["kk"].ID); key(err) != "error.checkin_open" {
			t.Errorf("a second check-in: %v", err)
		}
		w.Clock.Advance(30 * time.Hour)
		if _, err := vs.CheckOut(ctx, me, false); key(err) != "error.hours_day_over" {
			t.Errorf("a check-out after 30 hours: %v", err)
		}
		if _, ok, err := vs.CheckedIn(ctx, me); err != nil || !ok {
			t.Errorf("the refused check-out ended the check-in (%v)", err)
		}
		if _, err := vs.CheckOut(ctx, me, true); err != nil {
			t.Errorf("cancelling the check-in: %v", err)
		}
		hours, err := vs.MyHours(ctx, me)
		if err != nil || len(hours) != 0 {
			t.Errorf("hours after a cancelled check-in: %+v (%v)", hours, err)
		}
	})
}
