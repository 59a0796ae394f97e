package aftercare_test

import (
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/testworld"
)

// Suggestions are the active volunteers of the device's region with the
// task's skill, the least loaded first; the volunteer given a task sees
// it and reports it done with the time it took; nobody else may.
func TestSuggestAssignAndReport(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w, 2)
		f.handOver(t, "Aru", "PC-001")
		f.handOver(t, "Bota", "PC-002")
		_, _, err := f.s.Sync(f.ctx)
		must(t, err)
		timur := f.login(t, "timur@example.org")
		busy := f.volunteer(t, "Busy", "KZ-75", aftercare.Software)
		idle, err := f.s.CreateVolunteer(f.ctx, f.coord, aftercare.VolunteerInput{Name: "Idle", Email: "idle@example.org",
			Skills: []aftercare.Skill{aftercare.Software, aftercare.Training}, RegionCode: "KZ", OrgID: w.Foundation.ID,
			UserID: timur.ID, Active: true})
		must(t, err)
		f.volunteer(t, "Astana", "KZ-71", aftercare.Software)         // elsewhere
		f.volunteer(t, "Networker", "KZ-75", aftercare.Networking)    // no such skill
		off := f.volunteer(t, "Resting", "KZ-75", aftercare.Software) // inactive below
		in := off
		_, err = f.s.UpdateVolunteer(f.ctx, f.coord, off.ID, off.Version, aftercare.VolunteerInput{Name: in.Name,
			Phone: in.Phone, Skills: in.Skills, RegionCode: "KZ-75", OrgID: w.Foundation.ID, Active: false})
		must(t, err)

		one := f.tasks(t, f.unit(t, "PC-001"))[aftercare.Install]
		two := f.tasks(t, f.unit(t, "PC-002"))[aftercare.Install]
		_, err = f.s.Assign(f.ctx, f.coord, one.ID, one.Version, busy.ID, time.Time{})
		must(t, err)
		got, err := f.s.Suggest(f.ctx, f.coord, two.ID)
		must(t, err)
		if len(got) != 2 || got[0].ID != idle.ID || got[1].ID != busy.ID || got[1].Load != 1 {
			t.Fatalf("suggested %+v", got)
		}
		_, err = f.s.Assign(f.ctx, f.coord, two.ID, two.Version, off.ID, time.Time{})
		wantKey(t, err, "error.task_volunteer_inactive")
		two, err = f.s.Assign(f.ctx, f.coord, two.ID, two.Version, idle.ID, testworld.Day(2026, 9, 5))
		must(t, err)
		if two.Status != aftercare.Assigned || two.VolunteerName != "Idle" || !two.DueOn.Equal(testworld.Day(2026, 9, 5)) {
			t.Fatalf("assigned %+v", two)
		}

		// Timur is Idle's login: he sees the task and reports on it.
		me := timur.Principal()
		mine, v, err := f.s.MyTasks(f.ctx, me, "")
		must(t, err)
		if v.ID != idle.ID || len(mine) != 1 || mine[0].ID != two.ID {
			t.Fatalf("my tasks %+v as %+v", mine, v)
		}
		if _, err := f.s.Task(f.ctx, me, one.ID); !notFound(err) {
			t.Fatalf("a volunteer read another's task: %v", err)
		}
		_, err = f.s.ReportTask(f.ctx, me, one.ID, 0, aftercare.Report{Done: true, Minutes: 30})
		if !notFound(err) {
			t.Fatalf("a volunteer reported on another's task: %v", err)
		}
		_, err = f.s.ReportTask(f.ctx, me, two.ID, two.Version, aftercare.Report{Done: true, Minutes: 30,
			DoneOn: testworld.Day(2026, 9, 2)})
		wantKey(t, err, "error.task_done_future")
		_, err = f.s.ReportTask(f.ctx, me, two.ID, two.Version, aftercare.Report{Minutes: 25 * 60})
		wantKey(t, err, "error.task_hours_range")
		two, err = f.s.ReportTask(f.ctx, me, two.ID, two.Version, aftercare.Report{Minutes: 40, Note: "Office installed"})
		must(t, err)
		if two.Status != aftercare.Assigned || two.Minutes != 40 {
			t.Fatalf("progress %+v", two)
		}
		two, err = f.s.ReportTask(f.ctx, me, two.ID, two.Version, aftercare.Report{Done: true, Minutes: 90,
			Note: "Office and the school's apps installed"})
		must(t, err)
		if two.Status != aftercare.Done || !two.DoneOn.Equal(testworld.Day(2026, 9, 1)) || two.Minutes != 90 {
			t.Fatalf("done %+v", two)
		}
		_, err = f.s.ReportTask(f.ctx, me, two.ID, two.Version, aftercare.Report{Done: true})
		wantKey(t, err, "error.task_is_done")
		// A volunteer may not give tasks; a coordinator may take one back
		// and cancel it with a reason.
		if _, err := f.s.Assign(f.ctx, me, one.ID, 0, idle.ID, time.Time{}); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("a volunteer assigned a task: %v", err)
		}
		one, err = f.s.Unassign(f.ctx, f.coord, one.ID, 0)
		must(t, err)
		if one.Status != aftercare.Open || one.VolunteerID != 0 {
			t.Fatalf("unassigned %+v", one)
		}
		_, err = f.s.Unassign(f.ctx, f.coord, one.ID, 0)
		wantKey(t, err, "error.task_is_open")
		_, err = f.s.Cancel(f.ctx, f.coord, one.ID, one.Version, "")
		wantKey(t, err, "error.required")
		one, err = f.s.Cancel(f.ctx, f.coord, one.ID, one.Version, "the family set it up themselves")
		must(t, err)
		if one.Status != aftercare.Cancelled {
			t.Fatalf("cancelled %+v", one)
		}

		// The queue: what is still to do, the earliest due first, paged.
		n, err := f.s.QueueCount(f.ctx, f.coord, aftercare.QueueFilter{})
		must(t, err)
		first, next, err := f.s.Queue(f.ctx, f.coord, aftercare.QueueFilter{}, aftercare.Page{Limit: 2})
		must(t, err)
		rest, end, err := f.s.Queue(f.ctx, f.coord, aftercare.QueueFilter{}, aftercare.Page{Limit: 2, Cursor: next})
		must(t, err)
		if n.N != 4 || len(first) != 2 || len(rest) != 2 || end != "" || first[0].DueOn.After(rest[1].DueOn) {
			t.Fatalf("queue of %d: %+v then %+v (%q)", n.N, first, rest, end)
		}
		done, _, err := f.s.Queue(f.ctx, f.coord, aftercare.QueueFilter{Status: aftercare.Done}, aftercare.Page{})
		must(t, err)
		if len(done) != 1 || done[0].ID != two.ID {
			t.Fatalf("done %+v", done)
		}
		if _, _, err := f.s.Queue(f.ctx, w.Principal(access.Sponsor), aftercare.QueueFilter{}, aftercare.Page{}); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("a sponsor read the queue: %v", err)
		}
		if list, _, err := f.s.Queue(f.ctx, w.Stranger.Principal(), aftercare.QueueFilter{}, aftercare.Page{}); err != nil || len(list) != 0 {
			t.Fatalf("the Tehran coordinator read %d tasks (%v)", len(list), err)
		}
	})
}

