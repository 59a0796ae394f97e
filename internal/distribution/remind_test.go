package distribution_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/testworld"
)

// The day before an event, in the installation's time zone, each family
// invited to it whose request still waits there is reminded once; a
// request handed over is not, nor is anyone invited to an event further
// off, until its day before comes.
func TestRemindersComeTheDayBeforeOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		waiting, given := f.request(t, "Farida", f.kit()), f.request(t, "Galym", f.kit())
		later := f.newEvent(t, distribution.EventInput{})
		later, err := f.d.UpdateEvent(f.ctx, f.coord, later.ID, distribution.EventInput{CampaignID: later.CampaignID,
			WarehouseID: later.WarehouseID, Place: later.Place, StartsAt: testworld.Epoch().Add(72 * time.Hour),
			Version: later.Version})
		must(t, err)
		third := f.request(t, "Halima", f.kit())
		_, err = f.d.Assign(f.ctx, f.coord, f.event.ID, []string{f.reference(t, waiting), f.reference(t, given)})
		must(t, err)
		_, err = f.d.Assign(f.ctx, f.coord, later.ID, []string{f.reference(t, third)})
		must(t, err)
		_, err = f.handOver(given, distribution.LineInput{Line: 1})
		must(t, err)
		f.remind(t, 1)
		f.remind(t, 0)
		if ms := f.messages(t, waiting, distribution.ReminderMessage); len(ms) != 1 || ms[0].Args["Event"] != strconv.FormatInt(f.event.ID, 10) {
			t.Errorf("the reminders of a request waiting: %+v", ms)
		}
		if ms := f.messages(t, given, distribution.ReminderMessage); len(ms) != 0 {
			t.Errorf("a request handed over was reminded: %+v", ms)
		}
		if ms := f.messages(t, third, distribution.ReminderMessage); len(ms) != 0 {
			t.Errorf("reminded three days ahead: %+v", ms)
		}
		f.Clock.Advance(48 * time.Hour)
		f.remind(t, 1)
		if ms := f.messages(t, third, distribution.ReminderMessage); len(ms) != 1 {
			t.Errorf("not reminded the day before: %+v", ms)
		}
	})
}

// A closed event, called off before its day, reminds no one.
func TestAClosedEventRemindsNoOne(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		id := f.request(t, "Ilyas", f.kit())
		_, err := f.d.Assign(f.ctx, f.coord, f.event.ID, []string{f.reference(t, id)})
		must(t, err)
		_, err = f.d.SetStatus(f.ctx, f.coord, f.event.ID, f.event.Version, distribution.Closed)
		must(t, err)
		f.remind(t, 0)
		if ms := f.messages(t, id, distribution.ReminderMessage); len(ms) != 0 {
			t.Errorf("a closed event reminded: %+v", ms)
		}
	})
}

// An event moved to another day tells the families it invited, once per
// move; an edit that keeps its time and place tells no one.
func TestAMovedEventTellsItsFamilies(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		id := f.request(t, "Zhanna", f.kit())
		_, err := f.d.Assign(f.ctx, f.coord, f.event.ID, []string{f.reference(t, id)})
		must(t, err)
		e := f.event
		in := distribution.EventInput{CampaignID: e.CampaignID, WarehouseID: e.WarehouseID, Place: e.Place,
			StartsAt: e.StartsAt, EndsAt: e.EndsAt, WholePoint: true, Note: "bring a bag", Version: e.Version}
		e, err = f.d.UpdateEvent(f.ctx, f.coord, e.ID, in)
		must(t, err)
		if ms := f.messages(t, id, distribution.EventMovedMessage); len(ms) != 0 {
			t.Fatalf("a note told the families of a move: %+v", ms)
		}
		in.StartsAt, in.EndsAt, in.Version = e.StartsAt.Add(48*time.Hour), time.Time{}, e.Version
		_, err = f.d.UpdateEvent(f.ctx, f.coord, e.ID, in)
		must(t, err)
		ms := f.messages(t, id, distribution.EventMovedMessage)
		if len(ms) != 1 || ms[0].Args["Start"] != "04.09.2026 13:00" {
			t.Errorf("the notices of a move: %+v", ms)
		}
	})
}

// remind runs a sweep of reminders and checks how many it queued.
func (f *fix) remind(t testing.TB, want int) {
	t.Helper()
	n, err := f.d.RemindDue(f.ctx)
	if err != nil || n != want {
		t.Fatalf("reminded %d, want %d: %v", n, want, err)
	}
}
