package allocation

import (
	"math/rand/v2"
	"time"
)

// randomInstance is a small instance of every feature: nested regions,
// items with and without sizes, warehouses serving by default or by
// routes at a cost, stock, lines waiting (approved, on the waiting list,
// of a request allocated in part), holding stock, handed over or asking
// for two units, priorities with ties, and quotas that never cross.
func randomInstance(r *rand.Rand) *Instance {
	regions := []string{"/KZ/", "/KZ/KZ-35/", "/KZ/KZ-35/KZ-35-01/", "/KZ/KZ-35/KZ-35-02/", "/KZ/KZ-75/",
		"/KZ/KZ-75/KZ-75-01/"}
	leaves := regions[2:]
	type variant struct {
		item int64
		size string
	}
	variants := []variant{{1, ""}, {2, "128"}, {2, "134"}, {3, "34"}}
	in := &Instance{CampaignID: 1}
	for w := range 1 + r.IntN(3) {
		wh := Warehouse{ID: int64(10 + w), Name: "W", Region: regions[r.IntN(4)]}
		if r.IntN(2) == 0 {
			wh.Routes = []Route{}
			for range 1 + r.IntN(2) {
				wh.Routes = append(wh.Routes, Route{WarehouseID: wh.ID, Region: regions[r.IntN(len(regions))],
					Cost: r.Int64N(10)})
			}
		}
		in.Warehouses = append(in.Warehouses, wh)
		for _, v := range variants {
			if n := r.Int64N(4) - 1; n > 0 {
				in.Stock = append(in.Stock, Stock{WarehouseID: wh.ID, ItemID: v.item, Size: v.size, Available: n})
			}
		}
	}
	day := time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC)
	lines := 1 + r.IntN(8)
	for req := int64(1); len(in.Lines) < lines; req++ {
		region, prio := leaves[r.IntN(len(leaves))], r.Int64N(4)
		at := day.Add(time.Duration(r.IntN(3)) * time.Hour)
		status := []string{"approved", "approved", "waitlisted", "allocated", "delivered"}[r.IntN(5)]
		for ln := 1; ln <= 1+r.IntN(2) && len(in.Lines) < lines; ln++ {
			v := variants[r.IntN(len(variants))]
			l := Line{RequestID: req, Line: ln, ItemID: v.item, Size: v.size, Quantity: 1, Region: region,
				Priority: prio, Requested: at, Status: status, Version: 1}
			if r.IntN(10) == 0 {
				l.Quantity = 2
			}
			if status == "allocated" && r.IntN(2) == 0 {
				l.HeldAt = in.Warehouses[r.IntN(len(in.Warehouses))].ID
			}
			in.Lines = append(in.Lines, l)
		}
	}
	for range r.IntN(3) {
		q := Quota{ID: int64(len(in.Quotas) + 1), Region: regions[r.IntN(len(regions))], ItemID: r.Int64N(4),
			Kind: Fixed, Amount: r.Int64N(3)}
		if r.IntN(2) == 0 {
			q.Kind, q.Amount = Share, r.Int64N(10_001)
		}
		ok := true
		for _, o := range in.Quotas {
			ok = ok && !q.crosses(o) && (o.Region != q.Region || o.ItemID != q.ItemID)
		}
		if ok {
			in.Quotas = append(in.Quotas, q)
		}
	}
	r.Shuffle(len(in.Lines), func(i, j int) { in.Lines[i], in.Lines[j] = in.Lines[j], in.Lines[i] })
	return in
}
