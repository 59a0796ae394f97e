package api

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// A dry run answers the plan and changes nothing; a commit answers the run
// and the request then explains its line; a closed campaign is refused in
// the caller's language; operators read the runs but do not run.
func TestAllocationAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := t.Context()
		c := requeststest.Open(t, db, f.w.Clock.Now(), "road", f.org.ID, f.org.Path, "KZ-75")
		wh, err := f.svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "ALA-1",
			Name: "Almaty central warehouse", Kind: stock.Store, OrgID: f.w.Centre.ID, Active: true})
		check(t, err)
		donor, err := f.svc.Stock.CreateDonor(ctx, access.System, stock.DonorInput{Name: "Donor",
			Kind: stock.DonorCompany, OrgID: f.org.ID})
		check(t, err)
		_, err = f.svc.Stock.Receive(ctx, access.System, stock.ReceiptInput{WarehouseID: wh.ID, Kind: stock.Donation,
			DonorID: donor.ID, Lines: []stock.Line{{ItemID: c.Kit, Quantity: 1}}})
		check(t, err)
		child := f.w.Person(t, f.w.Child("Sadykov", "Arman", f.w.Clock.Now().AddDate(-8, 0, 0)))
		r, err := f.svc.Requests.Submit(ctx, access.System, requests.Input{CampaignID: c.ID, PersonID: child.ID,
			ApplicantKind: requests.ByParent, Channel: requests.Hotline, Lines: []requests.LineInput{{ItemID: c.Kit}}})
		check(t, err)
		for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
			r, err = f.svc.Requests.Transition(ctx, access.System, r.ID, requests.Move{To: to, Version: r.Version})
			check(t, err)
		}
		path := fmt.Sprintf("%s/campaigns/%d/allocations", Prefix, c.ID)
		coord, op := f.token[access.Coordinator], f.token[access.Operator]
		if w := f.do(t, "POST", path, op, map[string]any{"dry_run": true}); w.Code != http.StatusForbidden {
			t.Fatalf("operator's dry run: %d", w.Code)
		}
		w := f.do(t, "POST", path, coord, map[string]any{"dry_run": true})
		dry := decodeAs[allocationOut](t, w)
		if w.Code != http.StatusOK || dry.Plan == nil || dry.Plan.Served != 1 || dry.Run != nil {
			t.Fatalf("dry run: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "POST", path, coord, map[string]any{"version": dry.Plan.Version, "digest": dry.Plan.Digest})
		done := decodeAs[allocationOut](t, w)
		if w.Code != http.StatusCreated || done.Run == nil || !done.Run.Committed || done.Plan.Served != 1 {
			t.Fatalf("commit: %d %s", w.Code, w.Body)
		}
		got := decodeAs[requestOut](t, f.do(t, "GET", fmt.Sprintf("%s/requests/%d", Prefix, r.ID), op, nil))
		if len(got.Allocation) != 1 || got.Allocation[0].Explanation != "test_kit: allocated from Almaty central warehouse" ||
			got.Status != requests.Allocated {
			t.Fatalf("request: %s %+v", got.Status, got.Allocation)
		}
		w = f.do(t, "GET", path, op, nil)
		if w.Code != http.StatusOK || strings.Count(w.Body.String(), `"digest"`) != 2 {
			t.Fatalf("runs: %d %s", w.Code, w.Body)
		}
		if _, err := db.W.ExecContext(ctx, store.Rebind(db.Engine, "UPDATE campaigns SET status = 'closed' WHERE id = $1"),
			c.ID); err != nil {
			t.Fatal(err)
		}
		w = f.do(t, "POST", path, coord, map[string]any{"dry_run": true}, "Accept-Language", "fr")
		if w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), "Cette campagne est close") {
			t.Fatalf("closed campaign: %d %s", w.Code, w.Body)
		}
	})
}
