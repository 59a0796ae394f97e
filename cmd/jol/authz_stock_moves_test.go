package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

// stockFingerprint counts the rows of every table of the five areas and
// sums their versions, so a change anywhere shows.
func stockFingerprint(t *testing.T, s *testServer) string {
	t.Helper()
	var out []string
	for _, q := range []string{
		"SELECT count(*) FROM stock_docs", "SELECT count(*) FROM warehouses", "SELECT count(*) FROM donors",
		"SELECT count(*) FROM distribution_events", "SELECT COALESCE(SUM(version), 0) FROM distribution_events",
		"SELECT count(*) FROM distribution_lines", "SELECT count(*) FROM distribution_photos",
		"SELECT count(*) FROM distribution_codes", "SELECT count(*) FROM handovers", "SELECT count(*) FROM handover_lines",
		"SELECT COALESCE(SUM(version), 0) FROM deliveries", "SELECT COALESCE(SUM(version), 0) FROM device_tasks",
		"SELECT count(*) FROM device_tasks", "SELECT count(*) FROM allocation_routes", "SELECT count(*) FROM allocation_quotas",
		"SELECT count(*) FROM allocation_runs", "SELECT count(*) FROM volunteers", "SELECT name FROM donors ORDER BY id",
	} {
		rows, err := s.app.db.R.QueryContext(context.Background(), q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				t.Fatal(err)
			}
			out = append(out, v)
		}
		rows.Close()
	}
	return strings.Join(out, " ")
}

