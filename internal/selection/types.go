package selection

import (
	"time"

	"github.com/jolproject/jol/internal/access"
)

// Macro is one of the five macro-regions a selection's quotas are set
// for.
type Macro string

// The macro-regions.
const (
	South  Macro = "south"
	North  Macro = "north"
	West   Macro = "west"
	Centre Macro = "centre"
	East   Macro = "east"
)

// Macros lists the macro-regions in the order pages show them.
func Macros() []Macro { return []Macro{South, North, West, Centre, East} }

// QuotaMode says how a selection's places are shared among the
// macro-regions.
type QuotaMode string

// The quota modes.
const (
	// Fixed quotas are set by the organiser and sum to the places.
	Fixed QuotaMode = "fixed"
	// Proportional quotas are computed at each ranking from the numbers of
	// candidates of each macro-region (see Proportional).
	ProportionalQuotas QuotaMode = "proportional"
)

// TieRule orders candidates with equal scores.
type TieRule string

// The tie rules.
const (
	// RegisteredFirst: the young person registered earlier (the lower
	// registration number) comes first.
	RegisteredFirst TieRule = "registered_first"
	// Draw: a draw anyone can recompute (see lot), then registration.
	Draw TieRule = "draw"
)

// State is where a selection stands.
type State string

// The states, in order.
const (
	Collecting State = "collecting" // regional rounds' scores are entered
	Ranked     State = "ranked"     // the top list is computed
	Appeals    State = "appeals"    // appeals are taken until AppealsClose
	Published  State = "published"  // the shortlist is public
)

// Defaults of a new selection.
const (
	DefaultPlaces     = 400
	DefaultAppealDays = 7
	MaxPlaces         = 100000
	MaxAppealDays     = 60
	MaxName           = 200
	MaxReason         = 2000
)

// Selection is a staged selection as its readers see it.
type Selection struct {
	ID           int64         `json:"id"`
	Name         string        `json:"name"`
	OrgID        int64         `json:"org_id"`
	OrgName      string        `json:"org_name"`
	OrgPath      string        `json:"org_path"`
	RegionPath   string        `json:"region_path"`
	Places       int           `json:"places"`
	QuotaMode    QuotaMode     `json:"quota_mode"`
	Quotas       map[Macro]int `json:"quotas"` // fixed, or as computed at the last ranking
	TieRule      TieRule       `json:"tie_rule"`
	AppealDays   int           `json:"appeal_days"`
	State        State         `json:"state"`
	AppealsClose time.Time     `json:"appeals_close_on,omitzero"` // the last day an appeal is taken
	RankedAt     time.Time     `json:"ranked_at,omitzero"`
	PublishedAt  time.Time     `json:"published_at,omitzero"`
	Candidates   int           `json:"candidates"`
	CreatedAt    time.Time     `json:"created_at"`
	UpdatedAt    time.Time     `json:"updated_at"`
}

// Target is the selection's scope, for access.Can.
func (s Selection) Target() access.Target {
	return access.Target{OrgPath: s.OrgPath, RegionPath: s.RegionPath}
}

// Input creates a selection.
type Input struct {
	Name       string
	OrgID      int64
	Places     int // 0 for DefaultPlaces
	QuotaMode  QuotaMode
	Quotas     map[Macro]int // for Fixed; summing to Places
	TieRule    TieRule
	AppealDays int // 0 for DefaultAppealDays
}
