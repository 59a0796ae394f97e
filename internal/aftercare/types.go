package aftercare

import (
	"time"

	"github.com/jolproject/jol/internal/access"
)

// Skill is what a volunteer can do, from a fixed list.
type Skill string

// The skills of a volunteer.
const (
	Software     Skill = "software"     // installs and sets up software
	Networking   Skill = "networking"   // connects devices to Wi-Fi and the internet
	Training     Skill = "training"     // trains pupils to use a device
	Repair       Skill = "repair"       // repairs devices
	Teaching     Skill = "teaching"     // teaches a subject (the volunteer's subjects say which)
	Distribution Skill = "distribution" // hands over and delivers aid
	Driving      Skill = "driving"      // drives aid and people
	OtherSkill   Skill = "other"        // anything else, said in the volunteer's note
)

// Skills lists the skills in the order forms show them. The first four
// are the IT skills a device's set-up needs.
func Skills() []Skill {
	return []Skill{Software, Networking, Training, Repair, Teaching, Distribution, Driving, OtherSkill}
}

// Kind is what a set-up task does.
type Kind string

// The kinds of task, each made once for every device handed over.
const (
	Install Kind = "install" // install the software
	Connect Kind = "connect" // connect to the network
	Train   Kind = "train"   // train the pupil
)

// Kinds lists the kinds of task in the order they are done.
func Kinds() []Kind { return []Kind{Install, Connect, Train} }

// Skill is the skill a task of kind k needs.
func (k Kind) Skill() Skill {
	switch k {
	case Install:
		return Software
	case Connect:
		return Networking
	}
	return Training
}

// dueDays is how many days after the handover a task of kind k is due.
func (k Kind) dueDays() int {
	if k == Train {
		return 14
	}
	return 7
}

// Status is where a task stands.
type Status string

// The statuses of a task: open until a volunteer is given it, then
// assigned until done; cancelled by hand, or by the sync when the device
// went back.
const (
	Open      Status = "open"
	Assigned  Status = "assigned"
	Done      Status = "done"
	Cancelled Status = "cancelled"
)

// Statuses lists the statuses of a task.
func Statuses() []Status { return []Status{Open, Assigned, Done, Cancelled} }

// DeviceReturned is the cancel reason of a task the sync cancelled.
const DeviceReturned = "device_returned"

// Bounds of the registry and of a task's report.
const (
	MaxName    = 200
	MaxEmail   = 254
	MaxMinutes = 24 * 60 // one report's time: a day at most
)

// Volunteer is a volunteer of the registry. Load counts the tasks assigned
// to them and not yet done.
type Volunteer struct {
	ID         int64     `json:"id"`
	Name       string    `json:"name"`
	Phone      string    `json:"phone,omitempty"`
	Email      string    `json:"email,omitempty"`
	Skills     []Skill   `json:"skills"`
	RegionID   int64     `json:"region_id"`
	RegionCode string    `json:"region_code"`
	OrgID      int64     `json:"org_id"`
	OrgName    string    `json:"org_name"`
	UserID     int64     `json:"user_id,omitempty"`
	UserName   string    `json:"user_name,omitempty"`
	Languages  []string  `json:"languages"`
	Subjects   []string  `json:"subjects"`
	Slots      []string  `json:"availability"`
	Active     bool      `json:"active"`
	Load       int       `json:"load"`
	Version    int       `json:"version"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
	orgPath    string
	regionPath string
}

// Target is the volunteer's scope: the organisation keeping the record and
// the volunteer's region.
func (v Volunteer) Target() access.Target {
	return access.Target{OrgPath: v.orgPath, RegionPath: v.regionPath}
}

// Task is a set-up task of a device handed over for a request line. The
// request is named by its reference only. Minutes is the time reported.
type Task struct {
	ID            int64     `json:"id"`
	UnitID        int64     `json:"unit_id"`
	ItemID        int64     `json:"item_id"`
	Serial        string    `json:"serial"`
	DocID         int64     `json:"handover_doc_id"`
	RequestID     int64     `json:"request_id"`
	RequestLine   int       `json:"request_line"`
	Reference     string    `json:"request_reference"`
	RegionCode    string    `json:"region_code"`
	Kind          Kind      `json:"kind"`
	Auto          bool      `json:"auto"`
	Status        Status    `json:"status"`
	VolunteerID   int64     `json:"volunteer_id,omitempty"`
	VolunteerName string    `json:"volunteer_name,omitempty"`
	DueOn         time.Time `json:"due_on"`
	DoneOn        time.Time `json:"done_on,omitzero"`
	Minutes       int       `json:"minutes"`
	Note          string    `json:"note,omitempty"`
	CancelReason  string    `json:"cancel_reason,omitempty"`
	Version       int       `json:"version"`
	CreatedAt     time.Time `json:"created_at"`
	UpdatedAt     time.Time `json:"updated_at"`
	orgPath       string
	regionPath    string
	volunteerUser int64
}

// Target is the task's scope: its request's.
func (t Task) Target() access.Target {
	return access.Target{OrgPath: t.orgPath, RegionPath: t.regionPath}
}

// Overdue says whether the task is still to do after its due day.
func (t Task) Overdue(today time.Time) bool {
	return (t.Status == Open || t.Status == Assigned) && t.DueOn.Before(today)
}
