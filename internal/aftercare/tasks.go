package aftercare

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Task returns task id if p may see it: within p's scope, or, for a
// volunteer, given to them.
func (s *Service) Task(ctx context.Context, p access.Principal, id int64) (Task, error) {
	t, err := s.task(ctx, s.db.R, id)
	if err != nil {
		return Task{}, err
	}
	if !s.mayRead(p, t) {
		return Task{}, errs.ErrNotFound
	}
	return t, nil
}

// mayRead says whether p may see task t.
func (s *Service) mayRead(p access.Principal, t Task) bool {
	if access.Allowed(p, access.WorkTasks) && t.volunteerUser == p.UserID && p.UserID != 0 {
		return true
	}
	return access.Can(p, access.ViewTasks, t.Target()) == nil
}

func (s *Service) task(ctx context.Context, q store.Querier, id int64) (Task, error) {
	t, err := scanTask(q.QueryRowContext(ctx, s.q.TaskFrom+"\n"+s.q.TaskByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Task{}, errs.ErrNotFound
	}
	return t, err
}

// DeviceTasks lists every task device unit has had, handover by handover;
// the caller has checked that p may see the device.
func (s *Service) DeviceTasks(ctx context.Context, unit int64) ([]Task, error) {
	return store.Select(ctx, s.db.R, scanTask, s.q.TaskFrom+"\n"+s.q.TasksOfUnit, unit)
}

// Active is the queue's filter of the tasks still to do: open or assigned.
const Active Status = "active"

// QueueFilter narrows the queue: tasks in a status (Active when ""), of
// a kind (any when ""), given to a volunteer (any when 0).
type QueueFilter struct {
	Status      Status
	Kind        Kind
	VolunteerID int64
}

// Page asks for a page of tasks: after Cursor (from the start when ""),
// at most Limit, skipping Skip first (a jump, bounded by store.JumpCap).
type Page struct {
	Cursor string
	Limit  int
	Skip   int
}

// Queue lists a page of the tasks within p's scope that f selects, the
// earliest due first, and the cursor of the next page.
func (s *Service) Queue(ctx context.Context, p access.Principal, f QueueFilter, pg Page) ([]Task, string, error) {
	if err := access.Can(p, access.ViewTasks, p.Scope()); err != nil {
		return nil, "", err
	}
	return s.queue(ctx, p.ScopeArgs(), f, pg)
}

// QueueCount counts what Queue pages through, up to store.CountCap.
func (s *Service) QueueCount(ctx context.Context, p access.Principal, f QueueFilter) (store.Count, error) {
	if err := access.Can(p, access.ViewTasks, p.Scope()); err != nil {
		return store.Count{}, err
	}
	if err := checkFilter(&f); err != nil {
		return store.Count{}, err
	}
	return store.CountRows(ctx, s.db.R, s.q.CountQueue,
		store.Args(p.ScopeArgs(), []any{string(f.Status), string(f.Kind), f.VolunteerID, store.CountArg()})...)
}

// MyTasks lists the tasks given to the volunteer whose login p is, in
// status (Active when ""), the earliest due first, wherever they are; none
// when no volunteer's record names p's login.
func (s *Service) MyTasks(ctx context.Context, p access.Principal, status Status) ([]Task, Volunteer, error) {
	if err := access.Can(p, access.WorkTasks, p.Scope()); err != nil {
		return nil, Volunteer{}, err
	}
	v, err := s.volunteer(ctx, s.db.R, s.q.VolunteerByUser, p.UserID)
	if errors.Is(err, errs.ErrNotFound) {
		return nil, Volunteer{}, nil
	}
	if err != nil {
		return nil, Volunteer{}, err
	}
	list, _, err := s.queue(ctx, access.System.ScopeArgs(), QueueFilter{Status: status, VolunteerID: v.ID},
		Page{Limit: store.MaxLimit})
	return list, v, err
}

func (s *Service) queue(ctx context.Context, scope []any, f QueueFilter, pg Page) ([]Task, string, error) {
	if err := checkFilter(&f); err != nil {
		return nil, "", err
	}
	page := store.ParsePage("", strconv.Itoa(pg.Limit))
	page.Skip = pg.Skip
	due, id := store.ParseDayCursor(pg.Cursor).Start()
	args := store.Args(scope, []any{string(f.Status), string(f.Kind), f.VolunteerID, due, id, page.LimitArg(),
		page.SkipArg()})
	out, err := store.Select(ctx, s.db.R, scanTask, s.q.TaskFrom+"\n"+s.q.Queue, args...)
	if err != nil {
		return nil, "", err
	}
	out, next := store.TrimBy(page, out, func(t Task) string { return store.DayCursor{Day: t.DueOn, ID: t.ID}.String() })
	return out, next, nil
}

// checkFilter sets f's default status and checks its values.
func checkFilter(f *QueueFilter) error {
	if f.Status == "" {
		f.Status = Active
	}
	if f.Status != Active && !slices.Contains(Statuses(), f.Status) {
		return errs.Validation(errs.Field("status", "error.invalid_choice_of", "Choices", "active, open, assigned, done, cancelled"))
	}
	if f.Kind != "" && !slices.Contains(Kinds(), f.Kind) {
		return errs.Validation(errs.Field("kind", "error.invalid_choice_of", "Choices", "install, connect, train"))
	}
	return nil
}

func scanTask(sc store.Scanner) (Task, error) {
	var t Task
	var done sql.NullTime
	err := sc.Scan(&t.ID, &t.UnitID, &t.ItemID, &t.Serial, &t.DocID, &t.RequestID, &t.RequestLine, &t.Reference,
		&t.RegionCode, &t.Kind, &t.Auto, &t.Status, &t.VolunteerID, &t.VolunteerName, &t.volunteerUser, &t.DueOn, &done,
		&t.Minutes, &t.Note, &t.CancelReason, &t.Version, &t.CreatedAt, &t.UpdatedAt, &t.orgPath, &t.regionPath)
	t.DueOn, t.DoneOn = store.Day(t.DueOn.UTC()), store.Day(store.TimeOf(done))
	t.CreatedAt, t.UpdatedAt = t.CreatedAt.UTC(), t.UpdatedAt.UTC()
	return t, err
}
