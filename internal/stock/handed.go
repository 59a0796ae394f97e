package stock

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Handed is a device handed over, with when its handover was written.
type Handed struct {
	Device
	HandedAt time.Time `json:"handed_at"`
}

// HandedPage lists a page of the devices handed over from the warehouses
// p sees, the latest handover first, and the cursor of the next page (""
// on the last). The page starts after cursor, as a previous page gave it
// ("" for the first); pg.Before is not read.
func (s *Service) HandedPage(ctx context.Context, p access.Principal, cursor string, pg store.Page) ([]Handed, string, error) {
	if err := access.Can(p, access.ViewStock, p.Scope()); err != nil {
		return nil, "", err
	}
	doc, unit := handedStart(cursor)
	args := store.Args(p.ScopeArgs(), []any{doc, unit, pg.LimitArg(), pg.SkipArg()})
	list, err := store.Select(ctx, s.db.R, scanHanded, s.q.HandedPage, args...)
	if err != nil {
		return nil, "", err
	}
	list, next := store.TrimBy(pg, list, func(h Handed) string {
		return strconv.FormatInt(h.DocID, 10) + "." + strconv.FormatInt(h.ID, 10)
	})
	return list, next, nil
}

// HandedCount counts what HandedPage pages through, up to store.CountCap.
func (s *Service) HandedCount(ctx context.Context, p access.Principal) (store.Count, error) {
	if err := access.Can(p, access.ViewStock, p.Scope()); err != nil {
		return store.Count{}, err
	}
	return store.CountRows(ctx, s.db.R, s.q.CountHanded, store.Args(p.ScopeArgs(), []any{store.CountArg()})...)
}

// handedStart reads a cursor of HandedPage, "handover.device" by ids: the
// handover and the device the page comes after; before every device for
// "" or a cursor that is not one.
func handedStart(cursor string) (int64, int64) {
	doc, unit, ok := strings.Cut(cursor, ".")
	d, derr := strconv.ParseInt(doc, 10, 64)
	u, uerr := strconv.ParseInt(unit, 10, 64)
	if !ok || derr != nil || uerr != nil || d <= 0 || u <= 0 {
		return 1<<63 - 1, 1<<63 - 1
	}
	return d, u
}

func scanHanded(sc store.Scanner) (Handed, error) {
	var h Handed
	err := sc.Scan(&h.ID, &h.ItemID, &h.Serial, &h.State, &h.LotID, &h.DonorName, &h.DocID, &h.WarehouseID,
		&h.WarehouseName, &h.target.OrgPath, &h.target.RegionPath, &h.LotKind, &h.DonorID, &h.UnitCost, &h.Currency,
		&h.ReceiptDocID, &h.ReceivedAt, &h.HandedAt)
	h.ReceivedAt, h.HandedAt = h.ReceivedAt.UTC(), h.HandedAt.UTC()
	return h, err
}
