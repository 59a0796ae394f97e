package aftercare

import (
	"net/http"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/web/kit"
)

// myTasksView is a volunteer's tasks, each with the form they report on.
type myTasksView struct {
	Page
	listing
	Volunteer aftercare.Volunteer
	Rows      []myTask
	Done      bool // the list shows the tasks done
}

// myTask is a task of the volunteer with the fields of its report form,
// named by the task, and what was typed into it when it was refused.
type myTask struct {
	taskRow
	Hours, Note, DoneField string
	Form                   *form
}

// MyTasks lists the tasks given to the volunteer who is logged in: those
// to do, or with ?done=1 those done.
func (s *Server) MyTasks(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderMine(w, r, rq, 0, nil, http.StatusOK)
}

func (s *Server) renderMine(w http.ResponseWriter, r *http.Request, rq *request, failed int64, f *form, status int) error {
	done := r.URL.Query().Get("done") != ""
	st := aftercare.Active
	if done {
		st = aftercare.Done
	}
	list, vol, err := s.svc.Aftercare.MyTasks(r.Context(), rq.P, st)
	if err != nil {
		return err
	}
	rows, err := s.taskRows(r, rq, list)
	if err != nil {
		return err
	}
	v := myTasksView{Page: s.Page(r, rq, "nav.my_tasks"), listing: kit.Whole(len(rows)), Volunteer: vol, Done: done}
	for _, row := range rows {
		m := myTask{taskRow: row, Hours: "hours", Note: "note", DoneField: "done"}
		if row.ID == failed {
			m.Form = f
		} else {
			m.Form = kit.NewForm(nil, myFields...)
			m.Form.Values["hours"], m.Form.Values["note"] = hoursValue(row.Minutes), row.Note
			m.Form.Values["version"] = strconv.Itoa(row.Version)
		}
		v.Rows = append(v.Rows, m)
	}
	s.Render(w, status, "mytasks", &v)
	return nil
}

// myFields are the fields of a volunteer's report.
var myFields = []string{"version", "hours", "note", "done", "done_on"}

// MyReport records a volunteer's report on the {id} task given to them.
func (s *Server) MyReport(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, myFields...)
	version, _ := strconv.Atoi(f.Values["version"])
	rep := reportOf(rq, f)
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.Aftercare.ReportTask(r.Context(), rq.P, id, version, rep)
		if err == nil {
			s.Flash(r, "aftercare.report_saved")
			return kit.SeeOther(w, r, "/my/tasks")
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	if f.Values["done_on"] == "" {
		f.Values["done_on"] = s.Today(rq).Format(time.DateOnly)
	}
	return s.renderMine(w, r, rq, id, f, http.StatusUnprocessableEntity)
}
