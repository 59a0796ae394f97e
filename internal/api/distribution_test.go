package api

import (
	"database/sql"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

// A distribution day through the API: planned and opened by the
// warehouse keeper, its list without names for them and with names for
// the coordinator, a code sent, typed wrong (in Russian) and right, the
// same line refused the second time, and the kit taken back.
func TestDistributionThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx, svc, admin := t.Context(), f.svc, f.w.Principal(access.Admin)
		phone := requests.NewRecorder(requests.SMS)
		svc.Distribution.SetSender(phone)
		c := requeststest.Open(t, db, testworld.Epoch(), "road", f.w.Foundation.ID, f.w.Foundation.Path)
		point := must(svc.Stock.CreateWarehouse(ctx, admin, stock.WarehouseInput{Code: "ALA-P", Name: "Almaty point",
			Kind: stock.DistributionPoint, OrgID: f.w.Centre.ID, Active: true}))
		donor := must(svc.Stock.CreateDonor(ctx, admin, stock.DonorInput{Name: "Steel Co", Kind: stock.DonorCompany,
			OrgID: f.w.Foundation.ID}))
		must(svc.Stock.Receive(ctx, admin, stock.ReceiptInput{WarehouseID: point.ID, Kind: stock.Donation, DonorID: donor.ID,
			Lines: []stock.Line{{ItemID: c.Kit, Quantity: 5}}}))
		child := f.w.Person(t, f.w.Child("Akhmetova", "Dana", testworld.Day(2017, 4, 1)))
		r := must(svc.Requests.Submit(ctx, admin, requests.Input{CampaignID: c.ID, PersonID: child.ID,
			ApplicantKind: requests.ByParent, ApplicantPhone: "+7 701 555 12 34", Channel: requests.Centre, Locale: "ru",
			Lines: []requests.LineInput{{ItemID: c.Kit}}}))
		for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
			r = must(svc.Requests.Transition(ctx, admin, r.ID, requests.Move{To: to, Version: r.Version}))
		}
		check(t, db.Tx(ctx, func(tx *sql.Tx) error {
			return svc.Stock.Reserve(ctx, tx, []stock.Hold{{RequestID: r.ID, Line: 1, WarehouseID: point.ID, ItemID: c.Kit, Quantity: 1}})
		}))
		must(svc.Requests.Transition(ctx, admin, r.ID, requests.Move{To: requests.Allocated, Version: r.Version}))

		wh, coord := f.token[access.Warehouse], f.token[access.Coordinator]
		day := map[string]any{"campaign_id": c.ID, "warehouse_id": point.ID, "place": "", "whole_point": true,
			"starts_at": testworld.Epoch().Add(time.Hour)}
		if w := f.do(t, "POST", "/api/v1/distribution/events", wh, day); w.Code != 422 {
			t.Fatalf("a day without a place: %d %s", w.Code, w.Body)
		}
		day["place"] = "Gym"
		w := f.do(t, "POST", "/api/v1/distribution/events", wh, day)
		e := decodeAs[distribution.Event](t, w)
		if w.Code != 201 || e.Status != distribution.Planned || !e.EndsAt.Equal(e.StartsAt.Add(8*time.Hour)) {
			t.Fatalf("plan a day: %d %s", w.Code, w.Body)
		}
		base := fmt.Sprintf("/api/v1/distribution/events/%d", e.ID)
		if w = f.do(t, "POST", base+"/status", wh, map[string]any{"to": "open", "version": e.Version}); w.Code != 200 {
			t.Fatalf("open: %d %s", w.Code, w.Body)
		}
		lines := decodeAs[list[distribution.Row]](t, f.do(t, "GET", base+"/lines", wh, nil))
		if len(lines.Items) != 1 || lines.Items[0].Child != "" || lines.Items[0].Reference != r.Reference {
			t.Fatalf("the keeper's list %+v", lines)
		}
		lines = decodeAs[list[distribution.Row]](t, f.do(t, "GET", base+"/lines", coord, nil))
		if len(lines.Items) != 1 || lines.Items[0].Child != "Akhmetova Dana" {
			t.Fatalf("the coordinator's list %+v", lines)
		}
		w = f.do(t, "POST", base+"/codes", wh, map[string]any{"request_id": r.ID})
		if sent := decodeAs[distribution.CodeSent](t, w); w.Code != 201 || sent.SentTo != "…1234" || strings.Contains(w.Body.String(), "code\"") {
			t.Fatalf("send a code: %d %s", w.Code, w.Body)
		}
		m, _ := phone.Last(r.ID)
		// A page with a script, or no base64 at all, as the signature: refused
		// in the caller's language.
		for _, bad := range []string{base64.StdEncoding.EncodeToString([]byte(`<svg onload="alert(1)"/>`)), "%%%"} {
			sig := map[string]any{"request_id": r.ID, "lines": []map[string]any{{"line": 1}}, "proof": "signature",
				"signature": bad}
			w = f.do(t, "POST", base+"/handovers", wh, sig, "Accept-Language", "fa")
			if w.Code != 422 || !strings.Contains(w.Body.String(), "امضا به شکل تصویر نرسید") {
				t.Fatalf("%q as a signature: %d %s", bad, w.Code, w.Body)
			}
		}
		give := map[string]any{"request_id": r.ID, "lines": []map[string]any{{"line": 1}}, "proof": "code", "code": "x"}
		w = f.do(t, "POST", base+"/handovers", wh, give, "Accept-Language", "ru")
		if w.Code != 422 || !strings.Contains(w.Body.String(), "Неверный код; осталось 4 попытки. Ничего не выдано.") {
			t.Fatalf("a wrong code: %d %s", w.Code, w.Body)
		}
		give["code"] = m.Args["Code"]
		w = f.do(t, "POST", base+"/handovers", wh, give)
		h := decodeAs[distribution.Handover](t, w)
		if w.Code != 201 || !h.Delivered || len(h.Lines) != 1 || h.Lines[0].DocID == 0 {
			t.Fatalf("hand over: %d %s", w.Code, w.Body)
		}
		if w = f.do(t, "POST", base+"/handovers", wh, give); w.Code != 422 || !strings.Contains(w.Body.String(), "was handed over already") {
			t.Fatalf("the same line again: %d %s", w.Code, w.Body)
		}
		back := fmt.Sprintf("/api/v1/distribution/handovers/%d/return", h.ID)
		if w = f.do(t, "POST", back, f.token[access.Operator], map[string]any{"line": 1}); w.Code != 403 {
			t.Fatalf("an operator took stock back: %d", w.Code)
		}
		w = f.do(t, "POST", back, wh, map[string]any{"line": 1, "note": "wrong size"})
		if ret := decodeAs[distribution.Returned](t, w); w.Code != 200 || !ret.Undelivered {
			t.Fatalf("take back: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "POST", back, wh, map[string]any{"line": 1}, "Accept-Language", "fa")
		if w.Code != 409 || !strings.Contains(w.Body.String(), "پس گرفته شده است") {
			t.Fatalf("taken back twice: %d %s", w.Code, w.Body)
		}
		if w = f.do(t, "GET", "/api/v1/distribution/events", f.token[access.Sponsor], nil); w.Code != 403 {
			t.Fatalf("a sponsor read the days: %d", w.Code)
		}
	})
}