// A task added by hand needs a device with a child: one in stock, or
// unknown, is refused with the reason, and nothing is written.
func TestAddTaskNeedsADeviceHandedOver(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w, 2)
		f.handOver(t, "Aru", "PC-001")
		before := f.scalar(t, "SELECT count(*) FROM device_tasks")
		_, err := f.s.AddTask(f.ctx, f.coord, aftercare.TaskInput{UnitID: f.unit(t, "PC-002"), Kind: aftercare.Train})
		wantKey(t, err, "error.task_device_not_handed_over")
		_, err = f.s.AddTask(f.ctx, f.coord, aftercare.TaskInput{UnitID: 999999, Kind: aftercare.Train})
		wantKey(t, err, "error.task_device_unknown")
		_, err = f.s.AddTask(f.ctx, f.coord, aftercare.TaskInput{UnitID: f.unit(t, "PC-001"), Kind: "dance"})
		wantKey(t, err, "error.invalid_choice_of")
		if n := f.scalar(t, "SELECT count(*) FROM device_tasks"); n != before {
			t.Fatalf("refusals wrote %d tasks", n-before)
		}
		task, err := f.s.AddTask(f.ctx, f.coord, aftercare.TaskInput{UnitID: f.unit(t, "PC-001"), Kind: aftercare.Train,
			Note: "a second lesson"})
		must(t, err)
		if task.Auto || task.Status != aftercare.Open || !task.DueOn.Equal(testworld.Day(2026, 9, 15)) || task.Serial != "PC-001" {
			t.Fatalf("added %+v", task)
		}
		// The sync still gives the handover its own three.
		made, _, err := f.s.Sync(f.ctx)
		must(t, err)
		if made != 3 {
			t.Fatalf("the sync made %d, want 3", made)
		}
	})
}
