package championship

import (
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/valid"
)

// State is where a championship stands: teams register while it is
// open, the jury scores while it is scoring, and a finished one is
// closed and has results.
type State string

// The states, in their order.
const (
	Open     State = "open"
	Scoring  State = "scoring"
	Finished State = "finished"
)

// States lists the states in their order.
func States() []State { return []State{Open, Scoring, Finished} }

// Bounds of a championship's parts.
const (
	MaxName      = 200
	MaxCriteria  = 12
	MaxScore     = 1000 // the top of any criterion's range
	MaxMembers   = 10
	MaxJurors    = 50
	MaxCaseTitle = 200
	MaxCaseText  = valid.MaxNote // a case's description, checked as a note
)

// Criterion is a line of the rubric: each juror scores each team on it
// from Min to Max, and it counts Weight times.
type Criterion struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Weight int    `json:"weight"`
	Min    int    `json:"min"`
	Max    int    `json:"max"`
}

// Championship is a case championship of a region, run by an
// organisation.
type Championship struct {
	ID         int64       `json:"id"`
	OrgID      int64       `json:"org_id"`
	OrgName    string      `json:"org_name"`
	OrgPath    string      `json:"-"`
	RegionCode string      `json:"region"`
	RegionPath string      `json:"-"`
	Name       string      `json:"name"`
	Starts     time.Time   `json:"starts_on"`
	Ends       time.Time   `json:"ends_on"`
	State      State       `json:"state"`
	Version    int         `json:"version"`
	Teams      int         `json:"teams"`
	Rubric     []Criterion `json:"rubric"`
	CreatedAt  time.Time   `json:"created_at"`
}

// Target is the championship's scope for the policy.
func (c Championship) Target() access.Target {
	return access.Target{OrgPath: c.OrgPath, RegionPath: c.RegionPath}
}

// Input is a new championship.
type Input struct {
	OrgID      int64       `json:"org_id"`
	RegionCode string      `json:"region"`
	Name       string      `json:"name"`
	Starts     time.Time   `json:"starts_on"`
	Ends       time.Time   `json:"ends_on"`
	Rubric     []Criterion `json:"rubric"`
}

// Team is a team of young people registered for a championship, with
// its totals so far.
type Team struct {
	ID             int64    `json:"id"`
	ChampionshipID int64    `json:"championship_id"`
	Name           string   `json:"name"`
	RegionCode     string   `json:"region"`
	RegionPath     string   `json:"-"`
	Jurors         int      `json:"jurors"`
	Num            int64    `json:"-"`
	Den            int64    `json:"-"`
	Members        []Member `json:"members,omitempty"`
	Cases          []Case   `json:"cases,omitempty"`
}

// Score is the team's weighted mean across jurors (0 unscored).
func (t Team) Score() float64 { return ratio(t.Num, t.Den) }

// Member is a young person of a team, as staff see them.
type Member struct {
	YouthID    int64  `json:"youth_id"`
	LastName   string `json:"last_name"`
	FirstName  string `json:"first_name"`
	RegionPath string `json:"-"`
}

// TeamInput registers a team: its name, its place (within the
// championship's region) and its members, registered young people.
type TeamInput struct {
	Name       string  `json:"name"`
	RegionCode string  `json:"region"`
	Members    []int64 `json:"members"`
}

// Origin says where a case came from.
type Origin string

// The origins of a case.
const (
	Assigned  Origin = "assigned"  // by the organisers
	Submitted Origin = "submitted" // by the team
)

// Case is a problem a team works on.
type Case struct {
	ID          int64  `json:"id"`
	TeamID      int64  `json:"team_id"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Origin      Origin `json:"origin"`
}

// Juror is a member of a championship's jury: a user of the installation
// or a person named by the organisers (who then enter their scores).
type Juror struct {
	ID             int64  `json:"id"`
	ChampionshipID int64  `json:"championship_id"`
	UserID         int64  `json:"user_id,omitempty"`
	Name           string `json:"name"`
	RegionCode     string `json:"region"`
	RegionPath     string `json:"-"`
}

// JurorInput adds a juror: a user (their name is the user's) or a name.
type JurorInput struct {
	UserID     int64  `json:"user_id,omitempty"`
	Name       string `json:"name"`
	RegionCode string `json:"region"`
}

func ratio(num, den int64) float64 {
	if den == 0 {
		return 0
	}
	return float64(num) / float64(den)
}
