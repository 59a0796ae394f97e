package aftercare_test

import (
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/testworld"
)

// A device's story runs from the donation through the handover to its
// set-up; the child is named only to a reader who may see children, and
// naming them writes the access log.
func TestDeviceStory(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w, 2)
		h := f.handOver(t, "Aru", "PC-001")
		_, _, err := f.s.Sync(f.ctx)
		must(t, err)
		unit := f.unit(t, "PC-001")
		v := f.volunteer(t, "Aida", "KZ-75", aftercare.Software, aftercare.Training)
		for _, k := range []aftercare.Kind{aftercare.Install, aftercare.Train} {
			task := f.tasks(t, unit)[k]
			task, err = f.s.Assign(f.ctx, f.coord, task.ID, task.Version, v.ID, time.Time{})
			must(t, err)
			_, err = f.s.ReportTask(f.ctx, f.coord, task.ID, task.Version, aftercare.Report{Done: true, Minutes: 60})
			must(t, err)
		}

		found, err := f.s.FindDevices(f.ctx, f.coord, " pc-001 ")
		must(t, err)
		byID, err := f.s.FindDevices(f.ctx, f.coord, itoa(unit))
		must(t, err)
		if len(found) != 1 || found[0].ID != unit || len(byID) != 1 || byID[0].ID != unit {
			t.Fatalf("found %+v and %+v", found, byID)
		}
		logged := func() int64 {
			return f.scalar(t, "SELECT count(*) FROM access_log WHERE subject_kind = 'request' AND subject_id = $1",
				itoa(h.RequestID))
		}
		before := logged()
		st, err := f.s.Story(f.ctx, f.coord, unit, "web")
		must(t, err)
		if st.Device.DonorName != "Dala Trade" || len(st.Events) != 2 || st.Events[0].Kind != stock.Donation ||
			st.Handover == nil || st.Handover.DocID != h.ID || st.Child != "Test Aru" || st.ChildID == 0 ||
			len(st.Tasks) != 3 || st.SetupMinutes != 60 || st.TrainingMinutes != 60 {
			t.Fatalf("the coordinator's story %+v", st)
		}
		if logged() != before+1 {
			t.Fatal("naming the child wrote no access-log entry")
		}
		// The warehouse keeper reads the story without the child.
		st, err = f.s.Story(f.ctx, f.keeper, unit, "web")
		must(t, err)
		if st.Child != "" || st.ChildID != 0 || st.Handover == nil || st.Handover.Reference == "" || len(st.Tasks) != 3 {
			t.Fatalf("the keeper's story %+v", st)
		}
		if logged() != before+1 {
			t.Fatal("a story without the child wrote to the access log")
		}
		if _, err := f.s.Story(f.ctx, w.Principal(access.Sponsor), unit, "web"); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("a sponsor read a device's story: %v", err)
		}
		if _, err := f.s.Story(f.ctx, w.Stranger.Principal(), unit, "web"); !notFound(err) {
			t.Fatalf("the Tehran coordinator read a device's story: %v", err)
		}
		if got, _ := f.s.FindDevices(f.ctx, w.Stranger.Principal(), "PC-001"); len(got) != 0 {
			t.Fatalf("the Tehran coordinator found %+v", got)
		}
	})
}
