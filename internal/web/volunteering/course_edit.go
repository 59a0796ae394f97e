package volunteering

import (
	"net/http"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/courses"
	"github.com/jolproject/jol/internal/web/kit"
)

// courseEditView is the form that changes a course.
type courseEditView struct {
	Page
	ID int64
	courseForm
}

// CourseEdit shows the {id} course's form filled with what it holds.
func (s *Server) CourseEdit(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	c, err := s.svc.Courses.Course(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	f := kit.NewForm(nil, courseFields...)
	for k, v := range map[string]string{"title": c.Title, "lang": c.Lang, "subject": c.Subject,
		"grade_min": strconv.Itoa(c.GradeMin), "grade_max": strconv.Itoa(c.GradeMax), "place": c.Place,
		"starts_on": c.StartsOn.Format(time.DateOnly), "ends_on": c.EndsOn.Format(time.DateOnly),
		"capacity": strconv.Itoa(c.Capacity), "region": c.RegionCode, "org_id": kit.Itoa(c.OrgID)} {
		f.Values[k] = v
	}
	var teachers []int64
	for _, t := range c.Teachers {
		teachers = append(teachers, t.VolunteerID)
	}
	return s.renderCourseEdit(w, r, rq, c, f, c.Version, teachers, http.StatusOK)
}

func (s *Server) renderCourseEdit(w http.ResponseWriter, r *http.Request, rq *request, c courses.Course, f *form,
	version int, picked []int64, status int) error {
	v := courseEditView{Page: s.Page(r, rq, "volunteering.edit_course"), ID: c.ID, courseForm: courseForm{Form: f,
		Action: "/courses/" + kit.Itoa(c.ID), Submit: "common.save", Version: version}}
	if err := s.courseOptions(r, rq, &v.courseForm, picked); err != nil {
		return err
	}
	s.Render(w, status, "course_edit", &v)
	return nil
}

// CourseUpdate saves the {id} course's form, read at the version posted;
// a course changed meanwhile, or below the children enrolled, is refused
// on the form.
func (s *Server) CourseUpdate(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	c, err := s.svc.Courses.Course(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, append(courseFields, "version")...)
	version, _ := strconv.Atoi(f.Values["version"])
	in := courseInput(r, rq, f)
	in.CampaignID = c.CampaignID
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.Courses.Update(r.Context(), rq.P, id, version, in)
		if err == nil {
			s.Flash(r, "volunteering.course_saved")
			return kit.SeeOther(w, r, "/courses/"+kit.Itoa(id))
		}
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
	}
	return s.renderCourseEdit(w, r, rq, c, f, version, in.Teachers, http.StatusUnprocessableEntity)
}
