package courses

import (
	"time"

	"github.com/jolproject/jol/internal/access"
)

// Status is where a course stands.
type Status string

// The statuses of a course.
const (
	Open      Status = "open"
	Cancelled Status = "cancelled"
)

// Bounds of a course.
const (
	MaxTitle    = 200
	MaxCapacity = 500
	MaxTeachers = 10
)

// Course is a free course.
type Course struct {
	ID         int64     `json:"id"`
	CampaignID int64     `json:"campaign_id,omitempty"`
	Title      string    `json:"title"`
	Lang       string    `json:"lang"`
	Subject    string    `json:"subject"`
	GradeMin   int       `json:"grade_min"`
	GradeMax   int       `json:"grade_max"`
	Place      string    `json:"place,omitempty"`
	StartsOn   time.Time `json:"starts_on"`
	EndsOn     time.Time `json:"ends_on"`
	Capacity   int       `json:"capacity"`
	Enrolled   int       `json:"enrolled"`
	Status     Status    `json:"status"`
	RegionID   int64     `json:"region_id"`
	RegionCode string    `json:"region_code"`
	OrgID      int64     `json:"org_id"`
	OrgName    string    `json:"org_name"`
	Teachers   []Teacher `json:"teachers"`
	Version    int       `json:"version"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
	orgPath    string
	regionPath string
}

// Free is how many places of the course are still to take.
func (c Course) Free() int { return max(c.Capacity-c.Enrolled, 0) }

// Target is the course's scope: the organisation giving it and its region.
func (c Course) Target() access.Target {
	return access.Target{OrgPath: c.orgPath, RegionPath: c.regionPath}
}

// Teacher is a volunteer teaching a course.
type Teacher struct {
	VolunteerID int64  `json:"volunteer_id"`
	Name        string `json:"name"`
}

// Pupil is a child enrolled on a course as the reader may see them: staff
// see the full name and the record's id; a volunteer teacher the first
// name and last initial, and PersonID 0. Present counts the sessions the
// child came to.
type Pupil struct {
	EnrolmentID int64  `json:"enrolment_id"`
	PersonID    int64  `json:"person_id,omitempty"`
	Name        string `json:"name"`
	Grade       int    `json:"grade,omitempty"`
	RequestID   int64  `json:"request_id,omitempty"`
	Present     int    `json:"sessions_present"`
}

// Session is a day of a course, with how many children were marked and
// came.
type Session struct {
	ID       int64     `json:"id"`
	CourseID int64     `json:"course_id"`
	HeldOn   time.Time `json:"held_on"`
	Topic    string    `json:"topic,omitempty"`
	Present  int       `json:"present"`
	Marked   int       `json:"marked"`
}

// Mark is whether an enrolled child came to a session; Marked says a
// mark was recorded at all.
type Mark struct {
	EnrolmentID int64  `json:"enrolment_id"`
	Name        string `json:"name,omitempty"`
	Present     bool   `json:"present"`
	Marked      bool   `json:"marked"`
}
