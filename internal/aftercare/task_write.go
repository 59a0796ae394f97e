package aftercare

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// TaskInput adds a task by hand to a device that is with a child: a second
// training, a repair of the set-up. DueOn is the kind's usual delay from
// today when zero.
type TaskInput struct {
	UnitID int64     `json:"unit_id"`
	Kind   Kind      `json:"kind"`
	DueOn  time.Time `json:"due_on"`
	Note   string    `json:"note"`
}

// AddTask adds a task to a device handed over to a child; a device in
// stock, in transit, written off or given to an institution is refused
// (error.task_device_not_handed_over).
func (s *Service) AddTask(ctx context.Context, p access.Principal, in TaskInput) (Task, error) {
	if err := access.Can(p, access.ManageTasks, p.Scope()); err != nil {
		return Task{}, err
	}
	in.Note = text.Clean(in.Note)
	fs := valid.Note(nil, "note", in.Note)
	if !slices.Contains(Kinds(), in.Kind) {
		fs = append(fs, valid.Choice("kind", Kinds()...))
	}
	if err := errs.Validation(fs...); err != nil {
		return Task{}, err
	}
	if _, err := s.stock.Device(ctx, p, in.UnitID); err != nil {
		if errors.Is(err, errs.ErrNotFound) {
			return Task{}, errs.Validation(errs.Field("unit_id", "error.task_device_unknown"))
		}
		return Task{}, err
	}
	var out Task
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		h, err := scanHandover(tx.QueryRowContext(ctx, s.q.HandedOver, in.UnitID))
		if errors.Is(err, sql.ErrNoRows) {
			return errs.Validation(errs.Field("unit_id", "error.task_device_not_handed_over"))
		}
		if err != nil {
			return err
		}
		if err := access.Can(p, access.ManageTasks, h.target); err != nil {
			return err
		}
		due := store.Day(in.DueOn)
		if due.IsZero() {
			due = s.today().AddDate(0, 0, in.Kind.dueDays())
		}
		now := s.now().UTC()
		var id int64
		if err := tx.QueryRowContext(ctx, s.q.InsertTask, h.unit, h.item, h.serial, h.doc, h.request, h.line,
			string(in.Kind), due, in.Note, h.target.OrgPath, h.target.RegionPath, store.NullID(p.UserID), now).Scan(&id); err != nil {
			return err
		}
		if out, err = s.task(ctx, tx, id); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "device_task", EntityID: itoa(id),
			OrgPath: h.target.OrgPath, RegionPath: h.target.RegionPath, After: out})
	})
	return out, err
}

// Assign gives task id, read at version, to a volunteer p may see, who
// must be active and have the skill the task's kind needs
// (error.task_volunteer_skill); due moves its due day when not zero.
func (s *Service) Assign(ctx context.Context, p access.Principal, id int64, version int, volunteer int64, due time.Time) (Task, error) {
	v, err := s.Volunteer(ctx, p, volunteer)
	switch {
	case errors.Is(err, errs.ErrNotFound):
		return Task{}, errs.Validation(errs.Field("volunteer_id", "error.task_volunteer_unknown"))
	case err != nil:
		return Task{}, err
	case !v.Active:
		return Task{}, errs.Validation(errs.Field("volunteer_id", "error.task_volunteer_inactive", "Name", v.Name))
	case !due.IsZero() && (due.Year() < 2000 || due.Year() > 2100):
		return Task{}, errs.Validation(errs.Field("due_on", "error.task_due_invalid"))
	}
	return s.changeTask(ctx, p, id, version, "assign_volunteer", s.manager(p), func(tx *sql.Tx, t Task, now time.Time) error {
		if !slices.Contains(v.Skills, t.Kind.Skill()) {
			return errs.Validation(errs.Field("volunteer_id", "error.task_volunteer_skill", "Name", v.Name))
		}
		if !due.IsZero() {
			t.DueOn = store.Day(due)
		}
		return s.exec(ctx, tx, "error.task_changed", s.q.SetAssigned, t.ID, t.Version, v.ID, t.DueOn, now)
	})
}

// Unassign takes an assigned task back from its volunteer: open again.
func (s *Service) Unassign(ctx context.Context, p access.Principal, id int64, version int) (Task, error) {
	return s.changeTask(ctx, p, id, version, "unassign_volunteer", s.manager(p), func(tx *sql.Tx, t Task, now time.Time) error {
		return s.exec(ctx, tx, "error.task_changed", s.q.SetOpen, t.ID, t.Version, now)
	})
}

