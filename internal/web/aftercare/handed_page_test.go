package aftercare_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/web/webtest"
)

// Under the serial number search the devices page lists the devices
// handed over, the latest handover first, page by page, each linking to
// its page; with none handed over yet it says so.
func TestDevicesHandedOverPageThrough(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	svc := f.Svc
	var pc int64
	webtest.Check(t, f.DB.R.QueryRow(store.Rebind(f.DB.Engine, "SELECT id FROM aid_items WHERE code = 'computer'")).Scan(&pc))
	point := webtest.Must(svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "P", Name: "Almaty point",
		Kind: stock.DistributionPoint, OrgID: f.Org.ID, RegionCode: "KZ-75", Active: true}))
	donor := webtest.Must(svc.Stock.CreateDonor(ctx, access.System, stock.DonorInput{Name: "Dala Trade", Kind: stock.DonorCompany,
		OrgID: f.Org.ID}))
	webtest.Must(svc.Stock.Receive(ctx, access.System, stock.ReceiptInput{WarehouseID: point.ID, Kind: stock.Donation,
		DonorID: donor.ID, Lines: []stock.Line{{ItemID: pc, Serials: []string{"HX-1", "HX-2", "HX-3", "HX-4", "HX-5", "HX-6"}}}}))

	coord := f.Login(t, "coord@example.org")
	if r := coord.Get("/devices"); r.Status != http.StatusOK || !strings.Contains(r.Body, "No device has been handed over yet") ||
		strings.Contains(r.Body, "HX-1") {
		t.Fatalf("nothing handed over: %d %s", r.Status, r.Body)
	}

	var cid int64
	webtest.Check(t, f.DB.W.QueryRow(store.Rebind(f.DB.Engine, `INSERT INTO campaigns (slug, programme, organiser_id, org_path,
		starts_on, ends_on, status, created_at, updated_at) VALUES ('pc', 'devices', $1, $2, $3, $4, 'open', $5, $5) RETURNING id`),
		f.Org.ID, f.Org.Path, webtest.Day(2026, 1, 1), webtest.Day(2026, 12, 31), webtest.Clock()).Scan(&cid))
	webtest.Check(t, f.DB.W.QueryRow(store.Rebind(f.DB.Engine,
		"INSERT INTO campaign_items (campaign_id, item_id, target) VALUES ($1, $2, 5) RETURNING item_id"), cid, pc).Scan(new(int64)))
	sys := access.Principal{Name: "system", Role: access.Admin}
	// Two handovers: the second's devices come first.
	for i, serials := range [][]string{{"HX-1", "HX-2", "HX-3"}, {"HX-4", "HX-5"}} {
		kid := webtest.Must(svc.People.Create(ctx, access.System, people.Input{LastName: "Serikova",
			FirstName: []string{"Aru", "Dana"}[i], BirthDate: webtest.Day(2012, 1, 1+i), RegionCode: "KZ-75", OrgID: f.Org.ID}))
		req := webtest.Must(svc.Requests.Submit(ctx, sys, requests.Input{CampaignID: cid, PersonID: kid.ID,
			ApplicantKind: requests.ByParent, ApplicantName: "P", Channel: requests.Centre, Locale: "en",
			Lines: []requests.LineInput{{ItemID: pc, Quantity: len(serials)}}, Via: "web"}))
		for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
			req = webtest.Must(svc.Requests.Transition(ctx, sys, req.ID, requests.Move{To: to, Version: req.Version, Via: "web"}))
		}
		webtest.Must(svc.Stock.Issue(ctx, sys, stock.IssueInput{WarehouseID: point.ID, RequestID: req.ID, Line: 1,
			Serials: serials}))
	}

	handed := []string{"HX-1", "HX-2", "HX-3", "HX-4", "HX-5"}
	next := "/devices?limit=2"
	var seen []string
	for pages := 0; next != ""; pages++ {
		if pages == 3 {
			t.Fatalf("more than three pages of five devices by two: %v", seen)
		}
		r := coord.Get(next)
		if r.Status != http.StatusOK || strings.Contains(r.Body, "HX-6") {
			t.Fatalf("%s: %d, or a device in stock listed as handed over", next, r.Status)
		}
		var here []string
		for _, serial := range handed {
			if strings.Contains(r.Body, ">"+serial+"<") {
				here = append(here, serial)
			}
		}
		slices.SortFunc(here, func(a, b string) int { return strings.Index(r.Body, ">"+a+"<") - strings.Index(r.Body, ">"+b+"<") })
		if len(here) == 0 || len(here) > 2 {
			t.Fatalf("%s shows %v", next, here)
		}
		if !strings.Contains(r.Body, `<a href="/devices/`) {
			t.Fatalf("%s links no device", next)
		}
		seen = append(seen, here...)
		next = webtest.Next(r.Body)
	}
	if want := "HX-5,HX-4,HX-3,HX-2,HX-1"; strings.Join(seen, ",") != want {
		t.Fatalf("the pages showed %v, want %s", seen, want)
	}
}
