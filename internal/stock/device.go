package stock

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Device is a device (a unit of a serial-tracked item) with the lot it
// came in with and the warehouse it stands at, or was last at: a device
// handed over stays at the warehouse that issued it.
type Device struct {
	Unit
	WarehouseID   int64     `json:"warehouse_id"`
	WarehouseName string    `json:"warehouse_name"`
	LotKind       LotKind   `json:"lot_kind"`
	DonorID       int64     `json:"donor_id,omitempty"`
	UnitCost      int64     `json:"unit_cost,omitempty"`
	Currency      string    `json:"currency,omitempty"`
	ReceiptDocID  int64     `json:"receipt_doc_id"`
	ReceivedAt    time.Time `json:"received_at"`
	target        access.Target
}

// Target is the device's scope: its warehouse's.
func (d Device) Target() access.Target { return d.target }

// Device returns device id if p may see its warehouse.
func (s *Service) Device(ctx context.Context, p access.Principal, id int64) (Device, error) {
	if err := access.Can(p, access.ViewStock, p.Scope()); err != nil {
		return Device{}, err
	}
	d, err := scanDevice(s.db.R.QueryRowContext(ctx, s.q.DeviceByID, id))
	if errors.Is(err, sql.ErrNoRows) || err == nil && !access.Within(p, d.target) {
		return Device{}, errs.ErrNotFound
	}
	return d, err
}

// DevicesBySerial lists the devices with serial number serial (one per
// item at most) that p may see.
func (s *Service) DevicesBySerial(ctx context.Context, p access.Principal, serial string) ([]Device, error) {
	if err := access.Can(p, access.ViewStock, p.Scope()); err != nil {
		return nil, err
	}
	all, err := store.Select(ctx, s.db.R, scanDevice, s.q.DevicesBySerial, normSerial(serial))
	out := all[:0]
	for _, d := range all {
		if access.Within(p, d.target) {
			out = append(out, d)
		}
	}
	return out, err
}

func scanDevice(sc store.Scanner) (Device, error) {
	var d Device
	err := sc.Scan(&d.ID, &d.ItemID, &d.Serial, &d.State, &d.LotID, &d.DonorName, &d.DocID, &d.WarehouseID,
		&d.WarehouseName, &d.target.OrgPath, &d.target.RegionPath, &d.LotKind, &d.DonorID, &d.UnitCost, &d.Currency,
		&d.ReceiptDocID, &d.ReceivedAt)
	d.ReceivedAt = d.ReceivedAt.UTC()
	return d, err
}

// DeviceEvent is a document that moved a device, as the device's story
// tells it: Quantity is +1 where it came in (a receipt, a transfer's
// arrival, a return) and -1 where it went out. A handover to a child
// names the request by its reference only.
type DeviceEvent struct {
	DocID         int64     `json:"doc_id"`
	Kind          DocKind   `json:"kind"`
	Status        string    `json:"status"`
	WarehouseID   int64     `json:"warehouse_id"`
	WarehouseName string    `json:"warehouse_name"`
	ToWarehouseID int64     `json:"to_warehouse_id,omitempty"`
	ToName        string    `json:"to_name,omitempty"`
	OrgID         int64     `json:"org_id,omitempty"`
	OrgName       string    `json:"org_name,omitempty"`
	RequestID     int64     `json:"request_id,omitempty"`
	RequestLine   int       `json:"request_line,omitempty"`
	Reference     string    `json:"request_reference,omitempty"`
	RefDocID      int64     `json:"ref_doc_id,omitempty"`
	Reason        string    `json:"reason,omitempty"`
	Note          string    `json:"note,omitempty"`
	By            string    `json:"by"`
	ReceivedName  string    `json:"received_name,omitempty"`
	ReceivedAt    time.Time `json:"received_at,omitzero"`
	Quantity      int64     `json:"quantity"`
	At            time.Time `json:"at"`
}

// DeviceHistory lists the documents that moved device id, in the order
// they were written, if p may see the device.
func (s *Service) DeviceHistory(ctx context.Context, p access.Principal, id int64) ([]DeviceEvent, error) {
	if _, err := s.Device(ctx, p, id); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (DeviceEvent, error) {
		var e DeviceEvent
		var recv sql.NullTime
		err := sc.Scan(&e.DocID, &e.Kind, &e.Status, &e.WarehouseID, &e.WarehouseName, &e.ToWarehouseID, &e.ToName,
			&e.OrgID, &e.OrgName, &e.RequestID, &e.RequestLine, &e.Reference, &e.RefDocID, &e.Reason, &e.Note, &e.By,
			&e.ReceivedName, &recv, &e.Quantity, &e.At)
		e.ReceivedAt, e.At = store.TimeOf(recv), e.At.UTC()
		return e, err
	}, s.q.DeviceMoves, id)
}

// HoldRecord is a hold of stock for a request line as it stood or
// stands: held, released, or issued by document DocID.
type HoldRecord struct {
	Hold
	WarehouseName string    `json:"warehouse_name"`
	Status        string    `json:"status"`
	DocID         int64     `json:"doc_id,omitempty"`
	CreatedAt     time.Time `json:"created_at"`
	ClosedAt      time.Time `json:"closed_at,omitzero"`
	// CampaignID is the campaign of the allocation run that set the hold
	// aside (RunID), for a link to that run; 0 for a hold of no run.
	CampaignID int64 `json:"campaign_id,omitempty"`
}

// LineHolds lists every hold request line (request, line) has had at a
// warehouse p may see, the latest first: what allocation set aside for it
// and what became of it.
func (s *Service) LineHolds(ctx context.Context, p access.Principal, request int64, line int) ([]HoldRecord, error) {
	if err := access.Can(p, access.ViewStock, p.Scope()); err != nil {
		return nil, err
	}
	all, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (HoldRecord, error) {
		var h HoldRecord
		var id int64
		var closed sql.NullTime
		var t access.Target
		err := sc.Scan(&id, &h.RequestID, &h.Line, &h.WarehouseID, &h.ItemID, &h.Size, &h.Quantity, &h.RunID,
			&h.WarehouseName, &h.Status, &h.DocID, &h.CreatedAt, &closed, &t.OrgPath, &t.RegionPath, &h.CampaignID)
		h.CreatedAt, h.ClosedAt = h.CreatedAt.UTC(), store.TimeOf(closed)
		if err == nil && !access.Within(p, t) {
			h.Status = "" // another scope's: left out below
		}
		return h, err
	}, s.q.LineHolds, request, line)
	out := all[:0]
	for _, h := range all {
		if h.Status != "" {
			out = append(out, h)
		}
	}
	return out, err
}
