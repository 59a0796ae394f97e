package mentors

import (
	"net/http"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/web/kit"
)

// sheetView is a session's register: every member of the cohort with a
// box ticked for those present.
type sheetView struct {
	Page
	Sheet     mentoring.Sheet
	Form      *form
	CanManage bool
}

// Session shows the {id} session's register.
func (s *Server) Session(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderSheet(w, r, rq, kit.NewForm(nil), nil, http.StatusOK)
}

func (s *Server) renderSheet(w http.ResponseWriter, r *http.Request, rq *request, f *form, present map[int64]bool, status int) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	sh, err := s.svc.Mentoring.Sheet(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	if present != nil {
		sh.Present = present
	}
	v := sheetView{Page: s.Page(r, rq, "mentors.school_title"), Sheet: sh, Form: f,
		CanManage: access.Can(rq.P, access.ManageMentors, sh.Cohort.Target()) == nil}
	v.Title = sh.Module.Name + " · " + v.Day(sh.Session.HeldOn)
	s.Render(w, status, "mentor_session", &v)
	return nil
}

// Attendance records who was present at the {id} session; a mentor not
// of the cohort is refused and nothing is recorded.
func (s *Server) Attendance(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	f := kit.NewForm(r)
	var present []int64
	ticked := map[int64]bool{}
	for _, v := range r.PostForm["present"] {
		m, err := kit.FormID(v)
		if err != nil || m == 0 {
			continue
		}
		present = append(present, m)
		ticked[m] = true
	}
	err = s.svc.Mentoring.RecordAttendance(r.Context(), rq.P, id, present)
	if err == nil {
		s.Flash(r, "mentors.attendance_saved")
		return kit.SeeOther(w, r, "/mentors/school/sessions/"+kit.Itoa(id))
	}
	if !f.AbsorbInput(rq.L, err) {
		return err
	}
	return s.renderSheet(w, r, rq, f, ticked, http.StatusUnprocessableEntity)
}
