package volunteering

import (
	"net/http"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/courses"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/web/kit"
)

// coursesView is the catalogue of free courses of the scope, with the
// form that adds one.
type coursesView struct {
	Page
	kit.Listing
	Rows      []courses.Course
	CanManage bool
	courseForm
}

// Courses lists the free courses, the latest start first.
func (s *Server) Courses(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, courseFields...)
	f.Values["lang"] = string(rq.L.Locale())
	return s.renderCourses(w, r, rq, f, nil, http.StatusOK)
}

func (s *Server) renderCourses(w http.ResponseWriter, r *http.Request, rq *request, f *form, picked []int64, status int) error {
	ctx := r.Context()
	list, err := s.svc.Courses.Courses(ctx, rq.P, 0)
	if err != nil {
		return err
	}
	v := coursesView{Page: s.Page(r, rq, "nav.courses"), Listing: kit.Whole(len(list)), Rows: list,
		CanManage:  access.Allowed(rq.P, access.ManageCourses),
		courseForm: courseForm{Form: f, Action: "/courses", Submit: "volunteering.new_course"}}
	if v.CanManage {
		if err := s.courseOptions(r, rq, &v.courseForm, picked); err != nil {
			return err
		}
	}
	s.Render(w, status, "courses", &v)
	return nil
}

// CourseCreate adds a free course.
func (s *Server) CourseCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, courseFields...)
	in := courseInput(r, rq, f)
	if len(f.FieldErrs) == 0 {
		c, err := s.svc.Courses.Create(r.Context(), rq.P, in)
		if err == nil {
			s.Flash(r, "volunteering.course_saved")
			return kit.SeeOther(w, r, "/courses/"+kit.Itoa(c.ID))
		}
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
	}
	return s.renderCourses(w, r, rq, f, in.Teachers, http.StatusUnprocessableEntity)
}

// courseView is a course: its facts, its children, its sessions, and for
// its managers the search that enrols a child; Base is /my for a teacher.
type courseView struct {
	Page
	Base      string
	Course    courses.Course
	Pupils    []courses.Pupil
	Sessions  []courses.Session
	CanManage bool
	CanRun    bool
	Subject   string
	Query     string
	Found     []people.Person
	Form      *form
}

// Course shows the {id} course to its staff (/courses/{id}) or its
// teacher (/my/courses/{id}).
func (s *Server) Course(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderCourse(w, r, rq, kit.NewForm(nil, "held_on", "topic", "person_id"), http.StatusOK)
}

func (s *Server) renderCourse(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	ctx := r.Context()
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	c, err := s.svc.Courses.Course(ctx, rq.P, id)
	if err != nil {
		return err
	}
	v := courseView{Page: s.Page(r, rq, "nav.courses"), Base: teacherBase(r), Course: c, Form: f,
		CanManage: access.Can(rq.P, access.ManageCourses, c.Target()) == nil, Subject: rq.L.T("subject." + c.Subject)}
	v.Title = c.Title
	v.CanRun = v.CanManage || v.Base == "/my"
	if v.Pupils, err = s.svc.Courses.Roster(ctx, rq.P, id, "web"); err != nil {
		return err
	}
	if v.Sessions, err = s.svc.Courses.Sessions(ctx, rq.P, id); err != nil {
		return err
	}
	if f.Values["held_on"] == "" {
		f.Values["held_on"] = s.Today(rq).Format(time.DateOnly)
	}
	if v.Query = r.FormValue("q"); v.Query != "" && v.CanManage {
		if v.Found, err = s.svc.People.Search(ctx, rq.P, v.Query, 20); err != nil {
			return err
		}
	}
	s.Render(w, status, "course", &v)
	return nil
}

// Enrol enrols the child a search found on the {id} course.
func (s *Server) Enrol(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "held_on", "topic", "person_id")
	person, _ := kit.FormID(f.Values["person_id"])
	if _, err := s.svc.Courses.Enrol(r.Context(), rq.P, id, courses.EnrolInput{PersonID: person}); err != nil {
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
		f.Move("person_id", "")
		return s.renderCourse(w, r, rq, f, http.StatusUnprocessableEntity)
	}
	s.Flash(r, "volunteering.enrolled")
	return kit.SeeOther(w, r, "/courses/"+kit.Itoa(id))
}

// SessionAdd adds a session to the {id} course.
func (s *Server) SessionAdd(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "held_on", "topic", "person_id")
	day := kit.FormDate(rq, f, "held_on")
	if len(f.FieldErrs) == 0 {
		se, err := s.svc.Courses.AddSession(r.Context(), rq.P, id, day, f.Values["topic"])
		if err == nil {
			return kit.SeeOther(w, r, teacherBase(r)+"/sessions/"+kit.Itoa(se.ID))
		}
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
	}
	return s.renderCourse(w, r, rq, f, http.StatusUnprocessableEntity)
}

// aftercareTeachers selects the active volunteers who teach, for a
// course's form.
var aftercareTeachers = teachingFilter()
