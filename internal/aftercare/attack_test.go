package aftercare_test

import (
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/testworld"
)

// Twenty syncs at once make each device's tasks once; the device given
// back and handed to another child keeps the first child's finished task,
// has the rest cancelled and starts anew for the second.
func TestRacingSyncsMakeEachTaskOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w, 3)
		h1 := f.handOver(t, "Aru", "PC-001")
		f.handOver(t, "Bota", "PC-002")
		f.handOver(t, "Ceren", "PC-003")
		race := func() int {
			var mu sync.Mutex
			total := 0
			var wg sync.WaitGroup
			for range 20 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					made, _, err := f.s.Sync(f.ctx)
					if err != nil {
						t.Errorf("a racing sync: %v", err)
					}
					mu.Lock()
					total += made
					mu.Unlock()
				}()
			}
			wg.Wait()
			return total
		}
		if made := race(); made != 9 {
			t.Fatalf("twenty racing syncs made %d tasks, want 9", made)
		}
		if n := f.scalar(t, "SELECT count(*) FROM device_tasks"); n != 9 {
			t.Fatalf("%d tasks, want 9", n)
		}
		if n := f.scalar(t, "SELECT count(*) FROM audit_log WHERE entity = 'device_task'"); n != 9 {
			t.Fatalf("%d change-log entries, want 9", n)
		}
		u := f.unit(t, "PC-001")
		v := f.volunteer(t, "Aida", "KZ-75", aftercare.Software)
		in := f.tasks(t, u)[aftercare.Install]
		in, err := f.s.Assign(f.ctx, f.coord, in.ID, in.Version, v.ID, time.Time{})
		must(t, err)
		_, err = f.s.ReportTask(f.ctx, f.coord, in.ID, in.Version, aftercare.Report{Done: true, Minutes: 30})
		must(t, err)
		_, err = f.Services.Stock.Return(f.ctx, f.keeper, stock.ReturnInput{DocID: h1.ID, Note: "moved away",
			Lines: []stock.Line{{ItemID: f.pc, Serials: []string{"PC-001"}}}})
		must(t, err)
		h2 := f.handOver(t, "Dana", "PC-001")
		if made := race(); made != 3 {
			t.Fatalf("after the second handover racing syncs made %d, want 3", made)
		}
		all, err := f.s.DeviceTasks(f.ctx, u)
		must(t, err)
		byDoc := map[int64]map[aftercare.Status]int{}
		for _, k := range all {
			if byDoc[k.DocID] == nil {
				byDoc[k.DocID] = map[aftercare.Status]int{}
			}
			byDoc[k.DocID][k.Status]++
		}
		if len(all) != 6 || byDoc[h1.ID][aftercare.Done] != 1 || byDoc[h1.ID][aftercare.Cancelled] != 2 ||
			byDoc[h2.ID][aftercare.Open] != 3 {
			t.Fatalf("the device's tasks by handover %v", byDoc)
		}
	})
}

// Hours out of range are refused; fifty reports at once on one task read
// at one version record one, and the task's time is what it says; a task
// closed takes no more; a volunteer without the task's skill cannot be
// given it.
func TestRacingReportsAndSkills(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w, 1)
		f.handOver(t, "Aru", "PC-001")
		_, _, err := f.s.Sync(f.ctx)
		must(t, err)
		tasks := f.tasks(t, f.unit(t, "PC-001"))
		net := f.volunteer(t, "Networker", "KZ-75", aftercare.Networking)
		soft := f.volunteer(t, "Installer", "KZ-75", aftercare.Software)
		in := tasks[aftercare.Install]
		_, err = f.s.Assign(f.ctx, f.coord, in.ID, in.Version, net.ID, time.Time{})
		wantKey(t, err, "error.task_volunteer_skill")
		if got := f.tasks(t, f.unit(t, "PC-001"))[aftercare.Install]; got.Version != in.Version || got.VolunteerID != 0 {
			t.Fatalf("a refused assignment changed the task: %+v", got)
		}
		in, err = f.s.Assign(f.ctx, f.coord, in.ID, in.Version, soft.ID, time.Time{})
		must(t, err)

		for _, m := range []int{-1, -60, 10000 * 60, aftercare.MaxMinutes + 1} {
			_, err := f.s.ReportTask(f.ctx, f.coord, in.ID, in.Version, aftercare.Report{Minutes: m})
			wantKey(t, err, "error.task_hours_range")
		}
		var mu sync.Mutex
		won := 0
		var wg sync.WaitGroup
		for range 50 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := f.s.ReportTask(f.ctx, f.coord, in.ID, in.Version, aftercare.Report{Minutes: 45, Note: "half done"})
				if err != nil {
					wantKeyAsync(t, err, "error.task_changed")
					return
				}
				mu.Lock()
				won++
				mu.Unlock()
			}()
		}
		wg.Wait()
		got := f.tasks(t, f.unit(t, "PC-001"))[aftercare.Install]
		if won != 1 || got.Minutes != 45 || got.Version != in.Version+1 {
			t.Fatalf("%d reports won; the task %+v", won, got)
		}
		if n := f.scalar(t, "SELECT count(*) FROM audit_log WHERE entity = 'device_task' AND action = 'report'"); n != 1 {
			t.Fatalf("%d reports logged, want 1", n)
		}
		done, err := f.s.ReportTask(f.ctx, f.coord, got.ID, got.Version, aftercare.Report{Done: true, Minutes: 0})
		must(t, err)
		_, err = f.s.ReportTask(f.ctx, f.coord, done.ID, 0, aftercare.Report{Minutes: 600})
		wantKey(t, err, "error.task_is_done")
		if after := f.tasks(t, f.unit(t, "PC-001"))[aftercare.Install]; after.Minutes != 0 || after.Version != done.Version {
			t.Fatalf("a closed task took a report: %+v", after)
		}
	})
}

// wantKeyAsync is wantKey for a goroutine: it reports and does not stop.
func wantKeyAsync(t *testing.T, err error, key string) {
	t.Helper()
	e := errs.As(err)
	if e != nil && e.Key == key {
		return
	}
	for _, fe := range errsFields(e) {
		if fe.Key == key {
			return
		}
	}
	t.Errorf("got %v, want %s", err, key)
}

func errsFields(e *errs.Error) []errs.FieldError {
	if e == nil {
		return nil
	}
	return e.Fields
}
