package youth

import (
	"time"

	"github.com/jolproject/jol/internal/access"
)

// The ages a young person may register at, in years completed on the
// registration date.
const (
	MinAge = 14
	MaxAge = 29
	// AdultAge is the age from which a young person is not a minor.
	AdultAge = 18
)

// AgeGroup is one of the programme's three age groups.
type AgeGroup string

// The age groups, taken on the registration date.
const (
	Teen       AgeGroup = "14-17"
	YoungAdult AgeGroup = "18-24"
	Adult      AgeGroup = "25-29"
)

// Settlement says whether a young person lives in a village or a town.
type Settlement string

// The kinds of settlement.
const (
	Rural Settlement = "rural"
	Urban Settlement = "urban"
)

// Status is what a young person does now.
type Status string

// The statuses: not in education, employment or training, studying, working.
const (
	NEET        Status = "neet"
	InEducation Status = "in_education"
	Employed    Status = "employed"
)

// Channel is how a registration arrived.
type Channel string

// The channels of registration.
const (
	Web      Channel = "web"
	Telegram Channel = "telegram"
	Import   Channel = "import"
)

// Youth is a registered young person as a reader sees them: a minor's
// contacts are masked (Masked) unless the reader may see them.
type Youth struct {
	ID         int64      `json:"id"`
	LastName   string     `json:"last_name"`
	FirstName  string     `json:"first_name"`
	Patronymic string     `json:"patronymic,omitempty"`
	Birth      time.Time  `json:"birth_date"`
	AgeGroup   AgeGroup   `json:"age_group"` // on RegisteredOn
	RegionCode string     `json:"region_code"`
	RegionPath string     `json:"region_path"`
	Settlement Settlement `json:"settlement"`
	Status     Status     `json:"status"`
	Field      string     `json:"field"`
	Goals      string     `json:"goals,omitempty"`
	Language   string     `json:"language"`
	Contact    Contact    `json:"contact"`
	Masked     bool       `json:"masked,omitempty"` // Contact and the guardian's contact are masked
	Channel    Channel    `json:"channel"`
	// Shortlist is the consent to be named on a published shortlist.
	Shortlist    bool      `json:"shortlist_consent"`
	OrgID        int64     `json:"org_id"` // the branch that follows them
	OrgName      string    `json:"org_name"`
	OrgPath      string    `json:"org_path"`
	HeadOffice   bool      `json:"head_office"` // no branch covers their place
	Guardian     Guardian  `json:"guardian,omitzero"`
	RegisteredOn time.Time `json:"registered_on"`
	CreatedBy    int64     `json:"created_by,omitempty"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// Contact is how to reach a young person; at least one is given.
type Contact struct {
	Phone    string `json:"phone,omitempty"`
	Telegram string `json:"telegram,omitempty"` // the handle, without "@"
	Email    string `json:"email,omitempty"`
}

// Guardian is a minor's guardian's consent to mentoring; zero until it
// is recorded.
type Guardian struct {
	Name       string    `json:"name"`
	Relation   string    `json:"relation"`
	Contact    string    `json:"contact"`
	ConsentOn  time.Time `json:"consent_on"`
	RecordedBy int64     `json:"recorded_by,omitempty"`
	Recorder   string    `json:"recorder"` // the name of who recorded it
}

// Consented reports whether a guardian's consent is recorded.
func (g Guardian) Consented() bool { return !g.ConsentOn.IsZero() }

// Target is the young person's scope, for access.Can.
func (y Youth) Target() access.Target {
	return access.Target{OrgPath: y.OrgPath, RegionPath: y.RegionPath}
}

// Minor reports whether the young person is under 18 on day on.
func (y Youth) Minor(on time.Time) bool { return Age(y.Birth, on) < AdultAge }