// Cancel cancels a task still to do; note says why.
func (s *Service) Cancel(ctx context.Context, p access.Principal, id int64, version int, note string) (Task, error) {
	note = text.Clean(note)
	return s.changeTask(ctx, p, id, version, "cancel", s.manager(p), func(tx *sql.Tx, t Task, now time.Time) error {
		if err := errs.Validation(valid.Note(valid.Required(nil, "note", note), "note", note)...); err != nil {
			return err
		}
		return s.exec(ctx, tx, "error.task_changed", s.q.SetCancelled, t.ID, t.Version, note, now)
	})
}

// Report is what is reported on a task: the time given (Minutes, the
// whole of it so far) and a note; Done closes it on DoneOn (today when
// zero, never a day to come).
type Report struct {
	Done    bool      `json:"done"`
	DoneOn  time.Time `json:"done_on"`
	Minutes int       `json:"minutes"`
	Note    string    `json:"note"`
}

// ReportTask records r on task id, read at version: by its volunteer
// (whose login p is) on a task given to them, or by a coordinator.
func (s *Service) ReportTask(ctx context.Context, p access.Principal, id int64, version int, r Report) (Task, error) {
	r.Note = text.Clean(r.Note)
	today := s.today()
	done := store.Day(r.DoneOn)
	if done.IsZero() {
		done = today
	}
	var fs []errs.FieldError
	if r.Minutes < 0 || r.Minutes > MaxMinutes {
		fs = append(fs, errs.Field("hours", "error.task_hours_range", "Max", MaxMinutes/60))
	}
	if r.Done && done.After(today) {
		fs = append(fs, errs.Field("done_on", "error.task_done_future"))
	}
	fs = valid.Note(fs, "note", r.Note)
	if err := errs.Validation(fs...); err != nil {
		return Task{}, err
	}
	may := func(t Task) error {
		if t.volunteerUser == p.UserID && p.UserID != 0 && access.Allowed(p, access.WorkTasks) {
			return nil
		}
		return s.manager(p)(t)
	}
	return s.changeTask(ctx, p, id, version, "report", may, func(tx *sql.Tx, t Task, now time.Time) error {
		if r.Done {
			return s.exec(ctx, tx, "error.task_changed", s.q.SetDone, t.ID, t.Version, done, r.Minutes, r.Note, now)
		}
		return s.exec(ctx, tx, "error.task_changed", s.q.SetReport, t.ID, t.Version, r.Minutes, r.Note, now)
	})
}

// manager is the check of a change only coordinators make.
func (s *Service) manager(p access.Principal) func(Task) error {
	return func(t Task) error { return access.Can(p, access.ManageTasks, t.Target()) }
}

// changeTask runs fn on task id in a transaction once p may see it, may
// change it (may), it is at version (any when 0) and still to do; then
// records action with the task before and after.
func (s *Service) changeTask(ctx context.Context, p access.Principal, id int64, version int, action string,
	may func(Task) error, fn func(tx *sql.Tx, t Task, now time.Time) error) (Task, error) {
	var after Task
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q.LockTask, id); err != nil {
			return err
		}
		t, err := s.task(ctx, tx, id)
		if err == nil && !s.mayRead(p, t) {
			err = errs.ErrNotFound
		}
		if err != nil {
			return err
		}
		if err := may(t); err != nil {
			return err
		}
		if version != 0 && t.Version != version {
			return errs.New(errs.Conflict, "error.task_changed")
		}
		if t.Status == Done {
			return errs.New(errs.Conflict, "error.task_is_done")
		}
		if t.Status == Cancelled {
			return errs.New(errs.Conflict, "error.task_is_cancelled")
		}
		if action == "unassign_volunteer" && t.Status != Assigned {
			return errs.New(errs.Conflict, "error.task_is_open")
		}
		if err := fn(tx, t, s.now().UTC()); err != nil {
			return err
		}
		if after, err = s.task(ctx, tx, id); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: action, Entity: "device_task", EntityID: itoa(id),
			OrgPath: t.orgPath, RegionPath: t.regionPath, Before: t, After: after})
	})
	if err != nil {
		return Task{}, err
	}
	return after, nil
}
