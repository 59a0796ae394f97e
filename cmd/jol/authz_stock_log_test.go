package main

import (
	"context"
	"database/sql"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

// deviceHandover hands a computer over at event (a day of campaign at
// warehouse, open, for the whole point) to a child named "Device Pupil",
// and returns the computer's unit and its request.
func deviceHandover(t *testing.T, s *testServer, campaign requeststest.Campaign, warehouseID, event int64) (unit, request int64) {
	t.Helper()
	ctx, p, db := context.Background(), access.System, s.app.db
	var pc int64
	if err := db.W.QueryRowContext(ctx, "SELECT id FROM aid_items WHERE code = 'computer'").Scan(&pc); err != nil {
		t.Fatal(err)
	}
	if _, err := db.W.ExecContext(ctx, store.Rebind(db.Engine,
		"INSERT INTO campaign_items (campaign_id, item_id, target) VALUES ($1, $2, 10)"), campaign.ID, pc); err != nil {
		t.Fatal(err)
	}
	w, err := s.app.Stock.Warehouse(ctx, p, warehouseID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.app.Stock.Receive(ctx, p, stock.ReceiptInput{WarehouseID: w.ID, Kind: stock.Purchase, Currency: "KZT",
		Lines: []stock.Line{{ItemID: pc, Serials: []string{"LOG-PC-1"}, UnitCost: 100}}}); err != nil {
		t.Fatal(err)
	}
	child, err := s.app.People.Create(ctx, p, people.Input{LastName: "Pupil", FirstName: "Device", RegionCode: "KZ-75",
		OrgID: w.OrgID})
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.app.Requests.Submit(ctx, p, requests.Input{CampaignID: campaign.ID, PersonID: child.ID,
		ApplicantKind: requests.ByParent, Channel: requests.Centre, Lines: []requests.LineInput{{ItemID: pc}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
		if r, err = s.app.Requests.Transition(ctx, p, r.ID, requests.Move{To: to, Version: r.Version}); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Tx(ctx, func(tx *sql.Tx) error {
		return s.app.Stock.Reserve(ctx, tx, []stock.Hold{{RequestID: r.ID, Line: 1, WarehouseID: w.ID, ItemID: pc, Quantity: 1}})
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.app.Requests.Transition(ctx, p, r.ID, requests.Move{To: requests.Allocated, Version: r.Version}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.app.Distribution.HandOver(ctx, p, distribution.HandoverInput{EventID: event, RequestID: r.ID,
		Lines: []distribution.LineInput{{Line: 1, Serials: []string{"LOG-PC-1"}}}, Proof: distribution.Signature,
		Signature: pngSignature()}); err != nil {
		t.Fatal(err)
	}
	if err := db.R.QueryRowContext(ctx, "SELECT id FROM stock_units WHERE serial = 'LOG-PC-1'").Scan(&unit); err != nil {
		t.Fatal(err)
	}
	return unit, r.ID
}

// Every page, download and API answer of the distribution days and the
// devices that shows a child (the list on the page, printed, exported and
// through the API; the handover page of a family; the photo of a signed
// list; a guardian's signature; a device's story naming its pupil, found
// by its number or its serial) writes
// an entry in the access log for the reader, of the record read and by
// the surface it was read through. An outsider refused the same pages
// leaves no entry, and sees no name.
func TestChildOnStockPagesIsLogged(t *testing.T) {
	s := startServer(t)
	r := stockScopeRecords(t, s)
	unit, request := deviceHandover(t, s, r.campaign, r.warehouse, r.event)
	coord := s.caller(t, "coordinator")
	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	event := "/distribution/" + id(r.event)
	reads := []struct {
		path, kind, subject, via, name string
	}{
		{event + "/list", distribution.SubjectList, id(r.event), "web", "Pupil Device"},
		{event + "/list.xlsx", distribution.SubjectList, id(r.event), "export", ""},
		{"/api/v1/distribution/events/" + id(r.event) + "/lines", distribution.SubjectList, id(r.event), "api", "Pupil Device"},
		{event + "/handover?request=" + id(request), "request", id(request), "web", "Pupil Device"},
		{event + "/photos/" + id(r.photo), distribution.SubjectPhoto, id(r.photo), "web", ""},
		{"/handovers/" + id(r.handover) + "/signature", distribution.SubjectSignature, id(r.handover), "web", ""},
		{"/devices/" + id(unit), "request", id(request), "web", "Pupil Device"},
		{"/api/v1/devices/" + id(unit), "request", id(request), "api", "Pupil Device"},
		{"/devices/LOG-PC-1", "request", id(request), "web", "Pupil Device"},
		{"/api/v1/devices/LOG-PC-1", "request", id(request), "api", "Pupil Device"},
	}
	logged := func(c *caller, kind, subject, via string) int {
		t.Helper()
		var n int
		if err := s.app.db.R.QueryRowContext(context.Background(), store.Rebind(s.app.db.Engine, `SELECT count(*) FROM access_log
			WHERE user_id = $1 AND subject_kind = $2 AND subject_id = $3 AND via = $4`), c.userID, kind, subject, via).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	outsider := outsiders(t, s, "coordinator.ir", "log", "IR-23")[0]
	for _, rd := range reads {
		before := logged(coord, rd.kind, rd.subject, rd.via)
		client, header := coord.web, []string(nil)
		if strings.HasPrefix(rd.path, "/api/") {
			client, header = http.DefaultClient, []string{"Authorization", "Bearer " + coord.token}
		}
		code, body := get(t, client, s.url+rd.path, header...)
		if code != http.StatusOK || !strings.Contains(body, rd.name) {
			t.Errorf("%s = %d, want the child %q shown", rd.path, code, rd.name)
		}
		if n := logged(coord, rd.kind, rd.subject, rd.via); n != before+1 {
			t.Errorf("%s: %d entries of %s %s by %s in the access log, want %d", rd.path, n, rd.kind, rd.subject, rd.via,
				before+1)
		}
		client, header = outsider.web, nil
		if strings.HasPrefix(rd.path, "/api/") {
			client, header = http.DefaultClient, []string{"Authorization", "Bearer " + outsider.token}
		}
		if code, body := get(t, client, s.url+rd.path, header...); code != http.StatusNotFound && code != http.StatusForbidden ||
			strings.Contains(body, "Pupil") {
			t.Errorf("the outsider: %s = %d", rd.path, code)
		}
		if n := logged(outsider, rd.kind, rd.subject, rd.via); n != 0 {
			t.Errorf("the outsider's refused %s is in the access log", rd.path)
		}
	}
}
