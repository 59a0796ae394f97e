package mentoring

import (
	"time"

	"github.com/jolproject/jol/internal/access"
)

// Mentor is a mentor's profile and where their application stands.
type Mentor struct {
	ID         int64      `json:"id"`
	Name       string     `json:"name"`
	Phone      string     `json:"phone,omitempty"`
	Email      string     `json:"email,omitempty"`
	Background Background `json:"background"`
	Fields     []string   `json:"fields"`    // codes of the fields of expertise
	Languages  []string   `json:"languages"` // "kk", "ru", …
	OrgID      int64      `json:"org_id"`
	OrgPath    string     `json:"-"`
	RegionCode string     `json:"region"`
	RegionPath string     `json:"-"`
	regionID   int64
	InPerson   bool      `json:"in_person"`
	Online     bool      `json:"online"`
	Capacity   int       `json:"capacity"` // mentees at once
	Mentees    int       `json:"mentees"`  // places in use
	Minors     bool      `json:"minors"`   // takes young people under 18
	Vetting    Vetting   `json:"vetting"`
	Status     Status    `json:"status"`
	Reason     string    `json:"reason,omitempty"` // of a rejection
	DecidedAt  time.Time `json:"decided_at,omitzero"`
	UserID     int64     `json:"user_id,omitempty"` // their login, once linked
	Source     string    `json:"source"`            // "form", "staff" or "import"
	Version    int       `json:"version"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// Vetting is a mentor's check for work with minors: the document, the
// day it was issued, the last day it is valid and who checked it.
type Vetting struct {
	Document  string    `json:"document,omitempty"`
	On        time.Time `json:"on,omitzero"`
	Expires   time.Time `json:"expires,omitzero"`
	CheckedBy string    `json:"checked_by,omitempty"`
}

// ValidOn reports whether the vetting is valid on day, its expiry day
// included.
func (v Vetting) ValidOn(day time.Time) bool {
	return v.Document != "" && !v.Expires.IsZero() && !dayOf(day).After(v.Expires)
}

// Free is how many more mentees the mentor can take.
func (m Mentor) Free() int { return max(m.Capacity-m.Mentees, 0) }

// Formats are the mentor's formats as package match names them.
func (m Mentor) Formats() []string {
	var out []string
	if m.InPerson {
		out = append(out, InPerson)
	}
	if m.Online {
		out = append(out, Online)
	}
	return out
}

// Target is the mentor's scope, for access.Can.
func (m Mentor) Target() access.Target {
	return access.Target{OrgPath: m.OrgPath, RegionPath: m.RegionPath}
}

// Input is a mentor's profile as a form, the API or a list gives it.
type Input struct {
	Name       string
	Phone      string
	Email      string
	Background Background
	Fields     []string // codes of the fields of expertise
	Languages  []string
	OrgID      int64  // the branch
	RegionCode string // within the branch's region
	InPerson   bool
	Online     bool
	Capacity   int
	Minors     bool
	Vetting    Vetting
}

// dayOf is the calendar day of t as UTC midnight.
func dayOf(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
