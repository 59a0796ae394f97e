package appeals

import (
	"time"

	"github.com/jolproject/jol/internal/access"
)

// Appeal is one contact recorded at the desk.
type Appeal struct {
	ID          int64     `json:"id"`
	Kind        Kind      `json:"kind"`
	Channel     Channel   `json:"channel"`
	Status      Status    `json:"status"`
	PersonID    int64     `json:"person_id,omitempty"`   // the caller in the registry
	PersonName  string    `json:"person_name,omitempty"` // their name, when the reader may see them
	CallerName  string    `json:"caller_name,omitempty"` // as the caller gave it
	CallerPhone string    `json:"caller_phone,omitempty"`
	Subject     string    `json:"subject"`
	RegionID    int64     `json:"-"`
	RegionCode  string    `json:"region_code"`
	RegionPath  string    `json:"-"`
	OrgID       int64     `json:"org_id,omitempty"` // the organisation that recorded it
	OrgName     string    `json:"org_name,omitempty"`
	OrgPath     string    `json:"-"`
	CampaignID  int64     `json:"campaign_id,omitempty"`
	AssigneeID  int64     `json:"assignee_id,omitempty"`
	Assignee    string    `json:"assignee,omitempty"`
	ReceivedAt  time.Time `json:"received_at"`
	WorkingDays int       `json:"working_days"` // given to answer, when received
	DueOn       time.Time `json:"due_on"`       // the last of them
	Outcome     Outcome   `json:"outcome,omitempty"`
	Answer      string    `json:"answer,omitempty"`
	AnsweredOn  time.Time `json:"answered_on,omitzero"`
	AnsweredAt  time.Time `json:"answered_at,omitzero"`
	AnsweredBy  int64     `json:"answered_by,omitempty"`
	Version     int       `json:"version"`
	CreatedBy   int64     `json:"created_by,omitempty"`
	UpdatedAt   time.Time `json:"updated_at"`

	// The persons and requests it concerns, read by Get.
	People   []Linked `json:"people,omitempty"`
	Requests []Linked `json:"requests,omitempty"`
}

// Linked is a person or a request an appeal concerns: its id and, when
// the reader may see it, its name (a person) or reference (a request).
type Linked struct {
	ID    int64  `json:"id"`
	Label string `json:"label,omitempty"`
}

// Target is the appeal's scope.
func (a Appeal) Target() access.Target {
	return access.Target{OrgPath: a.OrgPath, RegionPath: a.RegionPath}
}

// Overdue reports whether the appeal is still open after its last day,
// today being the installation's calendar day.
func (a Appeal) Overdue(today time.Time) bool {
	return a.Status == Open && today.After(a.DueOn)
}

// OnTime reports whether the appeal was answered by its last day; false
// while it is not answered.
func (a Appeal) OnTime() bool {
	return !a.AnsweredOn.IsZero() && !a.AnsweredOn.After(a.DueOn)
}

// Caller is who called, as a reader is shown it: the registry's name of
// the person when they may see it, else the name given.
func (a Appeal) Caller() string {
	if a.PersonName != "" {
		return a.PersonName
	}
	return a.CallerName
}
