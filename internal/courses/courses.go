// Package courses keeps the free courses volunteer teachers give, mostly
// in the summer before the school year: the catalogue (a title in one
// language, a subject, grades, a place, dates, the teachers, the places),
// the children enrolled from the registry or from their requests, the
// sessions and who came to each.
//
// Enrolment never takes more children than a course has places: it
// raises the course's count with one conditional update (enrolled <
// capacity), which PostgreSQL re-checks under the row's lock and SQLite
// runs under its one write lock.
//
// Children's data: coordinators and staff see a course's children within
// their scope, by full name; a volunteer teacher sees only the children
// of the courses they teach, and of each only the first name, the
// initial of the last name and the grade — enough to call the register,
// nothing to find the child by (no birth date, address, contacts or
// record). Every reading of a course's children writes the access log,
// one entry per child shown. Sponsors and the public never see them.
package courses

import (
	"embed"
	"fmt"
	"github.com/jolproject/jol/internal/home"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	InsertCourse, UpdateCourse                                           string
	DeleteTeachers, InsertTeacher, CourseFrom, CourseByID, Courses       string
	CoursesTaught, TeachersOf, Teaches, TakeSeat, FreeSeat               string
	InsertEnrolment, EnrolmentOf, DeleteEnrolment, AttendanceOfEnrolment string
	Roster, InsertSession, Sessions, SessionByID, MarksOf, DeleteMark    string
	InsertMark, RepathOrgs, RepathRegions                                string
	MergeEnrolments, SharedCourses, MoveEnrolment, RetakeSeat            string
}

// Deps are what the service needs of the installation: the registry of
// children and of volunteers, requests (a child enrolled from theirs).
type Deps struct {
	Audit     *audit.Log
	People    *people.Service
	Requests  *requests.Service
	Aftercare *aftercare.Service
	Now       func() time.Time
}

// Service keeps the free courses.
type Service struct {
	db       *store.DB
	log      *audit.Log
	people   *people.Service
	requests *requests.Service
	reg      *aftercare.Service
	now      func() time.Time
	q        queries
	home     home.Resolver
}

// New returns the service on db.
func New(db *store.DB, d Deps) (*Service, error) {
	s := &Service{db: db, log: d.Audit, people: d.People, requests: d.Requests, reg: d.Aftercare, now: d.Now,
		home: home.New(db.Engine)}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("courses: %w", err)
	}
	return s, nil
}

// today is the clock's calendar day.
func (s *Service) today() time.Time { return store.Day(s.now().UTC()) }

// itoa formats an id for the logs.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }
