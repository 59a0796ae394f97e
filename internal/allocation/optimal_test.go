package allocation_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/flow/flowtest"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// Optimality, proven on random campaigns written as database rows and
// read back by the instance builder a run uses: the plan's total
// priority, the worth of its order and its cost equal those of the best
// assignment found by trying every one (so the model is right, with
// quotas, sizes, routes, held and handed-over lines, kits as one unit),
// and every network the plan was solved on has the least cost LEMON's
// network simplex finds (so the solver is). 300 campaigns on SQLite, 60
// on PostgreSQL.
func TestOptimalOnRandomCampaigns(t *testing.T) {
	bin := flowtest.Oracle(t)
	testworld.Each(t, func(t *testing.T, tw *testworld.World) {
		n := 300
		if tw.DB.Engine == store.Postgres {
			n = 60
		}
		x := newWorld(t, tw)
		r := rand.New(rand.NewPCG(5, uint64(len(tw.DB.Engine))))
		var served, networks, assignments int
		for i := range n {
			f := x.campaign(t, fmt.Sprintf("random-%d", i))
			f.random(t, r)
			in, err := f.s.Instance(f.ctx, access.System, f.c.ID)
			must(t, err)
			prio, order, cost, tried := allocation.BruteForce(in)
			plan, aims, err := allocation.DecideNetworks(in)
			must(t, err)
			if plan.Objective != prio || allocation.OrderWorth(plan) != order || plan.Distance != cost {
				t.Fatalf("campaign %d: plan (%d, %d, %d), best (%d, %d, %d)\n%+v\n%+v", i, plan.Objective,
					allocation.OrderWorth(plan), plan.Distance, prio, order, cost, *in, plan.Results)
			}
			for k, g := range aims.Graphs {
				if g == nil {
					continue
				}
				want, err := flowtest.Solve(t, bin, g)
				if err != nil || want != aims.Costs[k] {
					t.Fatalf("campaign %d, aim %d: cost %d, LEMON %d %v", i, k, aims.Costs[k], want, err)
				}
				networks++
			}
			dry, err := f.s.DryRun(f.ctx, access.System, f.c.ID, "test")
			must(t, err)
			if dry.Digest != plan.Digest || dry.Objective != plan.Objective {
				t.Fatalf("campaign %d: the dry run planned %s (%d), the instance %s (%d)", i, dry.Digest, dry.Objective,
					plan.Digest, plan.Objective)
			}
			served += plan.Served
			assignments += tried
		}
		t.Logf("%d campaigns, %d lines served, %d networks agree with LEMON, %d assignments tried", n, served,
			networks, assignments)
	})
}

// random fills the campaign with random warehouses (by default or by
// routes), stock, quotas and requests, some lines of which hold stock.
func (f *fix) random(t *testing.T, r *rand.Rand) {
	t.Helper()
	regions := []string{"KZ", "KZ-35", "KZ-35-01", "KZ-35-02", "KZ-75", "KZ-75-01", "KZ-71"}
	leaves := []string{"KZ-35-01", "KZ-35-02", "KZ-75-01", "KZ-71"}
	type variant struct {
		item int64
		size string
	}
	variants := []variant{{f.c.Kit, ""}, {f.c.Uniform, "128"}, {f.c.Uniform, "134"}, {f.c.Shoes, "34"}}
	type place struct {
		w stock.Warehouse
		v variant
	}
	left := map[place]int64{}
	var whs []stock.Warehouse
	for range 1 + r.IntN(3) {
		w := f.warehouse(t, "W", []string{"KZ", "KZ", "KZ-35", "KZ-75", "KZ-35-01"}[r.IntN(5)])
		whs = append(whs, w)
		var lines []stock.Line
		for _, v := range variants {
			if q := r.Int64N(4); q > 0 {
				lines = append(lines, stock.Line{ItemID: v.item, Size: v.size, Quantity: q})
				left[place{w, v}] = q
			}
		}
		if len(lines) > 0 {
			f.receive(t, w, lines...)
		}
		if r.IntN(2) == 0 {
			for range 1 + r.IntN(2) {
				_, err := f.s.SaveRoute(f.ctx, access.System, f.c.ID, allocation.RouteInput{WarehouseID: w.ID,
					RegionCode: regions[r.IntN(len(regions))], Cost: r.Int64N(10)})
				must(t, err)
			}
		}
	}
	for range r.IntN(3) {
		q := allocation.QuotaInput{RegionCode: regions[r.IntN(len(regions))], Kind: allocation.Fixed, Amount: r.Int64N(3)}
		if k := r.IntN(4); k > 0 {
			q.ItemID = variants[k].item
		}
		if r.IntN(2) == 0 {
			q.Kind, q.Amount = allocation.Share, r.Int64N(10_001)
		}
		if _, err := f.s.SaveQuota(f.ctx, access.System, f.c.ID, q); err != nil {
			wantKey(t, err, "error.allocation_quota_crossing")
		}
	}
	at := testworld.Epoch().Add(-72 * time.Hour)
	for lines := 2 + r.IntN(7); lines > 0; {
		status := []string{"approved", "approved", "waitlisted", "allocated", "delivered"}[r.IntN(5)]
		var asks []ask
		for range min(1+r.IntN(2), lines) {
			v := variants[r.IntN(len(variants))]
			a := ask{item: v.item, size: v.size}
			if r.IntN(10) == 0 {
				a.quantity = 2
			}
			asks = append(asks, a)
			lines--
		}
		id := f.request(t, leaves[r.IntN(len(leaves))], status, r.IntN(5)-1, r.IntN(4) > 0,
			at.Add(time.Duration(r.IntN(3))*time.Hour), asks...)
		if status != "allocated" {
			continue
		}
		for i, a := range asks {
			for _, w := range whs {
				if p := (place{w, variant{a.item, a.size}}); left[p] > 0 && a.quantity < 2 && r.IntN(2) == 0 {
					f.hold(t, id, i+1, w, a.item, a.size)
					left[p]--
					break
				}
			}
		}
	}
}
