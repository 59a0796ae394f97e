package stock

import (
	"context"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// Reach is what one issue document handed over of a donor's units of an
// item, net of what returns took back: to a person (RequestID and Line,
// for a request line) or to an institution (OrgID).
type Reach struct {
	DocID     int64
	Kind      DocKind // IssuePerson or IssueInstitution
	RequestID int64
	Line      int
	OrgID     int64
	ItemID    int64
	Quantity  int64
}

// DonorReach reads, through q, every handover of donor id's units — of
// its lots and of kit lots assembled from them, at any depth — net of
// returns: the ledger side of a sponsor's impact. Issues take the oldest
// lots first, so units of several donors in one warehouse are each
// attributed to the donor whose lot they left. It checks no principal:
// the caller decides who may read it and shows only aggregates.
func (s *Service) DonorReach(ctx context.Context, q store.Querier, id int64) ([]Reach, error) {
	return store.Select(ctx, q, func(sc store.Scanner) (Reach, error) {
		var r Reach
		return r, sc.Scan(&r.DocID, &r.Kind, &r.RequestID, &r.Line, &r.OrgID, &r.ItemID, &r.Quantity)
	}, s.q.DonorReach, id)
}

// Gift is a gift in kind received from a donor: the receipt document,
// its warehouse and when, and what it brought (GiftLine).
type Gift struct {
	DocID         int64      `json:"doc_id"`
	WarehouseID   int64      `json:"warehouse_id"`
	WarehouseName string     `json:"warehouse_name"`
	At            time.Time  `json:"at"`
	Lines         []GiftLine `json:"lines"`
}

// GiftLine is an item, in a size, and how many units a gift
// brought.
type GiftLine struct {
	ItemID   int64  `json:"item_id"`
	Size     string `json:"size,omitempty"`
	Quantity int64  `json:"quantity"`
}

// DonorDonations reads donor id's donations through q, newest first. It
// checks no principal: the caller's.
func (s *Service) DonorDonations(ctx context.Context, q store.Querier, id int64) ([]Gift, error) {
	type row struct {
		Gift
		line GiftLine
	}
	rows, err := store.Select(ctx, q, func(sc store.Scanner) (row, error) {
		var r row
		err := sc.Scan(&r.DocID, &r.WarehouseID, &r.WarehouseName, &r.At, &r.line.ItemID, &r.line.Size, &r.line.Quantity)
		r.At = r.At.UTC()
		return r, err
	}, s.q.DonorDonations, id)
	if err != nil {
		return nil, err
	}
	var out []Gift
	for _, r := range rows {
		if len(out) == 0 || out[len(out)-1].DocID != r.DocID {
			out = append(out, r.Gift)
		}
		last := &out[len(out)-1]
		last.Lines = append(last.Lines, r.line)
	}
	return out, nil
}
