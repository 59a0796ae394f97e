package strands

import (
	"time"

	"github.com/jolproject/jol/internal/access"
)

// Strand is one of the programme's three strands.
type Strand string

// The strands. Mentoring (the mentors' school and the mentorships that
// follow it) has no activities here: it is counted from mentorships.
const (
	Mentoring Strand = "mentoring"
	Leaders   Strand = "leaders"
	Creative  Strand = "creative"
)

// Strands lists every strand in the order pages show them.
func Strands() []Strand { return []Strand{Mentoring, Leaders, Creative} }

// ActivityStrands are the strands whose activities are kept here.
func ActivityStrands() []Strand { return []Strand{Leaders, Creative} }

// Limits of an activity's fields.
const (
	MaxName     = 200
	MaxCapacity = 100000
	MaxProgress = 100
)

// Activity is a programme of one strand run by an organisation in a
// region: a young leaders' school, a dombra class, a marketing course.
type Activity struct {
	ID          int64     `json:"id"`
	Name        string    `json:"name"`
	Strand      Strand    `json:"strand"`
	Description string    `json:"description,omitempty"`
	OrgID       int64     `json:"org_id"`
	OrgName     string    `json:"org_name"`
	RegionCode  string    `json:"region_code"`
	StartsOn    time.Time `json:"starts_on"`
	EndsOn      time.Time `json:"ends_on"`
	Capacity    int       `json:"capacity"`
	Enrolled    int       `json:"enrolled"`
	MinAge      int       `json:"min_age,omitempty"` // 0 for no bound
	MaxAge      int       `json:"max_age,omitempty"`
	LocalOnly   bool      `json:"local_only"` // only young people living in its region
	CreatedAt   time.Time `json:"created_at"`
	orgPath     string
	regionPath  string
}

// Target is the activity's scope, for access.Can.
func (a Activity) Target() access.Target {
	return access.Target{OrgPath: a.orgPath, RegionPath: a.regionPath}
}

// Free is how many places are left.
func (a Activity) Free() int { return max(a.Capacity-a.Enrolled, 0) }

// Input is an activity as a form or the API gives it.
type Input struct {
	Name        string    `json:"name"`
	Strand      Strand    `json:"strand"`
	Description string    `json:"description"`
	OrgID       int64     `json:"org_id"`
	RegionCode  string    `json:"region_code"`
	StartsOn    time.Time `json:"starts_on"`
	EndsOn      time.Time `json:"ends_on"`
	Capacity    int       `json:"capacity"`
	MinAge      int       `json:"min_age"`
	MaxAge      int       `json:"max_age"`
	LocalOnly   bool      `json:"local_only"`
}

// Source says who enrolled a young person.
type Source string

// The ways onto an activity: a coordinator's action, or the young
// person's own (their page, the bot).
const (
	ByCoordinator Source = "coordinator"
	BySelf        Source = "youth"
)

// Participant is a young person enrolled on an activity, with the
// sessions they came to and their progress.
type Participant struct {
	YouthID    int64     `json:"youth_id"`
	Name       string    `json:"name"`
	AgeGroup   string    `json:"age_group"`
	Source     Source    `json:"enrolled_via"`
	EnrolledAt time.Time `json:"enrolled_at"`
	Attended   int       `json:"attended"`
	Progress   int       `json:"progress"` // per cent
	Note       string    `json:"progress_note,omitempty"`
}

// Session is one meeting of an activity.
type Session struct {
	ID         int64     `json:"id"`
	ActivityID int64     `json:"activity_id"`
	HeldOn     time.Time `json:"held_on"`
	Topic      string    `json:"topic"`
	Leader     string    `json:"leader"`
	Present    int       `json:"present"`
	Marked     int       `json:"marked"`
}

// Mark is one participant's attendance of a session.
type Mark struct {
	YouthID int64  `json:"youth_id"`
	Name    string `json:"name,omitempty"`
	Present bool   `json:"present"`
	Marked  bool   `json:"marked"` // false while nothing is recorded
}
