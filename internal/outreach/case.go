package outreach

import (
	"database/sql"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Case is one flagged child's casework.
type Case struct {
	ID           int64         `json:"id"`
	PersonID     int64         `json:"person_id"`
	PersonName   string        `json:"person_name,omitempty"`
	Category     Category      `json:"category"`
	Visibility   Visibility    `json:"visibility"`
	Confidence   float64       `json:"confidence"` // how sure the run is, 0 to 1
	Why          string        `json:"why"`        // why the run flagged the child
	RegionID     int64         `json:"-"`
	RegionCode   string        `json:"district"`
	RegionPath   string        `json:"-"`
	OrgID        int64         `json:"org_id"` // whose workers follow the case
	OrgName      string        `json:"org_name,omitempty"`
	OrgPath      string        `json:"-"`
	SchoolID     int64         `json:"school_id,omitempty"` // the catchment school
	SchoolName   string        `json:"school_name,omitempty"`
	AssigneeID   int64         `json:"assignee_id,omitempty"`
	Assignee     string        `json:"assignee,omitempty"`
	Step         Step          `json:"step"`
	StepAt       time.Time     `json:"step_at"`
	DueOn        time.Time     `json:"due_on"`
	Mode         Mode          `json:"contact_mode,omitempty"`
	Reason       Reason        `json:"reason,omitempty"`
	ContactNote  string        `json:"contact_note,omitempty"`
	ContactedAt  time.Time     `json:"contacted_at,omitzero"`
	SupportAt    time.Time     `json:"support_at,omitzero"`
	EnrolledAtID int64         `json:"enrolled_school_id,omitempty"`
	EnrolledAt   string        `json:"enrolled_school,omitempty"`
	EnrolledOn   time.Time     `json:"enrolled_on,omitzero"`
	ChecksDone   int           `json:"checks_done"`
	Outcome      Outcome       `json:"outcome,omitempty"`
	ClosedAt     time.Time     `json:"closed_at,omitzero"`
	Shared       []SharedField `json:"shared"` // what the family consented to share with charities
	Runs         int           `json:"runs"`   // the runs that opened or changed it
	FlaggedAt    time.Time     `json:"flagged_at"`
	Version      int           `json:"version"`
	UpdatedAt    time.Time     `json:"updated_at"`
}

// Target is the case's scope.
func (c Case) Target() access.Target {
	return access.Target{OrgPath: c.OrgPath, RegionPath: c.RegionPath}
}

// Open reports whether the case is still worked.
func (c Case) Open() bool { return c.Step != Closed }

// Overdue reports whether the open case is past its deadline, today being
// the installation's calendar day.
func (c Case) Overdue(today time.Time) bool { return c.Open() && today.After(c.DueOn) }

// Shares reports whether the family consented to share f.
func (c Case) Shares(f SharedField) bool { return oneOf(f, c.Shared) }

// NextCheck is the month after enrolment of the next attendance check, 0
// when none is due.
func (c Case) NextCheck() int {
	if c.Step != Enrolled || c.ChecksDone >= len(CheckMonths()) {
		return 0
	}
	return CheckMonths()[c.ChecksDone]
}

// Event is one line of a case's timeline.
type Event struct {
	At     time.Time `json:"at"`
	UserID int64     `json:"user_id,omitempty"`
	User   string    `json:"user,omitempty"`
	Kind   string    `json:"kind"`
	Detail string    `json:"detail,omitempty"`
}

// Coded reports whether the line's detail is made of codes (a mode and a
// reason, needs, a check's month) that the case's page shows, translated,
// in its own sections, rather than text: why the run flagged the child, a
// school's or a worker's name, the case a merge closed.
func (e Event) Coded() bool {
	switch e.Kind {
	case "contacted", "needs", "consent", "referred", "accepted", "declined", "check", "closed":
		return true
	}
	return false
}

// NeedNote is a need found for a child, with what the worker noted.
type NeedNote struct {
	Need Need   `json:"need"`
	Note string `json:"note,omitempty"`
}

// Check is one attendance check.
type Check struct {
	Month     int       `json:"month"`
	Attending bool      `json:"attending"`
	CheckedOn time.Time `json:"checked_on"`
	Note      string    `json:"note,omitempty"`
}

// scanCase reads a case as the queries select it (see queries.sql).
func scanCase(sc store.Scanner) (Case, error) {
	var c Case
	var contacted, support, enrolled, closed sql.NullTime
	var shared string
	err := sc.Scan(&c.ID, &c.PersonID, &c.Category, &c.Visibility, &c.Confidence, &c.Why, &c.RegionID, &c.RegionCode,
		&c.RegionPath, &c.OrgID, &c.OrgName, &c.OrgPath, &c.SchoolID, &c.SchoolName, &c.AssigneeID, &c.Assignee,
		&c.Step, &c.StepAt, &c.DueOn, &c.Mode, &c.Reason, &c.ContactNote, &contacted, &support, &c.EnrolledAtID,
		&c.EnrolledAt, &enrolled, &c.ChecksDone, &c.Outcome, &closed, &shared, &c.Runs, &c.FlaggedAt, &c.Version,
		&c.UpdatedAt, &c.PersonName)
	c.ContactedAt, c.SupportAt, c.EnrolledOn, c.ClosedAt = store.TimeOf(contacted), store.TimeOf(support),
		store.TimeOf(enrolled), store.TimeOf(closed)
	c.StepAt, c.DueOn, c.FlaggedAt, c.UpdatedAt = c.StepAt.UTC(), c.DueOn.UTC(), c.FlaggedAt.UTC(), c.UpdatedAt.UTC()
	c.Shared = parseShared(shared)
	return c, err
}

func parseShared(s string) []SharedField {
	out := []SharedField{}
	for f := range strings.SplitSeq(s, ",") {
		if f := SharedField(f); oneOf(f, SharedFields()) {
			out = append(out, f)
		}
	}
	return out
}

func joinShared(fs []SharedField) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = string(f)
	}
	return strings.Join(parts, ",")
}

// Percent is the confidence in whole percent, for pages.
func (c Case) Percent() int { return int(c.Confidence*100 + 0.5) }
