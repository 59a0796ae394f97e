package strands

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/strands"
	"github.com/jolproject/jol/internal/web/kit"
)

// sessionView is a session's register: every young person enrolled, came
// or not.
type sessionView struct {
	Page
	Session  strands.Session
	Activity strands.Activity
	Marks    []strands.Mark
	CanRun   bool
	Form     *form
}

// Session shows the register of the {id} session.
func (s *Server) Session(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderSession(w, r, rq, kit.NewForm(nil), http.StatusOK)
}

func (s *Server) renderSession(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	ctx := r.Context()
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	se, a, err := s.svc.Strands.Session(ctx, rq.P, id)
	if err != nil {
		return err
	}
	marks, err := s.svc.Strands.Attendance(ctx, rq.P, id)
	if err != nil {
		return err
	}
	v := sessionView{Page: s.Page(r, rq, "strands.title"), Session: se, Activity: a, Marks: marks, Form: f,
		CanRun: access.Can(rq.P, access.ManageStrands, a.Target()) == nil}
	v.Title = a.Name + " · " + v.Day(se.HeldOn)
	s.Render(w, status, "activity_session", &v)
	return nil
}

// Attendance records the register of the {id} session: a box per young
// person enrolled (present-<youth id>), ticked for those who came.
func (s *Server) Attendance(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	f := kit.NewForm(r)
	var marks []strands.Mark
	for _, v := range r.PostForm["youth"] {
		y, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			continue
		}
		marks = append(marks, strands.Mark{YouthID: y, Present: r.PostForm.Get("present-"+v) != ""})
	}
	if err := s.svc.Strands.RecordAttendance(r.Context(), rq.P, id, marks); err != nil {
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
		return s.renderSession(w, r, rq, f, http.StatusUnprocessableEntity)
	}
	s.Flash(r, "strands.attendance_saved")
	return kit.SeeOther(w, r, "/activity-sessions/"+kit.Itoa(id))
}
