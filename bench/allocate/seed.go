package main

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

// size is the instance the issue names.
type size struct {
	requests, items, regions, warehouses int
}

// seed writes the instance into a new database: a foundation, an open
// campaign offering items of 1–6 sizes each, the regions of Kazakhstan,
// warehouses with routes to 3–6 regions each at a distance of 1–500,
// about 70% of the need in stock, quotas on a third of the regions'
// items (half a fixed number, half a share of the need), and approved
// requests of one line each with a score of 1–100, spread unevenly over
// regions, items and sizes. Warehouses, stock, routes and quotas go
// through the services; persons, requests and their results are written
// as rows, as an import and a recalculation would leave them.
func seed(ctx context.Context, db *store.DB, svc *services.Services, n size, r *rand.Rand) (int64, error) {
	found, err := svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Foundation", Type: orgs.Foundation, RegionCode: "KZ"})
	if err != nil {
		return 0, err
	}
	now := time.Now().UTC()
	var regions []struct {
		id         int64
		code, path string
	}
	rows, err := db.R.QueryContext(ctx, "SELECT id, code, path FROM regions WHERE code LIKE 'KZ-%' ORDER BY code")
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var x struct {
			id         int64
			code, path string
		}
		if err := rows.Scan(&x.id, &x.code, &x.path); err != nil {
			return 0, err
		}
		regions = append(regions, x)
	}
	if err := rows.Close(); err != nil {
		return 0, err
	}
	regions = regions[:min(n.regions, len(regions))]
	type variant struct {
		item int64
		size string
	}
	var campaign int64
	var variants []variant
	firstSize := []int{0}
	err = db.Tx(ctx, func(tx *sql.Tx) error {
		q := func(query string, args ...any) (id int64, err error) {
			err = tx.QueryRowContext(ctx, store.Rebind(db.Engine, query), args...).Scan(&id)
			return id, err
		}
		if campaign, err = q(`INSERT INTO campaigns (slug, programme, organiser_id, org_path, starts_on, ends_on,
			status, created_at, updated_at) VALUES ('road-bench', 'kits', $1, $2, $3, $4, 'open', $5, $5) RETURNING id`,
			found.ID, found.Path, now.AddDate(0, -1, 0), now.AddDate(0, 1, 0), now); err != nil {
			return err
		}
		clothes := []string{"116", "122", "128", "134", "140", "146"}
		for i := range n.items {
			k := 1 + r.IntN(6)
			sizing := "clothes"
			if k == 1 {
				sizing = "none"
			}
			id, err := q(`INSERT INTO aid_items (code, is_kit, sizing, name_en) VALUES ($1, $2, $3, $1) RETURNING id`,
				fmt.Sprintf("bench_item_%02d", i+1), i == 0, sizing)
			if err != nil {
				return err
			}
			if _, err := q(`INSERT INTO campaign_items (campaign_id, item_id, target) VALUES ($1, $2, 0) RETURNING item_id`,
				campaign, id); err != nil {
				return err
			}
			for s := range k {
				v := variant{item: id}
				if k > 1 {
					v.size = clothes[s]
				}
				variants = append(variants, v)
			}
			firstSize = append(firstSize, len(variants))
		}
		return nil
	})
	if err != nil {
		return 0, err
	}

	// The requests, in memory first: the need decides stock and quotas.
	type line struct{ region, item, variant, score int }
	lines := make([]line, n.requests)
	need := make([]int64, len(regions)*n.items)
	needVariant := make([]int64, len(variants))
	for k := range lines {
		g, i := skewed(r, len(regions)), skewed(r, n.items)
		v := firstSize[i] + skewed(r, firstSize[i+1]-firstSize[i])
		lines[k] = line{g, i, v, 1 + r.IntN(100)}
		need[g*n.items+i]++
		needVariant[v]++
	}
	if err := writeRequests(ctx, db, found, campaign, func(k int) (regionID int64, regionPath string, item int64, size string, score int) {
		l := lines[k]
		return regions[l.region].id, regions[l.region].path, variants[l.variant].item, variants[l.variant].size, l.score
	}, n.requests, now); err != nil {
		return 0, err
	}

	// Warehouses with their stock, routes and quotas, through the services.
	donor, err := svc.Stock.CreateDonor(ctx, access.System, stock.DonorInput{Name: "Donor", Kind: stock.DonorCompany,
		OrgID: found.ID})
	if err != nil {
		return 0, err
	}
	var whs []stock.Warehouse
	for w := range n.warehouses {
		wh, err := svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: fmt.Sprintf("WH-%02d", w+1),
			Name: fmt.Sprintf("Warehouse %d", w+1), Kind: stock.Store, OrgID: found.ID,
			RegionCode: regions[r.IntN(len(regions))].code, Active: true})
		if err != nil {
			return 0, err
		}
		whs = append(whs, wh)
		var in []stock.Line
		for v, vt := range variants {
			held := needVariant[v] * 7 / 10 * int64(1+r.IntN(3)) / int64(2*n.warehouses)
			if held > 0 {
				in = append(in, stock.Line{ItemID: vt.item, Size: vt.size, Quantity: held})
			}
		}
		if len(in) > 0 {
			if _, err := svc.Stock.Receive(ctx, access.System, stock.ReceiptInput{WarehouseID: wh.ID, Kind: stock.Donation,
				DonorID: donor.ID, Lines: in}); err != nil {
				return 0, err
			}
		}
	}
	for _, g := range regions {
		for _, w := range r.Perm(len(whs))[:min(len(whs), 3+r.IntN(4))] {
			if _, err := svc.Allocation.SaveRoute(ctx, access.System, campaign, allocation.RouteInput{
				WarehouseID: whs[w].ID, RegionCode: g.code, Cost: 1 + r.Int64N(500)}); err != nil {
				return 0, err
			}
		}
	}
	for q := range need {
		qi := allocation.QuotaInput{RegionCode: regions[q/n.items].code, ItemID: variants[firstSize[q%n.items]].item}
		switch r.IntN(6) {
		case 0:
			qi.Kind, qi.Amount = allocation.Fixed, r.Int64N(need[q]+1)
		case 1:
			qi.Kind, qi.Amount = allocation.Share, int64(3000+r.IntN(6000))
		default:
			continue
		}
		if _, err := svc.Allocation.SaveQuota(ctx, access.System, campaign, qi); err != nil {
			return 0, err
		}
	}
	return campaign, nil
}

// skewed returns a number in [0, n) where small numbers come more often,
// as with big regions and popular sizes.
func skewed(r *rand.Rand, n int) int {
	x := r.Float64()
	return int(x * x * float64(n))
}
