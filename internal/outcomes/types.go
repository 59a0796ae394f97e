package outcomes

import (
	"time"

	"github.com/jolproject/jol/internal/access"
)

// Code is what became of a young person at the end of the programme.
type Code string

// The outcomes.
const (
	Education  Code = "education"   // enrolled in education or training
	Employed   Code = "employed"    // in work
	Business   Code = "business"    // started a business
	NEET       Code = "neet"        // still not in education, employment or training
	NotReached Code = "not_reached" // could not be reached at the end
)

// Codes lists every outcome in the order reports show them.
func Codes() []Code { return []Code{Education, Employed, Business, NEET, NotReached} }

// MaxNote bounds an outcome's note, in characters.
const MaxNote = 1000

// Input is an outcome as a form or the API gives it.
type Input struct {
	Code Code      `json:"outcome"`
	On   time.Time `json:"outcome_on"`
	Note string    `json:"note"`
}

// Outcome is an outcome recorded for a young person.
type Outcome struct {
	YouthID    int64     `json:"youth_id"`
	Code       Code      `json:"outcome"`
	On         time.Time `json:"outcome_on"`
	Note       string    `json:"note,omitempty"`
	RecordedBy int64     `json:"recorded_by,omitempty"`
	Recorder   string    `json:"recorder"`
	RecordedAt time.Time `json:"recorded_at"`
}

// Youth is what an outcome's page says of the young person.
type Youth struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	AgeGroup   string `json:"age_group"`
	RegionCode string `json:"region_code"`
	OrgName    string `json:"org_name"`
	orgPath    string
	regionPath string
}

// Target is the young person's scope, for access.Can.
func (y Youth) Target() access.Target {
	return access.Target{OrgPath: y.orgPath, RegionPath: y.regionPath}
}

// Activity is an activity a young person was enrolled on.
type Activity struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Strand   string `json:"strand"`
	Progress int    `json:"progress"`
}

// Record is a young person's outcome page: who they are, the activities
// they took part in, whether they had a mentor, their current outcome
// (nil until one is recorded) and every outcome recorded, latest first.
type Record struct {
	Youth      Youth      `json:"youth"`
	Mentored   bool       `json:"mentored"`
	Activities []Activity `json:"activities"`
	Current    *Outcome   `json:"current"`
	History    []Outcome  `json:"history"`
}
