package aftercare_test

import (
	"testing"
	"time"

	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/testworld"
)

// Every device handed over to a child gets its three set-up tasks once,
// due after the handover; a device given back has what is still to do
// cancelled.
func TestSyncFollowsTheLedger(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w, 3)
		made, cancelled, err := f.s.Sync(f.ctx)
		must(t, err)
		if made != 0 || cancelled != 0 {
			t.Fatalf("with nothing handed over the sync made %d, cancelled %d", made, cancelled)
		}
		h1 := f.handOver(t, "Aru", "PC-001")
		f.handOver(t, "Bota", "PC-002")
		made, _, err = f.s.Sync(f.ctx)
		must(t, err)
		if made != 6 {
			t.Fatalf("the sync made %d tasks, want 6", made)
		}
		if made, _, err = f.s.Sync(f.ctx); err != nil || made != 0 {
			t.Fatalf("a second sync made %d (%v)", made, err)
		}
		u1 := f.unit(t, "PC-001")
		got := f.tasks(t, u1)
		day := testworld.Day(2026, 9, 1) // the clock's day, the handover's
		for _, k := range aftercare.Kinds() {
			task, ok := got[k]
			if !ok || task.Status != aftercare.Open || !task.Auto || task.DocID != h1.ID || task.RequestID != h1.RequestID ||
				task.Serial != "PC-001" || task.Reference == "" || task.RegionCode != "KZ-75" {
				t.Fatalf("%s task %+v", k, task)
			}
		}
		if !got[aftercare.Install].DueOn.Equal(day.AddDate(0, 0, 7)) || !got[aftercare.Train].DueOn.Equal(day.AddDate(0, 0, 14)) {
			t.Fatalf("due %v and %v", got[aftercare.Install].DueOn, got[aftercare.Train].DueOn)
		}
		if n := f.scalar(t, "SELECT count(*) FROM audit_log WHERE entity = 'device_task' AND action = 'create'"); n != 6 {
			t.Fatalf("%d change-log entries for the tasks, want 6", n)
		}
		// One task is done before the device comes back: it stays done;
		// the others are cancelled as the device was returned.
		v := f.volunteer(t, "Aida", "KZ-75", aftercare.Software)
		in := got[aftercare.Install]
		in, err = f.s.Assign(f.ctx, f.coord, in.ID, in.Version, v.ID, time.Time{})
		must(t, err)
		_, err = f.s.ReportTask(f.ctx, f.coord, in.ID, in.Version, aftercare.Report{Done: true, Minutes: 45})
		must(t, err)
		_, err = f.Services.Stock.Return(f.ctx, f.keeper, stock.ReturnInput{DocID: h1.ID, Note: "the family moved away",
			Lines: []stock.Line{{ItemID: f.pc, Serials: []string{"PC-001"}}}})
		must(t, err)
		_, cancelled, err = f.s.Sync(f.ctx)
		must(t, err)
		if cancelled != 2 {
			t.Fatalf("the sync cancelled %d tasks, want 2", cancelled)
		}
		got = f.tasks(t, u1)
		if got[aftercare.Install].Status != aftercare.Done || got[aftercare.Connect].Status != aftercare.Cancelled ||
			got[aftercare.Connect].CancelReason != aftercare.DeviceReturned {
			t.Fatalf("after the return %+v", got)
		}
		// Handed over again, to another child, the device starts anew.
		h3 := f.handOver(t, "Dana", "PC-001")
		made, _, err = f.s.Sync(f.ctx)
		must(t, err)
		all, err := f.s.DeviceTasks(f.ctx, u1)
		must(t, err)
		if made != 3 || len(all) != 6 || all[5].DocID != h3.ID || all[5].Status != aftercare.Open {
			t.Fatalf("after the second handover made %d, tasks %+v", made, all)
		}
	})
}
