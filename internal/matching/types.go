package matching

import (
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring/match"
)

// Params are what a coordinator asks of a run.
type Params struct {
	// OrgID is the branch whose young people and mentors are matched:
	// the coordinator's own organisation when 0; one within their scope
	// otherwise.
	OrgID int64 `json:"org_id,omitempty"`
	// Region narrows the cohort to young people living in this region
	// (a code, its subtree included); "" for the whole branch.
	Region string `json:"region,omitempty"`
	// Field narrows it to young people interested in this field.
	Field string `json:"field,omitempty"`
	// From and To narrow it to those registered on these days
	// (inclusive); zero for no bound.
	From time.Time `json:"from,omitzero"`
	To   time.Time `json:"to,omitzero"`
	// DeadlineDays is how many days mentors have to reply; 0 for
	// DefaultDeadlineDays.
	DeadlineDays int `json:"deadline_days"`
	// Rule says which mentors are a young person's candidates.
	Rule match.Rule `json:"rule"`
}

// The kinds of run.
const (
	KindRun     = "run"     // a coordinator's
	KindRematch = "rematch" // after declines and expiries
)

// Run is a stored matching run.
type Run struct {
	ID         int64  `json:"id"`
	OrgID      int64  `json:"org_id"`
	OrgPath    string `json:"-"`
	RegionPath string `json:"-"`
	Kind       string `json:"kind"`
	Params     Params `json:"params"`
	RunBy      int64  `json:"run_by,omitempty"`
	RunByName  string `json:"run_by_name"`
	Youth      int    `json:"youth"`   // in the cohort
	Mentors    int    `json:"mentors"` // in scope
	Matched    int    `json:"matched"`
	Unmatched  int    `json:"unmatched"`
	// Preference and Fit are the solver's second and third aims' values.
	Preference   int       `json:"preference"`
	Fit          int       `json:"fit"`
	DeadlineDays int       `json:"deadline_days"`
	CreatedAt    time.Time `json:"created_at"`
}

// Target is the run's scope.
func (r Run) Target() access.Target {
	return access.Target{OrgPath: r.OrgPath, RegionPath: r.RegionPath}
}

// Status is where a proposal stands.
type Status string

// The statuses: pending → accepted, declined or expired.
const (
	Pending  Status = "pending"
	Accepted Status = "accepted"
	Declined Status = "declined"
	Expired  Status = "expired"
)

// Statuses lists the statuses a proposal takes.
func Statuses() []Status { return []Status{Pending, Accepted, Declined, Expired} }

// Reason is an explanation as an i18n key and its name/value arguments.
type Reason struct {
	Key  string `json:"key"`
	Args []any  `json:"args,omitempty"`
}

// Proposal is a young person proposed to a mentor.
type Proposal struct {
	ID         int64     `json:"id"`
	RunID      int64     `json:"run_id"`
	YouthID    int64     `json:"youth_id"`
	YouthName  string    `json:"youth_name"`
	MentorID   int64     `json:"mentor_id"`
	MentorName string    `json:"mentor_name"`
	OrgPath    string    `json:"-"`
	RegionPath string    `json:"-"`
	Minor      bool      `json:"minor"`
	Choice     int       `json:"choice"` // 1..3, 0 when not ranked
	Fit        int       `json:"fit"`    // points
	Reasons    []Reason  `json:"reasons"`
	Status     Status    `json:"status"`
	Deadline   time.Time `json:"deadline"`
	ApprovedAt time.Time `json:"approved_at,omitzero"`
	ApprovedBy int64     `json:"approved_by,omitempty"`
	RepliedAt  time.Time `json:"replied_at,omitzero"`
	Reason     string    `json:"reason,omitempty"` // of a decline
	Version    int       `json:"version"`
	CreatedAt  time.Time `json:"created_at"`
}

// Target is the proposal's scope: the young person's.
func (p Proposal) Target() access.Target {
	return access.Target{OrgPath: p.OrgPath, RegionPath: p.RegionPath}
}

// NeedsApproval reports whether the proposal waits for a coordinator's
// approval before the mentor may accept it.
func (p Proposal) NeedsApproval() bool { return p.Minor && p.ApprovedAt.IsZero() }

// LastDay is the last day the mentor may reply on.
func (p Proposal) LastDay() time.Time { return p.Deadline.AddDate(0, 0, -1) }

// Unmatched is a young person a run left without a match.
type Unmatched struct {
	YouthID   int64  `json:"youth_id"`
	YouthName string `json:"youth_name"`
	Reason    Reason `json:"reason"`
}

func reasonsOf(rs []match.Reason) []Reason {
	out := make([]Reason, len(rs))
	for i, r := range rs {
		out[i] = Reason{Key: r.Key, Args: r.Args}
	}
	return out
}
