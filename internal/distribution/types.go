package distribution

import (
	"slices"
	"time"

	"github.com/jolproject/jol/internal/access"
)

// Status is where an event stands.
type Status string

// The statuses of an event. Handovers are recorded only while it is
// open; a closed event may be opened again to correct a mistake.
const (
	Planned Status = "planned"
	Open    Status = "open"
	Closed  Status = "closed"
)

// Statuses lists the statuses in order.
func Statuses() []Status { return []Status{Planned, Open, Closed} }

// moves are the statuses each status may move to.
var moves = map[Status][]Status{
	Planned: {Open, Closed},
	Open:    {Closed},
	Closed:  {Open},
}

// Next lists the statuses an event in st may move to.
func (st Status) Next() []Status { return slices.Clone(moves[st]) }

// Proof is how a handover was acknowledged.
type Proof string

// The proofs of a handover.
const (
	Signature Proof = "signature"  // the guardian signed on the screen
	Code      Proof = "code"       // the guardian gave the code sent to their phone
	ListPhoto Proof = "list_photo" // the guardian signed the paper list, photographed for the event
)

// Proofs lists the proofs in the order forms offer them.
func Proofs() []Proof { return []Proof{Signature, Code, ListPhoto} }

// Bounds of what the service takes.
const (
	MaxPlace      = 200       // characters of an event's place
	MaxSignature  = 256 << 10 // bytes of a signature's PNG
	MaxPhoto      = 5 << 20   // bytes of a list's photo, as a request's document
	MaxAssign     = 500       // reference numbers assigned at once
	MaxStaff      = 50        // staff of one event
	MaxListRows   = 20_000    // lines one list shows
	CodeDigits    = 6
	CodeValidity  = 15 * time.Minute
	CodeAttempts  = 5 // wrong attempts that void a code
	CodesPerHour  = 5 // codes sent for one request within an hour
	maxEventsList = 500
)

// Event is a distribution event.
type Event struct {
	ID            int64     `json:"id"`
	CampaignID    int64     `json:"campaign_id"`
	WarehouseID   int64     `json:"warehouse_id"`
	WarehouseCode string    `json:"warehouse_code"`
	WarehouseName string    `json:"warehouse_name"`
	Place         string    `json:"place"`
	StartsAt      time.Time `json:"starts_at"`
	EndsAt        time.Time `json:"ends_at"`
	Status        Status    `json:"status"`
	WholePoint    bool      `json:"whole_point"`
	Orgs          []Named   `json:"orgs"`
	Staff         []Named   `json:"staff"`
	Note          string    `json:"note,omitempty"`
	Version       int       `json:"version"`
	CreatedBy     int64     `json:"created_by,omitempty"`
	CreatedAt     time.Time `json:"created_at"`
	UpdatedAt     time.Time `json:"updated_at"`
	orgPath       string
	regionPath    string
}

// Named is a record named in an event: a school or centre of its rule, a
// member of its staff.
type Named struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	path string
}

// Target is the event's scope: its warehouse's.
func (e Event) Target() access.Target {
	return access.Target{OrgPath: e.orgPath, RegionPath: e.regionPath}
}

// EventInput plans or edits an event. EndsAt defaults to eight hours
// after StartsAt. The list's rule is WholePoint or OrgIDs (neither: only
// lines assigned by hand).
type EventInput struct {
	CampaignID  int64
	WarehouseID int64
	Place       string
	StartsAt    time.Time
	EndsAt      time.Time
	WholePoint  bool
	OrgIDs      []int64
	StaffIDs    []int64
	Note        string
	Version     int // the version edited (UpdateEvent)
}
