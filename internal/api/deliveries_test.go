package api

import (
	"fmt"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/deliveries"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

// The board and a centre's confirmation through the API: a centre's staff
// see their own delivery, another centre's staff are refused in their
// language, more than was sent is refused, and a shortfall is kept.
func TestDeliveriesThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx, w := t.Context(), f.w
		coord := w.Principal(access.Coordinator)
		var kit int64
		check(t, db.R.QueryRow("SELECT id FROM aid_items WHERE code = 'primary_kit'").Scan(&kit))
		adapt := w.Org(t, orgs.Input{Name: "Adaptation centre", Type: orgs.AdaptationCentre, ParentID: w.Foundation.ID,
			RegionCode: "KZ-75"})
		for i, org := range []int64{w.Centre.ID, w.Centre.ID, w.Centre.ID, adapt.ID} {
			in := w.Child("Pupil", string(rune('A'+i)), testworld.Day(2017, 1, 1))
			in.OrgID, in.Grade = org, 2
			w.Person(t, in)
		}
		wh := must(f.svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "C", Name: "Central",
			Kind: stock.Store, OrgID: w.Foundation.ID, RegionCode: "KZ-75", Active: true}))
		donor := must(f.svc.Stock.CreateDonor(ctx, access.System, stock.DonorInput{Name: "D", Kind: stock.DonorCompany,
			OrgID: w.Foundation.ID}))
		must(f.svc.Stock.Receive(ctx, access.System, stock.ReceiptInput{WarehouseID: wh.ID, Kind: stock.Donation,
			DonorID: donor.ID, Lines: []stock.Line{{ItemID: kit, Quantity: 10}}}))
		c := must(f.svc.Campaigns.Create(ctx, coord, campaign.Input{Slug: "bp", Programme: campaign.Delivery,
			OrganiserID: w.Foundation.ID, StartsOn: testworld.Day(2026, 7, 1), EndsOn: testworld.Day(2026, 9, 30),
			Texts: []campaign.Text{{Locale: "en", Name: "Backpacks"}}, RegionCodes: []string{"KZ-75"},
			Items: []campaign.Offered{{Code: "primary_kit", Target: 10}}}))
		plan := must(f.svc.Deliveries.Plan(ctx, coord, deliveries.PlanInput{CampaignID: c.ID, WarehouseID: wh.ID,
			DueOn: testworld.Day(2026, 9, 10), Types: []orgs.Type{orgs.SupportCentre, orgs.AdaptationCentre},
			Lines: []deliveries.LineInput{{ItemID: kit, Rule: deliveries.PerPupil, GradeMin: 1, GradeMax: 4, PerPupil: 1}}}))
		var centre deliveries.Delivery
		for _, d := range plan.Deliveries {
			if d.OrgID == w.Centre.ID {
				centre = d
			}
		}
		centre = must(f.svc.Deliveries.Dispatch(ctx, coord, deliveries.DispatchInput{ID: centre.ID, Version: centre.Version}))

		staff := f.newToken(t, f.user(t, accounts.NewUser{Email: "centre@example.org", Name: "Centre", Role: access.SchoolStaff,
			OrgID: w.Centre.ID}))
		other := f.newToken(t, f.user(t, accounts.NewUser{Email: "adapt@example.org", Name: "Adapt", Role: access.SchoolStaff,
			OrgID: adapt.ID}))
		r := f.do(t, "GET", "/api/v1/deliveries", staff, nil)
		mine := decodeAs[list[deliveries.Delivery]](t, r)
		if r.Code != 200 || len(mine.Items) != 1 || mine.Items[0].ID != centre.ID || mine.Items[0].Risk == nil ||
			*mine.Items[0].Risk != deliveries.InTransit {
			t.Fatalf("the centre's board: %d %s", r.Code, r.Body)
		}
		r = f.do(t, "GET", fmt.Sprintf("/api/v1/deliveries?campaign_id=%d", c.ID), f.token[access.Coordinator], nil)
		if all := decodeAs[list[deliveries.Delivery]](t, r); r.Code != 200 || len(all.Items) != 2 {
			t.Fatalf("the campaign's board: %d %s", r.Code, r.Body)
		}
		if r = f.do(t, "GET", "/api/v1/deliveries", f.token[access.Sponsor], nil); r.Code != 403 {
			t.Fatalf("a sponsor read the board: %d", r.Code)
		}
		confirm := fmt.Sprintf("/api/v1/deliveries/%d/confirm", centre.ID)
		short := map[string]any{"version": centre.Version,
			"lines": []map[string]any{{"line": 1, "quantity": 2, "reason": "damaged", "note": "a torn box"}}}
		r = f.do(t, "POST", confirm, other, short, "Accept-Language", "ru")
		if p := decodeAs[problem](t, r); r.Code != 403 ||
			p.Detail != "Подтвердить получение может только персонал учреждения-получателя. Ничего не записано." {
			t.Fatalf("another centre's staff: %d %s", r.Code, r.Body)
		}
		if r = f.do(t, "POST", confirm, f.token[access.Coordinator], short); r.Code != 403 {
			t.Fatalf("a coordinator confirmed: %d", r.Code)
		}
		r = f.do(t, "POST", confirm, staff, map[string]any{"version": centre.Version,
			"lines": []map[string]any{{"line": 1, "quantity": 4}}}, "Accept-Language", "fr")
		if p := decodeAs[problem](t, r); r.Code != 422 || len(p.Errors) != 1 || p.Errors[0].Field != "lines.1.quantity" ||
			p.Errors[0].Message != "Plus que ce qui a été envoyé : 3 expédiés. Recomptez ; rien n’a été enregistré." {
			t.Fatalf("more than sent: %d %s", r.Code, r.Body)
		}
		r = f.do(t, "POST", confirm, staff, short)
		if d := decodeAs[deliveries.Delivery](t, r); r.Code != 200 || d.Status != deliveries.Confirmed || d.Shortfall != 1 ||
			d.Lines[0].Reason != deliveries.Damaged {
			t.Fatalf("confirmed: %d %s", r.Code, r.Body)
		}
		if r = f.do(t, "GET", fmt.Sprintf("/api/v1/deliveries/%d", centre.ID), other, nil); r.Code != 404 {
			t.Fatalf("another centre read the delivery: %d", r.Code)
		}
	})
}

