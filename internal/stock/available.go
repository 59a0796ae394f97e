package stock

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Availability is what a warehouse holds of an item in a size: on hand,
// reserved for request lines, and available to reserve.
type Availability struct {
	WarehouseID int64  `json:"warehouse_id"`
	RegionCode  string `json:"region_code"`
	RegionPath  string `json:"region_path"`
	ItemID      int64  `json:"item_id"`
	Size        string `json:"size,omitempty"`
	OnHand      int64  `json:"on_hand"`
	Reserved    int64  `json:"reserved"`
	Available   int64  `json:"available"`
}

// AvailableFilter narrows Available: to the items campaign CampaignID
// offers (any item when 0), and to the open warehouses of the
// organisation subtree OrgPath and the region subtree RegionPath (""
// reaches every one).
type AvailableFilter struct {
	CampaignID int64
	OrgPath    string
	RegionPath string
}

// Available lists, in one query, every open warehouse's stock that is
// not reserved, by warehouse, item and size: what an allocation run may
// reserve. It checks no principal; the caller runs allocation for one and
// passes its scope, or the organiser's, in f.
func (s *Service) Available(ctx context.Context, q store.Querier, f AvailableFilter) ([]Availability, error) {
	if q == nil {
		q = s.db.R
	}
	scope := access.Principal{OrgPath: f.OrgPath, RegionPath: f.RegionPath}.ScopeArgs()
	return store.Select(ctx, q, func(sc store.Scanner) (Availability, error) {
		var a Availability
		err := sc.Scan(&a.WarehouseID, &a.RegionCode, &a.RegionPath, &a.ItemID, &a.Size, &a.OnHand, &a.Reserved)
		a.Available = a.OnHand - a.Reserved
		return a, err
	}, s.q.Available, store.Args(scope, []any{f.CampaignID})...)
}
