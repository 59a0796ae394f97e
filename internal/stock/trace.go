package stock

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// TraceRow is how many units of an item that came from a donor (or in
// kits made from the donor's gifts) each kind of document moved: units
// received (donation), handed to people and institutions (negative),
// returned, written off, counted away, sent on (a transfer nets to zero
// but for what was lost on the way), assembled into kits.
type TraceRow struct {
	Kind     DocKind `json:"kind"`
	ItemID   int64   `json:"item_id"`
	Quantity int64   `json:"quantity"`
}

// Reached is a request a donor's gift was handed over for.
type Reached struct {
	RequestID int64 `json:"request_id"`
	PersonID  int64 `json:"person_id"`
}

// Trace is where a donor's gifts went.
type Trace struct {
	Donor Donor      `json:"donor"`
	Rows  []TraceRow `json:"rows"`
	// InStock is what is still on hand, by item.
	InStock map[int64]int64 `json:"in_stock"`
	// Children and Institutions count the request lines and organisations
	// handed something of the gift.
	Children     int `json:"children"`
	Institutions int `json:"institutions"`
	// Requests are the handovers to children the reader may see; empty for
	// a reader who may not see children.
	Requests []Reached `json:"requests,omitempty"`
}

// Trace follows donor id's gifts: every lot of the donor and every kit lot
// assembled from one (through stock_lot_parts, at any depth), and every
// move of those lots. It answers "which children did this donor's gift
// reach" as counts for everyone who may see stock, and as the requests
// and children themselves for those of them who may see the children.
func (s *Service) Trace(ctx context.Context, p access.Principal, id int64) (Trace, error) {
	if err := access.Can(p, access.ViewStock, p.Scope()); err != nil {
		return Trace{}, err
	}
	d, err := s.donor(ctx, s.db.R, p, id, "")
	if err != nil {
		return Trace{}, err
	}
	t := Trace{Donor: d, InStock: map[int64]int64{}}
	if t.Rows, err = store.Select(ctx, s.db.R, func(sc store.Scanner) (TraceRow, error) {
		var r TraceRow
		return r, sc.Scan(&r.Kind, &r.ItemID, &r.Quantity)
	}, s.q.TraceMoves, id); err != nil {
		return Trace{}, err
	}
	stocked, err := store.Select(ctx, s.db.R, func(sc store.Scanner) ([2]int64, error) {
		var r [2]int64
		return r, sc.Scan(&r[0], &r[1])
	}, s.q.TraceStock, id)
	if err != nil {
		return Trace{}, err
	}
	for _, r := range stocked {
		t.InStock[r[0]] = r[1]
	}
	if err := s.db.R.QueryRowContext(ctx, s.q.TraceCounts, id).Scan(&t.Children, &t.Institutions); err != nil {
		return Trace{}, err
	}
	type reachedIn struct {
		Reached
		target access.Target
	}
	all, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (reachedIn, error) {
		var r reachedIn
		return r, sc.Scan(&r.RequestID, &r.PersonID, &r.target.OrgPath, &r.target.RegionPath)
	}, s.q.TraceRequests, id)
	for _, r := range all {
		if access.Can(p, access.ViewChild, r.target) == nil {
			t.Requests = append(t.Requests, r.Reached)
		}
	}
	return t, err
}