// Volunteers, tasks and a device's story through the API: a volunteer
// sees the task given to them and reports it done; the story names the
// child to the coordinator only.
func TestAftercareThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx, w := t.Context(), f.w
		coord, token := w.Principal(access.Coordinator), f.token[access.Coordinator]
		var pc int64
		check(t, db.R.QueryRow("SELECT id FROM aid_items WHERE code = 'computer'").Scan(&pc))
		point := must(f.svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "P", Name: "Point",
			Kind: stock.DistributionPoint, OrgID: w.Centre.ID, RegionCode: "KZ-75", Active: true}))
		donor := must(f.svc.Stock.CreateDonor(ctx, access.System, stock.DonorInput{Name: "D", Kind: stock.DonorCompany,
			OrgID: w.Foundation.ID}))
		must(f.svc.Stock.Receive(ctx, access.System, stock.ReceiptInput{WarehouseID: point.ID, Kind: stock.Donation,
			DonorID: donor.ID, Lines: []stock.Line{{ItemID: pc, Serials: []string{"SN-1"}}}}))
		cid := int64(0)
		check(t, db.W.QueryRow(store.Rebind(db.Engine, `INSERT INTO campaigns (slug, programme, organiser_id, org_path, starts_on,
			ends_on, status, created_at, updated_at) VALUES ('pc', 'devices', $1, $2, $3, $4, 'open', $5, $5) RETURNING id`),
			w.Foundation.ID, w.Foundation.Path, testworld.Day(2026, 1, 1), testworld.Day(2026, 12, 31), testworld.Epoch()).Scan(&cid))
		check(t, db.W.QueryRow(store.Rebind(db.Engine, "INSERT INTO campaign_items (campaign_id, item_id, target) VALUES ($1, $2, 5) RETURNING item_id"),
			cid, pc).Scan(new(int64)))
		in := w.Child("Nurly", "Aru", testworld.Day(2012, 1, 1))
		in.OrgID = w.Centre.ID // the keeper's, who hands it over
		kid := w.Person(t, in)
		req := must(f.svc.Requests.Submit(ctx, coord, requests.Input{CampaignID: cid, PersonID: kid.ID,
			ApplicantKind: requests.ByParent, ApplicantName: "P", Channel: requests.Centre, Locale: "en",
			Lines: []requests.LineInput{{ItemID: pc, Quantity: 1}}, Via: "web"}))
		for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
			req = must(f.svc.Requests.Transition(ctx, coord, req.ID, requests.Move{To: to, Version: req.Version, Via: "web"}))
		}
		must(f.svc.Stock.Issue(ctx, w.Principal(access.Warehouse), stock.IssueInput{WarehouseID: point.ID, RequestID: req.ID,
			Line: 1, Serials: []string{"SN-1"}}))
		if _, _, err := f.svc.Aftercare.Sync(ctx); err != nil {
			t.Fatal(err)
		}

		r := f.do(t, "POST", "/api/v1/volunteers", token, map[string]any{"name": "Timur", "phone": "+7 701 000 11 22",
			"skills": []string{"software"}, "region_code": "KZ-75", "org_id": w.Foundation.ID,
			"user_id": w.Users[access.Volunteer].ID, "active": true})
		v := decodeAs[aftercare.Volunteer](t, r)
		if r.Code != 201 || v.UserID != w.Users[access.Volunteer].ID || len(v.Skills) != 1 {
			t.Fatalf("volunteer: %d %s", r.Code, r.Body)
		}
		r = f.do(t, "POST", "/api/v1/volunteers", token, map[string]any{"name": "No contact", "region_code": "KZ-75",
			"org_id": w.Foundation.ID}, "Accept-Language", "ru")
		if p := decodeAs[problem](t, r); r.Code != 422 || len(p.Errors) != 1 ||
			p.Errors[0].Message != "Укажите телефон или адрес электронной почты, или то и другое." {
			t.Fatalf("a volunteer without a contact: %d %s", r.Code, r.Body)
		}
		r = f.do(t, "PUT", fmt.Sprintf("/api/v1/volunteers/%d", v.ID), token, map[string]any{"version": v.Version,
			"name": "Timur A.", "phone": v.Phone, "skills": []string{"software", "training"}, "region_code": "KZ-75",
			"org_id": w.Foundation.ID, "user_id": v.UserID, "active": true})
		if u := decodeAs[aftercare.Volunteer](t, r); r.Code != 200 || u.Name != "Timur A." || len(u.Skills) != 2 {
			t.Fatalf("update: %d %s", r.Code, r.Body)
		}
		r = f.do(t, "GET", "/api/v1/tasks?kind=install", token, nil)
		tasks := decodeAs[list[aftercare.Task]](t, r)
		if r.Code != 200 || len(tasks.Items) != 1 || tasks.Items[0].Serial != "SN-1" {
			t.Fatalf("tasks: %d %s", r.Code, r.Body)
		}
		task := tasks.Items[0]
		r = f.do(t, "POST", fmt.Sprintf("/api/v1/tasks/%d/assign", task.ID), token, map[string]any{"version": task.Version,
			"volunteer_id": v.ID, "due_on": "2026-09-05"})
		if a := decodeAs[aftercare.Task](t, r); r.Code != 200 || a.Status != aftercare.Assigned ||
			!a.DueOn.Equal(time.Date(2026, 9, 5, 0, 0, 0, 0, time.UTC)) {
			t.Fatalf("assign: %d %s", r.Code, r.Body)
		}
		vol := f.token[access.Volunteer]
		r = f.do(t, "GET", "/api/v1/my/tasks", vol, nil)
		my := decodeAs[list[aftercare.Task]](t, r)
		if r.Code != 200 || len(my.Items) != 1 || my.Items[0].ID != task.ID {
			t.Fatalf("my tasks: %d %s", r.Code, r.Body)
		}
		r = f.do(t, "POST", fmt.Sprintf("/api/v1/my/tasks/%d/report", task.ID), vol, map[string]any{
			"version": my.Items[0].Version, "done": true, "minutes": 75, "note": "installed"})
		if d := decodeAs[aftercare.Task](t, r); r.Code != 200 || d.Status != aftercare.Done || d.Minutes != 75 {
			t.Fatalf("report: %d %s", r.Code, r.Body)
		}
		if r = f.do(t, "GET", "/api/v1/tasks", vol, nil); r.Code != 403 {
			t.Fatalf("a volunteer read the queue: %d", r.Code)
		}
		r = f.do(t, "GET", "/api/v1/devices/sn-1", token, nil)
		st := decodeAs[aftercare.Story](t, r)
		if r.Code != 200 || st.Child != "Nurly Aru" || len(st.Events) != 2 || len(st.Tasks) != 3 || st.SetupMinutes != 75 {
			t.Fatalf("the story for the coordinator: %d %s", r.Code, r.Body)
		}
		r = f.do(t, "GET", "/api/v1/devices/SN-1", f.token[access.Warehouse], nil)
		if st := decodeAs[aftercare.Story](t, r); r.Code != 200 || st.Child != "" || st.Handover == nil {
			t.Fatalf("the story for the warehouse: %d %s", r.Code, r.Body)
		}
		if r = f.do(t, "GET", "/api/v1/devices/SN-1", f.token[access.Sponsor], nil); r.Code != 403 {
			t.Fatalf("a sponsor read a device: %d", r.Code)
		}
	})
}
