package aftercare

import (
	"net/http"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/web/kit"
)

// taskRow is a task as the lists show it: its item named, its time given
// as hours and whether it is late.
type taskRow struct {
	aftercare.Task
	Item     string
	Time     string
	Overdue  bool
	Status   string
	KindName string
	// Region is the name of the request's region in the reader's
	// language.
	Region string
}

func (s *Server) taskRows(r *http.Request, rq *request, tasks []aftercare.Task) ([]taskRow, error) {
	item, err := s.items(r.Context(), rq)
	if err != nil {
		return nil, err
	}
	today := s.Today(rq)
	region := s.RegionNamer(r.Context(), s.svc.Geo, string(rq.L.Locale()))
	out := make([]taskRow, 0, len(tasks))
	for _, t := range tasks {
		row := taskRow{Task: t, Item: item(t.ItemID), Overdue: t.Overdue(today), Region: region(t.RegionCode),
			Status: rq.L.T("aftercare.status." + string(t.Status)), KindName: rq.L.T("aftercare.kind." + string(t.Kind))}
		if t.Minutes > 0 {
			row.Time = duration(rq.L, t.Minutes)
		}
		out = append(out, row)
	}
	return out, nil
}

// taskTable is what the "tasktable" partial shows: the page (for its
// language and dates) and the tasks.
type taskTable struct {
	P    Page
	Rows []taskRow
}

// queueView is the queue of set-up tasks.
type queueView struct {
	Page
	listing
	Table    taskTable
	Filter   *form
	Statuses []option
	Kinds    []option
}

// Queue lists the tasks of ?status= (those still to do by default) and
// ?kind=, the earliest due first.
func (s *Server) Queue(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	q := kit.QueryForm(r, "status", "kind")
	fl := aftercare.QueueFilter{Status: aftercare.Status(q.Values["status"]), Kind: aftercare.Kind(q.Values["kind"])}
	n, err := s.svc.Aftercare.QueueCount(ctx, rq.P, fl)
	if err != nil && !q.Absorb(rq.L, err) {
		return err
	}
	v := queueView{Page: s.Page(r, rq, "nav.tasks"), Filter: q}
	statuses := append([]aftercare.Status{aftercare.Active}, aftercare.Statuses()...)
	v.Statuses = kit.Choices(statuses, q.Values["status"], "", kit.Key[aftercare.Status](rq.L, "aftercare.status."))
	v.Kinds = kit.Choices(aftercare.Kinds(), q.Values["kind"], rq.L.T("aftercare.any_kind"), kit.Key[aftercare.Kind](rq.L, "aftercare.kind."))
	if err == nil {
		pg := kit.PagingOf(r).Fit(n)
		list, next, err := s.svc.Aftercare.Queue(ctx, rq.P, fl, aftercare.Page{Cursor: pg.Cursor, Limit: pg.Limit, Skip: pg.Skip()})
		if err != nil {
			return err
		}
		v.listing = pg.Listing(r, next, n)
		if v.Table.Rows, err = s.taskRows(r, rq, list); err != nil {
			return err
		}
		v.Table.P = v.Page
	}
	s.Render(w, http.StatusOK, "queue", &v)
	return nil
}

// taskView is a task's page with the forms of what a coordinator does.
type taskView struct {
	Page
	T          taskRow
	Suggested  []aftercare.Volunteer
	Form       *form
	CanManage  bool
	StillToDo  bool
	SkillName  string
	HoursValue string
}

// taskFields are the fields of the forms of a task's page.
var taskFields = []string{"version", "volunteer_id", "due_on", "done", "done_on", "hours", "note", "cancel_note"}

// Task shows the {id} task.
func (s *Server) Task(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderTask(w, r, rq, nil, http.StatusOK)
}

func (s *Server) renderTask(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	t, err := s.svc.Aftercare.Task(ctx, rq.P, id)
	if err != nil {
		return err
	}
	rows, err := s.taskRows(r, rq, []aftercare.Task{t})
	if err != nil {
		return err
	}
	v := taskView{Page: s.Page(r, rq, "aftercare.task"), T: rows[0],
		CanManage: access.Can(rq.P, access.ManageTasks, t.Target()) == nil,
		StillToDo: t.Status == aftercare.Open || t.Status == aftercare.Assigned,
		SkillName: rq.L.T("aftercare.skill." + string(t.Kind.Skill()))}
	v.Title = v.T.KindName + " · " + t.Serial
	if f == nil {
		f = kit.NewForm(nil, taskFields...)
		f.Values["due_on"], f.Values["hours"], f.Values["note"] = t.DueOn.Format(time.DateOnly), hoursValue(t.Minutes), t.Note
	}
	v.Form = f
	if v.CanManage && v.StillToDo {
		if v.Suggested, err = s.svc.Aftercare.Suggest(ctx, rq.P, t.ID); err != nil {
			return err
		}
	}
	s.Render(w, status, "task", &v)
	return nil
}

// taskAct reads the posted form of the {id} task's page and runs do; a
// refusal shows the page again with the errors, a success goes back to it.
func (s *Server) taskAct(w http.ResponseWriter, r *http.Request, rq *request,
	do func(id int64, version int, f *form) error) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, taskFields...)
	version, _ := strconv.Atoi(f.Values["version"])
	err = do(id, version, f)
	if err == nil && len(f.FieldErrs) == 0 && f.Summary == "" {
		s.Flash(r, "aftercare.task_saved")
		return kit.SeeOther(w, r, "/tasks/"+kit.Itoa(id))
	}
	if err != nil && !f.AbsorbInput(rq.L, err) {
		return err
	}
	return s.renderTask(w, r, rq, f, http.StatusUnprocessableEntity)
}

// Assign gives the {id} task to the volunteer the form names.
func (s *Server) Assign(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.taskAct(w, r, rq, func(id int64, version int, f *form) error {
		vol := kit.FilterID(rq, f, "volunteer_id")
		due := kit.FormDate(rq, f, "due_on")
		if len(f.FieldErrs) > 0 {
			return nil
		}
		_, err := s.svc.Aftercare.Assign(r.Context(), rq.P, id, version, vol, due)
		return err
	})
}

// Unassign takes the {id} task back from its volunteer.
func (s *Server) Unassign(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.taskAct(w, r, rq, func(id int64, version int, _ *form) error {
		_, err := s.svc.Aftercare.Unassign(r.Context(), rq.P, id, version)
		return err
	})
}

// Report records the time and note of the {id} task, done when ticked.
func (s *Server) Report(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.taskAct(w, r, rq, func(id int64, version int, f *form) error {
		rep := reportOf(rq, f)
		if len(f.FieldErrs) > 0 {
			return nil
		}
		_, err := s.svc.Aftercare.ReportTask(r.Context(), rq.P, id, version, rep)
		return err
	})
}

// Cancel cancels the {id} task with the reason in its note.
func (s *Server) Cancel(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.taskAct(w, r, rq, func(id int64, version int, f *form) error {
		_, err := s.svc.Aftercare.Cancel(r.Context(), rq.P, id, version, f.Values["cancel_note"])
		if f.Absorb(rq.L, err) {
			f.Move("note", "cancel_note")
			return nil
		}
		return err
	})
}

// reportOf reads a report's fields.
func reportOf(rq *request, f *form) aftercare.Report {
	return aftercare.Report{Done: f.Values["done"] != "", DoneOn: kit.FormDate(rq, f, "done_on"),
		Minutes: minutes(rq, f, "hours"), Note: f.Values["note"]}
}
