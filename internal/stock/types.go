package stock

import (
	"time"

	"github.com/jolproject/jol/internal/access"
)

// WarehouseKind says what a place that holds stock is.
type WarehouseKind string

// The kinds of warehouse.
const (
	Store             WarehouseKind = "warehouse"          // where stock is received and kept
	DistributionPoint WarehouseKind = "distribution_point" // where families and schools collect it
)

// WarehouseKinds lists the kinds of warehouse.
func WarehouseKinds() []WarehouseKind { return []WarehouseKind{Store, DistributionPoint} }

// Warehouse is a warehouse or distribution point of an organisation, in a
// region. OnHand and Reserved are its totals over every item, filled by
// the list.
type Warehouse struct {
	ID         int64         `json:"id"`
	Code       string        `json:"code"`
	Name       string        `json:"name"`
	Kind       WarehouseKind `json:"kind"`
	OrgID      int64         `json:"org_id"`
	OrgName    string        `json:"org_name"`
	RegionID   int64         `json:"region_id"`
	RegionCode string        `json:"region_code"`
	Address    string        `json:"address,omitempty"`
	Active     bool          `json:"active"`
	OnHand     int64         `json:"on_hand"`
	Reserved   int64         `json:"reserved"`
	orgPath    string
	regionPath string
}

// Target is the warehouse's scope: its organisation and region.
func (w Warehouse) Target() access.Target {
	return access.Target{OrgPath: w.orgPath, RegionPath: w.regionPath}
}

// DocKind is what a document of the ledger records.
type DocKind string

// The kinds of document.
const (
	Donation         DocKind = "donation"          // a gift in kind received, from a donor
	Purchase         DocKind = "purchase"          // stock bought, with its cost
	Transfer         DocKind = "transfer"          // sent to another warehouse, received there
	Assembly         DocKind = "assembly"          // components taken out, kits put in
	IssuePerson      DocKind = "issue_person"      // handed over for a request line
	IssueInstitution DocKind = "issue_institution" // handed over to an organisation
	Return           DocKind = "return"            // an issue taken back into stock
	WriteOff         DocKind = "write_off"         // damaged, lost, expired
	Count            DocKind = "count"             // a stock count's adjustments
)

// DocKinds lists the kinds of document.
func DocKinds() []DocKind {
	return []DocKind{Donation, Purchase, Transfer, Assembly, IssuePerson, IssueInstitution, Return, WriteOff, Count}
}

// The statuses of a document: every one is done when written but a
// transfer, which is in transit until its destination receives it.
const (
	Done      = "done"
	InTransit = "in_transit"
	Received  = "received"
)

// LotKind is where the units of a lot came from.
type LotKind string

// The kinds of lot.
const (
	LotDonation LotKind = "donation"
	LotPurchase LotKind = "purchase"
	LotKit      LotKind = "kit"
	LotSurplus  LotKind = "surplus" // found by a count
)

// The states of a device (a unit of a serial-tracked item).
const (
	UnitInStock    = "in_stock"
	UnitInTransit  = "in_transit"
	UnitIssued     = "issued"
	UnitWrittenOff = "written_off"
)

// WriteOffReason is why stock was written off.
type WriteOffReason string

// The reasons of a write-off; Other needs a note.
const (
	Damaged WriteOffReason = "damaged"
	Lost    WriteOffReason = "lost"
	Expired WriteOffReason = "expired"
	Other   WriteOffReason = "other"
)

// WriteOffReasons lists the reasons of a write-off.
func WriteOffReasons() []WriteOffReason { return []WriteOffReason{Damaged, Lost, Expired, Other} }

// Bounds of what one document may hold. A receipt of more devices than
// MaxSerials is made in several documents.
const (
	MaxLines    = 200       // lines of one document
	MaxQuantity = 1_000_000 // units of one line
	MaxSerials  = 2_000     // serial numbers of one document
	MaxSerial   = 64        // characters of one serial number
	MaxName     = 200       // characters of a name or code
	MaxCode     = 32        // characters of a warehouse code
	MaxCost     = 1_000_000_000_000
)

// Doc is a document of the ledger with its lines.
type Doc struct {
	ID            int64     `json:"id"`
	Kind          DocKind   `json:"kind"`
	Status        string    `json:"status"`
	WarehouseID   int64     `json:"warehouse_id"`
	ToWarehouseID int64     `json:"to_warehouse_id,omitempty"`
	DonorID       int64     `json:"donor_id,omitempty"`
	RequestID     int64     `json:"request_id,omitempty"`
	RequestLine   int       `json:"request_line,omitempty"`
	OrgID         int64     `json:"org_id,omitempty"`
	RefDocID      int64     `json:"ref_doc_id,omitempty"`
	Reason        string    `json:"reason,omitempty"`
	Note          string    `json:"note,omitempty"`
	CreatedBy     int64     `json:"created_by,omitempty"`
	CreatedName   string    `json:"created_name,omitempty"`
	CreatedAt     time.Time `json:"created_at"`
	ReceivedAt    time.Time `json:"received_at,omitzero"`
	ReceivedName  string    `json:"received_name,omitempty"`
	ReceivedNote  string    `json:"received_note,omitempty"`
	Moves         []Move    `json:"moves,omitempty"`
	orgPath       string
	regionPath    string
}

// Target is the document's scope: its (source) warehouse's.
func (d Doc) Target() access.Target {
	return access.Target{OrgPath: d.orgPath, RegionPath: d.regionPath}
}

// Move is one line of the ledger: a signed quantity of an item in a size,
// of a lot, at a warehouse; a device's move names its serial.
type Move struct {
	ID          int64     `json:"id"`
	DocID       int64     `json:"doc_id"`
	WarehouseID int64     `json:"warehouse_id"`
	ItemID      int64     `json:"item_id"`
	Size        string    `json:"size,omitempty"`
	LotID       int64     `json:"lot_id"`
	Serial      string    `json:"serial,omitempty"`
	Quantity    int64     `json:"quantity"`
	At          time.Time `json:"at"`
}
