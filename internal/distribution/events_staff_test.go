package distribution_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/testworld"
)

// An event's staff are those its planner may name: a user of another
// organisation, or one who does not work distribution days, is refused as
// unknown, so an event never shows the name of a user out of the
// planner's reach. Staff named by a coordinator above stay when the
// point's own warehouse keeper edits the event.
func TestEventStaffWithinThePlannersReach(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		in := distribution.EventInput{CampaignID: f.campaign.ID, WarehouseID: f.point.ID, Place: "Gym",
			StartsAt: testworld.Epoch(), WholePoint: true}
		for _, tc := range []struct {
			who   string
			p     access.Principal
			staff int64
		}{
			{"the Tehran coordinator", f.wh, w.Stranger.ID},
			{"the foundation's coordinator, above the point", f.wh, w.Users[access.Coordinator].ID},
			{"a sponsor", f.coord, w.Users[access.Sponsor].ID},
			{"a mentor", f.coord, w.Users[access.Mentor].ID},
		} {
			bad := in
			bad.StaffIDs = []int64{w.Users[access.Warehouse].ID, tc.staff}
			if _, err := f.d.CreateEvent(f.ctx, tc.p, bad); key(err) != "error.event_staff_unknown" {
				t.Errorf("%s named as staff: %v", tc.who, err)
			}
		}
		named := in
		named.StaffIDs = []int64{w.Users[access.Coordinator].ID, w.Users[access.Warehouse].ID}
		e, err := f.d.CreateEvent(f.ctx, f.coord, named)
		must(t, err)
		if len(e.Staff) != 2 {
			t.Fatalf("staff named by the coordinator: %+v", e.Staff)
		}
		named.Version, named.Place = e.Version, "Hall"
		if e, err = f.d.UpdateEvent(f.ctx, f.wh, e.ID, named); err != nil || len(e.Staff) != 2 || e.Place != "Hall" {
			t.Fatalf("the warehouse keeper's edit keeping the staff: %+v %v", e, err)
		}
		named.Version, named.StaffIDs = e.Version, append(named.StaffIDs, w.Stranger.ID)
		if _, err := f.d.UpdateEvent(f.ctx, f.wh, e.ID, named); key(err) != "error.event_staff_unknown" {
			t.Fatalf("the Tehran coordinator added on an edit: %v", err)
		}
	})
}

// A day is planned only for a campaign its planner sees: the Tehran
// coordinator, at Tehran's own warehouse, cannot plan one of the
// foundation's campaign (so cannot try the campaign's request numbers on
// its list either); the campaign is refused as unknown.
func TestEventOfAnotherOrganisationsCampaign(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		teh, err := w.Services.Stock.CreateWarehouse(f.ctx, access.System, stock.WarehouseInput{Code: "TEH", Name: "Tehran",
			Kind: stock.Store, OrgID: w.Tehran.ID, Active: true})
		must(t, err)
		in := distribution.EventInput{CampaignID: f.campaign.ID, WarehouseID: teh.ID, Place: "Hall",
			StartsAt: testworld.Epoch(), WholePoint: true}
		if _, err := f.d.CreateEvent(f.ctx, w.Stranger.Principal(), in); key(err) != "error.event_campaign_unknown" {
			t.Fatalf("the Tehran coordinator plans a day of the foundation's campaign: %v", err)
		}
		in.WarehouseID = f.point.ID
		if _, err := f.d.CreateEvent(f.ctx, f.wh, in); err != nil {
			t.Fatalf("the point's warehouse keeper plans a day of the campaign: %v", err)
		}
	})
}

// An event's schools and centres are organisations of its planner's
// subtree: the foundation's coordinator may not name the Tehran charity,
// nor the support centre's warehouse keeper School №1, a sibling; each is
// refused as unknown and nothing is written. A school named by the
// coordinator stays when the warehouse keeper edits the event, but may
// not be added by them.
func TestEventSchoolsWithinThePlannersReach(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		in := distribution.EventInput{CampaignID: f.campaign.ID, WarehouseID: f.point.ID, Place: "Gym",
			StartsAt: testworld.Epoch()}
		events := func() int64 { return f.scalar(t, "SELECT COUNT(*) FROM distribution_events") }
		before := events()
		for _, tc := range []struct {
			who string
			p   access.Principal
			org int64
		}{
			{"the foundation's coordinator names the Tehran charity", f.coord, w.Tehran.ID},
			{"the centre's warehouse keeper names School №1", f.wh, w.School.ID},
		} {
			bad := in
			bad.OrgIDs = []int64{w.Centre.ID, tc.org}
			if _, err := f.d.CreateEvent(f.ctx, tc.p, bad); key(err) != "error.unknown_org" {
				t.Errorf("%s: %v", tc.who, err)
			}
		}
		if n := events(); n != before {
			t.Fatalf("%d events after refusals, %d before", n, before)
		}
		named := in
		named.OrgIDs = []int64{w.School.ID}
		e, err := f.d.CreateEvent(f.ctx, f.coord, named)
		must(t, err)
		named.Version, named.Place = e.Version, "Hall"
		if e, err = f.d.UpdateEvent(f.ctx, f.wh, e.ID, named); err != nil || len(e.Orgs) != 1 || e.Place != "Hall" {
			t.Fatalf("the warehouse keeper's edit keeping School №1: %+v %v", e, err)
		}
		named.Version, named.Place, named.OrgIDs = e.Version, "Yard", []int64{w.School.ID, w.Tehran.ID}
		if _, err := f.d.UpdateEvent(f.ctx, f.wh, e.ID, named); key(err) != "error.unknown_org" {
			t.Fatalf("the Tehran charity added on an edit: %v", err)
		}
		got, err := f.d.Event(f.ctx, f.coord, e.ID)
		must(t, err)
		if got.Place != "Hall" || len(got.Orgs) != 1 || got.Orgs[0].ID != w.School.ID {
			t.Fatalf("the refused edit changed the event: %+v", got)
		}
	})
}
