package deliveries

import (
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/access"
)

// Status is where a delivery stands.
type Status string

// The statuses of a delivery, in the order it moves through them; a
// planned delivery may be cancelled instead.
const (
	Planned    Status = "planned"
	Dispatched Status = "dispatched" // left the warehouse
	Delivered  Status = "delivered"  // arrived, not yet confirmed
	Confirmed  Status = "confirmed"  // the institution's staff counted it
	Cancelled  Status = "cancelled"
)

// Statuses lists the statuses of a delivery.
func Statuses() []Status { return []Status{Planned, Dispatched, Delivered, Confirmed, Cancelled} }

// Rule is how a line's planned quantity is computed.
type Rule string

// The rules of a line.
const (
	PerPupil Rule = "per_pupil" // PerPupil units for each pupil on the roster in the grades
	Fixed    Rule = "fixed"     // a number of units
)

// Rules lists the rules of a line.
func Rules() []Rule { return []Rule{PerPupil, Fixed} }

// Reason is why an institution counted fewer units than were dispatched.
type Reason string

// The reasons of a shortfall; Other needs a note.
const (
	Missing   Reason = "missing"
	Damaged   Reason = "damaged"
	WrongItem Reason = "wrong_item"
	Other     Reason = "other"
)

// Reasons lists the reasons of a shortfall.
func Reasons() []Reason { return []Reason{Missing, Damaged, WrongItem, Other} }

// Risk orders the board: the lower, the sooner someone must act.
type Risk int

// The risks, in the board's order. SoonDays says how near a deadline is
// soon.
const (
	Overdue         Risk = iota // not delivered and the deadline passed
	DueSoon                     // not dispatched and the deadline is soon
	InTransit                   // dispatched, not delivered
	AwaitingReceipt             // delivered, not confirmed by the institution
	OnSchedule                  // planned, the deadline not near
	Short                       // confirmed with a shortfall
	Done                        // confirmed in full
	Dropped                     // cancelled
)

// Risks lists the risks in the board's order.
func Risks() []Risk {
	return []Risk{Overdue, DueSoon, InTransit, AwaitingReceipt, OnSchedule, Short, Done, Dropped}
}

var riskCodes = [...]string{"overdue", "due_soon", "in_transit", "awaiting_receipt", "on_schedule", "short", "done",
	"cancelled"}

// String is the risk's code, as the API and the messages name it.
func (r Risk) String() string {
	if r < 0 || int(r) >= len(riskCodes) {
		return ""
	}
	return riskCodes[r]
}

// MarshalText writes the risk as its code.
func (r Risk) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText reads a risk's code.
func (r *Risk) UnmarshalText(b []byte) error {
	for i, c := range riskCodes {
		if c == string(b) {
			*r = Risk(i)
			return nil
		}
	}
	return fmt.Errorf("deliveries: no risk %q", b)
}

// Bounds of a plan.
const (
	MaxLines    = 20        // lines of one delivery
	MaxPerPupil = 100       // units per pupil
	MaxQuantity = 1_000_000 // units of one line
	MaxGrade    = 12
	SoonDays    = 7 // a deadline this many days ahead or nearer is soon
)

// Delivery is what an institution is to receive from a warehouse by a
// deadline, and what became of it. Planned, Dispatched and Received are
// its lines' totals; Shortfall is what was dispatched and not counted on
// receipt. Risk is set by the board.
type Delivery struct {
	ID             int64     `json:"id"`
	CampaignID     int64     `json:"campaign_id"`
	OrgID          int64     `json:"org_id"`
	OrgName        string    `json:"org_name"`
	OrgType        string    `json:"org_type"`
	WarehouseID    int64     `json:"warehouse_id"`
	WarehouseName  string    `json:"warehouse_name"`
	DueOn          time.Time `json:"due_on"`
	Status         Status    `json:"status"`
	DocID          int64     `json:"doc_id,omitempty"`
	Note           string    `json:"note,omitempty"`
	ReceiptNote    string    `json:"receipt_note,omitempty"`
	Planned        int64     `json:"planned"`
	Dispatched     int64     `json:"dispatched"`
	Received       int64     `json:"received"`
	Shortfall      int64     `json:"shortfall"`
	CreatedName    string    `json:"created_name"`
	CreatedAt      time.Time `json:"created_at"`
	DispatchedName string    `json:"dispatched_name,omitempty"`
	DispatchedAt   time.Time `json:"dispatched_at,omitzero"`
	DeliveredName  string    `json:"delivered_name,omitempty"`
	DeliveredAt    time.Time `json:"delivered_at,omitzero"`
	ConfirmedName  string    `json:"confirmed_name,omitempty"`
	ConfirmedAt    time.Time `json:"confirmed_at,omitzero"`
	Version        int       `json:"version"`
	Risk           *Risk     `json:"risk,omitempty"`
	Lines          []Line    `json:"lines,omitempty"`
	orgPath        string
	regionPath     string
}

// Target is the delivery's scope: its institution's.
func (d Delivery) Target() access.Target {
	return access.Target{OrgPath: d.orgPath, RegionPath: d.regionPath}
}

// Line is one line of a delivery: an item in a size, the rule its planned
// quantity came from (for PerPupil, Roster pupils in grades GradeMin to
// GradeMax were on the roster when it was planned), what was dispatched
// and, once confirmed, what the institution counted (Received) with the
// reason and note of a shortfall.
type Line struct {
	Line        int    `json:"line"`
	ItemID      int64  `json:"item_id"`
	Size        string `json:"size,omitempty"`
	Rule        Rule   `json:"rule"`
	GradeMin    int    `json:"grade_min,omitempty"`
	GradeMax    int    `json:"grade_max,omitempty"`
	PerPupil    int    `json:"per_pupil,omitempty"`
	Roster      int64  `json:"roster"`
	Planned     int64  `json:"planned"`
	Dispatched  int64  `json:"dispatched"`
	Received    *int64 `json:"received,omitempty"`
	Reason      Reason `json:"reason,omitempty"`
	Discrepancy string `json:"discrepancy,omitempty"`
}

// Short is what of the line was dispatched and not received: 0 until the
// receipt is confirmed.
func (l Line) Short() int64 {
	if l.Received == nil {
		return 0
	}
	return max(l.Dispatched-*l.Received, 0)
}
