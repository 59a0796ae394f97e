package volunteers

import (
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
)

// NeedStatus is where a need stands.
type NeedStatus string

// The statuses of a need: open to sign-ups until its day, or cancelled.
const (
	NeedOpen      NeedStatus = "open"
	NeedCancelled NeedStatus = "cancelled"
)

// Bounds of a need.
const (
	MaxTitle  = 200
	MaxWanted = 1000
)

// Need asks for Wanted people of a role (a skill) at a place on a day;
// Taken have signed up. Mine says whether the reading volunteer is one of
// them.
type Need struct {
	ID         int64           `json:"id"`
	CampaignID int64           `json:"campaign_id,omitempty"`
	Role       aftercare.Skill `json:"role"`
	Title      string          `json:"title"`
	Place      string          `json:"place,omitempty"`
	OnDate     time.Time       `json:"on_date"`
	Wanted     int             `json:"wanted"`
	Taken      int             `json:"taken"`
	Status     NeedStatus      `json:"status"`
	Note       string          `json:"note,omitempty"`
	RegionID   int64           `json:"region_id"`
	RegionCode string          `json:"region_code"`
	OrgID      int64           `json:"org_id"`
	OrgName    string          `json:"org_name"`
	Mine       bool            `json:"mine,omitempty"`
	Version    int             `json:"version"`
	CreatedAt  time.Time       `json:"created_at"`
	UpdatedAt  time.Time       `json:"updated_at"`
	Signups    []Signup        `json:"signups,omitempty"`
	orgPath    string
	regionPath string
}

// Free is how many places of the need are still to take.
func (n Need) Free() int { return max(n.Wanted-n.Taken, 0) }

// Target is the need's scope: the organisation asking and the region.
func (n Need) Target() access.Target {
	return access.Target{OrgPath: n.orgPath, RegionPath: n.regionPath}
}

// Signup is a volunteer signed up to a need, as coordinators see it.
type Signup struct {
	VolunteerID int64     `json:"volunteer_id"`
	Name        string    `json:"name"`
	Phone       string    `json:"phone,omitempty"`
	SignedAt    time.Time `json:"signed_at"`
}

// HoursStatus is where logged hours stand.
type HoursStatus string

// The statuses of logged hours: waiting for a coordinator, approved (they
// count) or rejected with a reason.
const (
	Pending  HoursStatus = "pending"
	Approved HoursStatus = "approved"
	Rejected HoursStatus = "rejected"
)

// HoursStatuses lists the statuses of logged hours.
func HoursStatuses() []HoursStatus { return []HoursStatus{Pending, Approved, Rejected} }

// DayMinutes is the most time one volunteer may log for one day.
const DayMinutes = 24 * 60

// Hours is time a volunteer logged for a day, and what it was for.
type Hours struct {
	ID            int64       `json:"id"`
	VolunteerID   int64       `json:"volunteer_id"`
	VolunteerName string      `json:"volunteer_name"`
	WorkedOn      time.Time   `json:"worked_on"`
	Minutes       int         `json:"minutes"`
	NeedID        int64       `json:"need_id,omitempty"`
	NeedTitle     string      `json:"need_title,omitempty"`
	TaskID        int64       `json:"task_id,omitempty"`
	CourseID      int64       `json:"course_id,omitempty"`
	CourseTitle   string      `json:"course_title,omitempty"`
	CampaignID    int64       `json:"campaign_id,omitempty"`
	Note          string      `json:"note,omitempty"`
	Status        HoursStatus `json:"status"`
	Reason        string      `json:"reason,omitempty"`
	DecidedName   string      `json:"decided_by,omitempty"`
	DecidedAt     time.Time   `json:"decided_at,omitzero"`
	Version       int         `json:"version"`
	CreatedAt     time.Time   `json:"created_at"`
	orgPath       string
	regionPath    string
}

// Target is the scope of the hours: their volunteer's.
func (h Hours) Target() access.Target {
	return access.Target{OrgPath: h.orgPath, RegionPath: h.regionPath}
}