// Logins of another organisation, sending well-formed requests with the
// centre's ids, change nothing of the centre's: no stock moved out of or
// into its warehouse, no donation recorded from its donor, no day planned
// at its point or of its campaign, nothing handed over, no photo, no task given or reported,
// no delivery confirmed (only the centre's own staff confirm), no route of
// its stock, no warehouse, donor or volunteer recorded in its name. Each
// is refused with 403, 404 or 422 (the refusal of a record that is not
// there). The centre's own school staff then confirm the delivery, so the
// confirmation was there to be made.
func TestOutsidersMoveNothingOfACentre(t *testing.T) {
	s := startServer(t)
	r := stockScopeRecords(t, s)
	ctx, p := context.Background(), access.System
	teh := map[string]*caller{}
	for _, c := range outsiders(t, s, "coordinator.ir", "mv", "IR-23") {
		role, _, _ := strings.Cut(c.local, ".")
		teh[role] = c
	}
	kar := map[string]*caller{}
	for _, c := range outsiders(t, s, "centre", "mvk", "KZ-35") {
		role, _, _ := strings.Cut(c.local, ".")
		kar[role] = c
	}
	tehOrg := teh["coordinator"].orgID
	own, err := s.app.Stock.CreateWarehouse(ctx, p, stock.WarehouseInput{Code: "MV-TEH", Name: "Tehran store", Kind: stock.Store,
		OrgID: tehOrg, Active: true})
	if err != nil {
		t.Fatal(err)
	}
	var backpack int64
	if err := s.app.db.R.QueryRowContext(ctx, "SELECT id FROM aid_items WHERE code = 'backpack'").Scan(&backpack); err != nil {
		t.Fatal(err)
	}
	if _, err := s.app.Stock.Receive(ctx, p, stock.ReceiptInput{WarehouseID: own.ID, Kind: stock.Purchase, Currency: "KZT",
		Lines: []stock.Line{{ItemID: backpack, Quantity: 3, UnitCost: 10}}}); err != nil {
		t.Fatal(err)
	}
	vol, err := s.app.Aftercare.CreateVolunteer(ctx, p, aftercare.VolunteerInput{Name: "Tehran volunteer", Phone: "+98 912 000 0000",
		RegionCode: "IR-23", OrgID: tehOrg, UserID: teh["volunteer"].userID, Active: true})
	if err != nil {
		t.Fatal(err)
	}
	// The delivery on its way, for its confirmation.
	if _, err := s.app.db.W.ExecContext(ctx, store.Rebind(s.app.db.Engine,
		"UPDATE deliveries SET status = 'dispatched', version = version + 1 WHERE id = $1"), r.after.delivery); err != nil {
		t.Fatal(err)
	}
	var version int
	if err := s.app.db.R.QueryRowContext(ctx, store.Rebind(s.app.db.Engine, "SELECT version FROM deliveries WHERE id = $1"),
		r.after.delivery).Scan(&version); err != nil {
		t.Fatal(err)
	}
	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	lines := fmt.Sprintf(`[{"item_id": %d, "quantity": 1}]`, backpack)
	var ref string
	if err := s.app.db.R.QueryRowContext(ctx, store.Rebind(s.app.db.Engine, "SELECT reference FROM requests WHERE id = $1"),
		r.request).Scan(&ref); err != nil {
		t.Fatal(err)
	}
	var issued int64
	if err := s.app.db.R.QueryRowContext(ctx, store.Rebind(s.app.db.Engine,
		"SELECT id FROM stock_docs WHERE kind = 'issue_person' AND warehouse_id = $1"), r.warehouse).Scan(&issued); err != nil {
		t.Fatal(err)
	}
	api := "/api/v1"
	attempts := []struct {
		who          *caller
		method, path string
		body         string
	}{
		{teh["warehouse"], "POST", api + "/warehouses/" + id(r.warehouse) + "/movements",
			`{"kind": "write_off", "reason": "damaged", "lines": ` + lines + `}`},
		{teh["warehouse"], "POST", api + "/warehouses/" + id(r.warehouse) + "/movements",
			`{"kind": "purchase", "currency": "KZT", "lines": ` + lines + `}`},
		{teh["warehouse"], "POST", api + "/warehouses/" + id(own.ID) + "/movements",
			`{"kind": "transfer", "to_warehouse_id": ` + id(r.warehouse) + `, "lines": ` + lines + `}`},
		{teh["warehouse"], "POST", api + "/warehouses/" + id(own.ID) + "/movements",
			`{"kind": "donation", "donor_id": ` + id(r.donor) + `, "lines": ` + lines + `}`},
		{teh["warehouse"], "POST", api + "/stock/docs/" + id(issued) + "/return",
			fmt.Sprintf(`{"lines": [{"item_id": %d, "quantity": 1}]}`, r.campaign.Kit)},
		{teh["warehouse"], "PUT", api + "/donors/" + id(r.donor), `{"name": "Renamed", "kind": "company"}`},
		{kar["warehouse"], "PUT", api + "/donors/" + id(r.donor), `{"name": "Renamed", "kind": "company"}`},
		{teh["coordinator"], "POST", api + "/warehouses",
			`{"code": "MV-A", "name": "In their name", "kind": "warehouse", "org_id": ` + id(r.org) + `}`},
		{teh["warehouse"], "POST", api + "/donors", `{"name": "In their name", "kind": "company", "org_id": ` +
			id(r.org) + `}`},
		{teh["coordinator"], "POST", api + "/distribution/events", `{"campaign_id": ` + id(r.campaign.ID) +
			`, "warehouse_id": ` + id(r.warehouse) + `, "place": "Theirs", "starts_at": "2026-09-01T09:00:00Z", "whole_point": true}`},
		{teh["coordinator"], "POST", api + "/distribution/events/" + id(r.event) + "/lines", `{"references": ["` + ref + `"]}`},
		{teh["coordinator"], "POST", api + "/distribution/events/" + id(r.event) + "/codes", `{"request_id": ` + id(r.request) + `}`},
		{teh["coordinator"], "POST", api + "/distribution/events/" + id(r.event) + "/handovers", `{"request_id": ` +
			id(r.request) + `, "lines": [{"line": 1}], "proof": "list_photo", "photo_id": ` + id(r.photo) + `}`},
		{teh["coordinator"], "POST", api + "/distribution/events", `{"campaign_id": ` + id(r.campaign.ID) +
			`, "warehouse_id": ` + id(own.ID) + `, "place": "Theirs", "starts_at": "2026-09-01T09:00:00Z", "whole_point": true}`},
		{teh["coordinator"], "POST", api + "/distribution/events/" + id(r.event) + "/status", `{"to": "closed", "version": 2}`},
		{teh["warehouse"], "POST", api + "/distribution/handovers/" + id(r.handover) + "/return", `{"line": 1}`},
		{teh["coordinator"], "POST", api + "/tasks/" + id(r.after.task) + "/assign", `{"version": 1, "volunteer_id": ` +
			id(vol.ID) + `}`},
		{teh["coordinator"], "POST", api + "/tasks/" + id(r.after.task) + "/report", `{"version": 1, "done": true, "minutes": 30}`},
		{teh["volunteer"], "POST", api + "/my/tasks/" + id(r.after.task) + "/report", `{"version": 1, "done": true, "minutes": 30}`},
		{kar["school"], "POST", api + "/deliveries/" + id(r.after.delivery) + "/confirm", `{"version": ` + strconv.Itoa(version) + `}`},
		{teh["school"], "POST", api + "/deliveries/" + id(r.after.delivery) + "/confirm", `{"version": ` + strconv.Itoa(version) + `}`},
		{teh["coordinator"], "PUT", api + "/campaigns/" + id(r.campaign.ID) + "/allocation/routes", `{"warehouse_id": ` +
			id(own.ID) + `, "region_code": "KZ-75", "cost": 1}`},
		{teh["coordinator"], "PUT", api + "/campaigns/" + id(r.campaign.ID) + "/allocation/quotas",
			`{"region_code": "KZ-75", "item_id": ` + id(backpack) + `, "kind": "fixed", "amount": 1}`},
		{teh["coordinator"], "POST", api + "/campaigns/" + id(r.campaign.ID) + "/allocations", `{"dry_run": true}`},
	}
	before := stockFingerprint(t, s)
	for _, a := range attempts {
		code := a.who.doJSON(t, s.url, a.method, a.path, a.body)
		if code != http.StatusForbidden && code != http.StatusNotFound && code != http.StatusUnprocessableEntity {
			t.Errorf("%s: %s %s = %d, want it refused", a.who.local, a.method, a.path, code)
		}
		if after := stockFingerprint(t, s); after != before {
			t.Fatalf("%s: %s %s changed the records:\n%s\n%s", a.who.local, a.method, a.path, before, after)
		}
	}
	// The same through the pages.
	for _, a := range []struct {
		who  *caller
		path string
		form url.Values
	}{
		{teh["warehouse"], "/warehouses/" + id(r.warehouse) + "/movements", url.Values{"kind": {"write_off"}, "reason": {"damaged"},
			"lines.0.item": {id(backpack)}, "lines.0.quantity": {"1"}}},
		{kar["school"], "/deliveries/" + id(r.after.delivery) + "/confirm", url.Values{"version": {strconv.Itoa(version)}}},
		{teh["coordinator"], "/tasks/" + id(r.after.task) + "/assign", url.Values{"version": {"1"}, "volunteer_id": {id(vol.ID)}}},
		{teh["volunteer"], "/my/tasks/" + id(r.after.task), url.Values{"version": {"1"}, "done": {"1"}, "minutes": {"30"}}},
	} {
		res, err := a.who.web.PostForm(s.url+a.path, a.form)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if after := stockFingerprint(t, s); after != before {
			t.Fatalf("%s: POST %s = %d changed the records", a.who.local, a.path, res.StatusCode)
		}
	}
	// The centre's own staff confirm it.
	if _, err := s.app.Accounts.Create(ctx, p, accounts.NewUser{Email: demo.Email("school.mvc"), Name: "Centre staff",
		Role: access.SchoolStaff, OrgID: r.org, Region: "KZ-75", Password: demo.Password}); err != nil {
		t.Fatal(err)
	}
	staff := s.caller(t, "school.mvc")
	if code := staff.doJSON(t, s.url, "POST", api+"/deliveries/"+id(r.after.delivery)+"/confirm",
		`{"version": `+strconv.Itoa(version)+`}`); code != http.StatusOK {
		t.Fatalf("the centre's own staff confirm: %d", code)
	}
}
