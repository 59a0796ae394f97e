package main

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/stock"
)

// distributionRecords opens a distribution day at the caller's
// warehouse, attaches a photo of its signed list and hands a kit over
// there with a signature, for the routes about one day, photo or
// handover.
func distributionRecords(t *testing.T, s *testServer, c *caller, campaign requeststest.Campaign, warehouseID int64) (eventID, photoID, handoverID int64) {
	t.Helper()
	ctx, p := context.Background(), access.System
	w, err := s.app.Stock.Warehouse(ctx, p, warehouseID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.app.Stock.Receive(ctx, p, stock.ReceiptInput{WarehouseID: w.ID, Kind: stock.Purchase, Currency: "KZT",
		Lines: []stock.Line{{ItemID: campaign.Kit, Quantity: 1, UnitCost: 100}}}); err != nil {
		t.Fatal(err)
	}
	child, err := s.app.People.Create(ctx, p, people.Input{LastName: "Authz", FirstName: "Handover " + c.local,
		RegionCode: "KZ-75", OrgID: w.OrgID})
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.app.Requests.Submit(ctx, p, requests.Input{CampaignID: campaign.ID, PersonID: child.ID,
		ApplicantKind: requests.ByParent, Channel: requests.Centre, Lines: []requests.LineInput{{ItemID: campaign.Kit}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
		if r, err = s.app.Requests.Transition(ctx, p, r.ID, requests.Move{To: to, Version: r.Version}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.app.db.Tx(ctx, func(tx *sql.Tx) error {
		return s.app.Stock.Reserve(ctx, tx, []stock.Hold{{RequestID: r.ID, Line: 1, WarehouseID: w.ID, ItemID: campaign.Kit, Quantity: 1}})
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.app.Requests.Transition(ctx, p, r.ID, requests.Move{To: requests.Allocated, Version: r.Version}); err != nil {
		t.Fatal(err)
	}
	e, err := s.app.Distribution.CreateEvent(ctx, p, distribution.EventInput{CampaignID: campaign.ID, WarehouseID: w.ID,
		Place: "Authz " + strings.ToUpper(c.local), StartsAt: time.Now(), WholePoint: true})
	if err == nil {
		e, err = s.app.Distribution.SetStatus(ctx, p, e.ID, e.Version, distribution.Open)
	}
	if err != nil {
		t.Fatal(err)
	}
	ph, err := s.app.Distribution.AttachPhoto(ctx, p, e.ID, "list.png", pngSignature())
	if err != nil {
		t.Fatal(err)
	}
	h, err := s.app.Distribution.HandOver(ctx, p, distribution.HandoverInput{EventID: e.ID, RequestID: r.ID,
		Lines: []distribution.LineInput{{Line: 1}}, Proof: distribution.Signature, Signature: pngSignature()})
	if err != nil {
		t.Fatal(err)
	}
	return e.ID, ph.ID, h.ID
}
