package volunteering

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/courses"
	"github.com/jolproject/jol/internal/web/kit"
)

// sessionView is a session's register: every child enrolled, came or not.
type sessionView struct {
	Page
	Base    string
	Session courses.Session
	Course  courses.Course
	Marks   []courses.Mark
	CanRun  bool
	Form    *form
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
	se, c, err := s.svc.Courses.Session(ctx, rq.P, id)
	if err != nil {
		return err
	}
	marks, err := s.svc.Courses.Attendance(ctx, rq.P, id, "web")
	if err != nil {
		return err
	}
	v := sessionView{Page: s.Page(r, rq, "nav.courses"), Base: teacherBase(r), Session: se, Course: c, Marks: marks,
		Form: f}
	v.Title = c.Title + " · " + v.Day(se.HeldOn)
	v.CanRun = v.Base == "/my" || s.svc.Courses.MayManage(rq.P, c)
	s.Render(w, status, "session", &v)
	return nil
}

// Attendance records the register of the {id} session: a box per child
// enrolled (present-<enrolment>), ticked for those who came.
func (s *Server) Attendance(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r)
	var marks []courses.Mark
	for _, v := range r.PostForm["enrolment"] {
		e, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			continue
		}
		marks = append(marks, courses.Mark{EnrolmentID: e, Present: r.PostForm.Get("present-"+v) != ""})
	}
	if _, err := s.svc.Courses.RecordAttendance(r.Context(), rq.P, id, marks); err != nil {
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
		return s.renderSession(w, r, rq, f, http.StatusUnprocessableEntity)
	}
	s.Flash(r, "volunteering.attendance_saved")
	return kit.SeeOther(w, r, teacherBase(r)+"/sessions/"+kit.Itoa(id))
}

// teachingFilter selects the active volunteers with the teaching skill.
func teachingFilter() aftercare.VolunteerFilter {
	return aftercare.VolunteerFilter{Skill: aftercare.Teaching, Active: true}
}
