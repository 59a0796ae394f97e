package api

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/courses"
)

// courseInput is the body of POST /courses: a course with its dates as
// yyyy-mm-dd.
type courseInput struct {
	CampaignID int64   `json:"campaign_id"`
	Title      string  `json:"title"`
	Lang       string  `json:"lang"`
	Subject    string  `json:"subject"`
	GradeMin   int     `json:"grade_min"`
	GradeMax   int     `json:"grade_max"`
	Place      string  `json:"place"`
	StartsOn   string  `json:"starts_on"`
	EndsOn     string  `json:"ends_on"`
	Capacity   int     `json:"capacity"`
	RegionCode string  `json:"region_code"`
	OrgID      int64   `json:"org_id"`
	Teachers   []int64 `json:"teachers"`
	// Version is the version read, when a course is changed.
	Version int `json:"version"`
}

// input reads the course the body holds.
func (in courseInput) input() (courses.Input, error) {
	starts, err := optionalDay("starts_on", in.StartsOn)
	if err != nil {
		return courses.Input{}, err
	}
	ends, err := optionalDay("ends_on", in.EndsOn)
	if err != nil {
		return courses.Input{}, err
	}
	return courses.Input{CampaignID: in.CampaignID, Title: in.Title, Lang: in.Lang, Subject: in.Subject,
		GradeMin: in.GradeMin, GradeMax: in.GradeMax, Place: in.Place, StartsOn: starts, EndsOn: ends,
		Capacity: in.Capacity, RegionCode: in.RegionCode, OrgID: in.OrgID, Teachers: in.Teachers}, nil
}

// listCourses lists the free courses of the caller's scope, of ?campaign=
// when given, the latest start first.
func (a *API) listCourses(w http.ResponseWriter, r *http.Request, rq *request) error {
	campaign, _ := strconv.ParseInt(r.URL.Query().Get("campaign"), 10, 64)
	list, err := a.svc.Courses.Courses(r.Context(), rq.p, campaign)
	if err != nil {
		return err
	}
	return writeList(w, nonNil(list), "")
}

func (a *API) createCourse(w http.ResponseWriter, r *http.Request, rq *request) error {
	var body courseInput
	if err := decode(r, &body); err != nil {
		return err
	}
	in, err := body.input()
	if err != nil {
		return err
	}
	c, err := a.svc.Courses.Create(r.Context(), rq.p, in)
	if err != nil {
		return err
	}
	return created(w, Prefix+"/courses/"+strconv.FormatInt(c.ID, 10), c)
}

// updateCourse changes course {id}, read at the body's version.
func (a *API) updateCourse(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body courseInput
	if err := decode(r, &body); err != nil {
		return err
	}
	in, err := body.input()
	if err != nil {
		return err
	}
	c, err := a.svc.Courses.Update(r.Context(), rq.p, id, body.Version, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, c)
}

func (a *API) getCourse(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	c, err := a.svc.Courses.Course(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, c)
}

// getRoster lists the children enrolled on a course; each is written to
// the access log.
func (a *API) getRoster(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	list, err := a.svc.Courses.Roster(r.Context(), rq.p, id, "api")
	if err != nil {
		return err
	}
	return writeList(w, list, "")
}

func (a *API) enrol(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in courses.EnrolInput
	if err := decode(r, &in); err != nil {
		return err
	}
	e, err := a.svc.Courses.Enrol(r.Context(), rq.p, id, in)
	if err != nil {
		return err
	}
	return created(w, Prefix+"/courses/"+strconv.FormatInt(id, 10)+"/roster", e)
}

// sessionInput is the body of POST /courses/{id}/sessions.
type sessionInput struct {
	HeldOn string `json:"held_on"`
	Topic  string `json:"topic"`
}

func (a *API) addSession(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sessionInput
	if err := decode(r, &in); err != nil {
		return err
	}
	day, err := optionalDay("held_on", in.HeldOn)
	if err != nil {
		return err
	}
	se, err := a.svc.Courses.AddSession(r.Context(), rq.p, id, day, in.Topic)
	if err != nil {
		return err
	}
	return created(w, Prefix+"/sessions/"+strconv.FormatInt(se.ID, 10)+"/attendance", se)
}

// attendanceInput is the body of PUT /sessions/{id}/attendance.
type attendanceInput struct {
	Marks []courses.Mark `json:"marks"`
}

func (a *API) recordAttendance(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in attendanceInput
	if err := decode(r, &in); err != nil {
		return err
	}
	se, err := a.svc.Courses.RecordAttendance(r.Context(), rq.p, id, in.Marks)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, se)
}

func (a *API) listMyCourses(w http.ResponseWriter, r *http.Request, rq *request) error {
	list, err := a.svc.Courses.Taught(r.Context(), rq.p)
	if err != nil {
		return err
	}
	return writeList(w, nonNil(list), "")
}
