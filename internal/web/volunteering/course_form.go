package volunteering

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/jolproject/jol/internal/courses"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/web/kit"
)

// courseFields are the fields of a course's form.
var courseFields = []string{"title", "lang", "subject", "grade_min", "grade_max", "place", "starts_on", "ends_on",
	"capacity", "region", "org_id", "teachers"}

// courseForm is the form that adds a course or changes one: where it
// posts, its button, the version read (0 for a new course) and its
// choices.
type courseForm struct {
	Form     *form
	Action   string
	Submit   string
	Version  int
	Subjects []option
	Orgs     []option
	Teachers []option
}

// courseOptions fills c's choices for p: the subjects, the organisations
// and the volunteers who teach, picked ticked.
func (s *Server) courseOptions(r *http.Request, rq *request, c *courseForm, picked []int64) error {
	ctx := r.Context()
	c.Subjects = subjectOptions(rq.L, c.Form.Values["subject"])
	var err error
	if c.Orgs, err = kit.OrgOptions(ctx, s.svc.Orgs, rq.P, c.Form.Values["org_id"], "", 0); err != nil {
		return err
	}
	teachers, _, err := s.svc.Aftercare.Volunteers(ctx, rq.P, aftercareTeachers, store.Page{Limit: store.MaxLimit})
	if err != nil {
		return err
	}
	for _, t := range teachers {
		c.Teachers = append(c.Teachers, option{Value: kit.Itoa(t.ID), Label: t.Name,
			Selected: slices.Contains(picked, t.ID)})
	}
	return nil
}

// courseInput reads a course's form posted in r.
func courseInput(r *http.Request, rq *request, f *form) courses.Input {
	atoi := func(k string) int { n, _ := strconv.Atoi(f.Values[k]); return n }
	org, _ := kit.FormID(f.Values["org_id"])
	var teachers []int64
	for _, v := range r.PostForm["teachers"] {
		if id, err := kit.FormID(v); err == nil {
			teachers = append(teachers, id)
		}
	}
	return courses.Input{Title: f.Values["title"], Lang: f.Values["lang"], Subject: f.Values["subject"],
		GradeMin: atoi("grade_min"), GradeMax: atoi("grade_max"), Place: f.Values["place"],
		StartsOn: kit.FormDate(rq, f, "starts_on"), EndsOn: kit.FormDate(rq, f, "ends_on"), Capacity: atoi("capacity"),
		RegionCode: f.Values["region"], OrgID: org, Teachers: teachers}
}
