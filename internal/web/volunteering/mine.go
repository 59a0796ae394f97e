package volunteering

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/courses"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/volunteers"
	"github.com/jolproject/jol/internal/web/kit"
)

// mineView is a volunteer's own page: the needs they may sign up to and
// those they did, their device tasks and courses, their hours and the
// form that logs more.
type mineView struct {
	Page
	Registered bool
	Open       []volunteers.Need
	Signed     []volunteers.Need
	Tasks      []aftercare.Task
	Courses    []courses.Course
	Hours      []hoursRow
	Purposes   []option
	Form       *form
}

// hoursRow is logged time shown as hours.
type hoursRow struct {
	volunteers.Hours
	Time string
}

// hoursFields are the fields of the form that logs hours.
var hoursFields = []string{"worked_on", "hours", "purpose", "note"}

// Mine shows the volunteer's own page.
func (s *Server) Mine(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, hoursFields...)
	f.Values["worked_on"] = s.Today(rq).Format(time.DateOnly)
	return s.renderMine(w, r, rq, f, http.StatusOK)
}

func (s *Server) renderMine(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	ctx := r.Context()
	v := mineView{Page: s.Page(r, rq, "nav.my_volunteering"), Form: f}
	open, signed, err := s.svc.Volunteers.OpenNeeds(ctx, rq.P)
	if errors.Is(err, errs.ErrNotFound) {
		s.Render(w, status, "mine", &v)
		return nil
	}
	if err != nil {
		return err
	}
	v.Registered, v.Open, v.Signed = true, open, signed
	if v.Tasks, _, err = s.svc.Aftercare.MyTasks(ctx, rq.P, aftercare.Active); err != nil {
		return err
	}
	if v.Courses, err = s.svc.Courses.Taught(ctx, rq.P); err != nil {
		return err
	}
	hours, err := s.svc.Volunteers.MyHours(ctx, rq.P)
	if err != nil {
		return err
	}
	for _, h := range hours {
		v.Hours = append(v.Hours, hoursRow{h, volunteers.FormatHours(h.Minutes)})
	}
	v.Purposes = []option{{Value: "", Label: rq.L.T("volunteering.purpose_none")}}
	for _, n := range signed {
		v.Purposes = append(v.Purposes, option{Value: "need:" + kit.Itoa(n.ID), Label: n.Title + " · " + v.Day(n.OnDate)})
	}
	for _, t := range v.Tasks {
		v.Purposes = append(v.Purposes, option{Value: "task:" + kit.Itoa(t.ID),
			Label: rq.L.T("aftercare.kind."+string(t.Kind)) + " · " + t.Serial})
	}
	for _, c := range v.Courses {
		v.Purposes = append(v.Purposes, option{Value: "course:" + kit.Itoa(c.ID), Label: c.Title})
	}
	for i := range v.Purposes {
		v.Purposes[i].Selected = v.Purposes[i].Value == f.Values["purpose"]
	}
	s.Render(w, status, "mine", &v)
	return nil
}

// SignUp signs the volunteer up to the {id} need.
func (s *Server) SignUp(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.needMove(w, r, rq, s.svc.Volunteers.SignUp, "volunteering.signed_up")
}

// Withdraw takes the volunteer off the {id} need.
func (s *Server) Withdraw(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.needMove(w, r, rq, s.svc.Volunteers.Withdraw, "volunteering.withdrawn")
}

func (s *Server) needMove(w http.ResponseWriter, r *http.Request, rq *request,
	move func(context.Context, access.Principal, int64) (volunteers.Need, error), done string) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	if _, err := move(r.Context(), rq.P, id); err != nil {
		if e := errs.As(err); e != nil && e.Code == errs.Conflict {
			f := kit.NewForm(nil, hoursFields...)
			f.Fail(rq.L, "", e.Key, e.Args...)
			return s.renderMine(w, r, rq, f, http.StatusConflict)
		}
		return err
	}
	s.Flash(r, done)
	return kit.SeeOther(w, r, "/my/volunteering")
}

// LogHours records time the volunteer gave.
func (s *Server) LogHours(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, hoursFields...)
	in := volunteers.HoursInput{WorkedOn: kit.FormDate(rq, f, "worked_on"), Note: f.Values["note"]}
	minutes, err := volunteers.ParseHours(f.Values["hours"])
	if err != nil {
		f.Absorb(rq.L, err)
	}
	in.Minutes = minutes
	kind, id := purposeOf(f.Values["purpose"])
	switch kind {
	case "need":
		in.NeedID = id
	case "task":
		in.TaskID = id
	case "course":
		in.CourseID = id
	}
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.Volunteers.LogHours(r.Context(), rq.P, in)
		if err == nil {
			s.Flash(r, "volunteering.hours_logged")
			return kit.SeeOther(w, r, "/my/volunteering")
		}
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
	}
	return s.renderMine(w, r, rq, f, http.StatusUnprocessableEntity)
}

// purposeOf reads the purpose choice "need:12" into its kind and id.
func purposeOf(v string) (string, int64) {
	for _, k := range []string{"need", "task", "course"} {
		if len(v) > len(k)+1 && v[:len(k)+1] == k+":" {
			id, err := strconv.ParseInt(v[len(k)+1:], 10, 64)
			if err == nil {
				return k, id
			}
		}
	}
	return "", 0
}
