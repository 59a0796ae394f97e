package distribution_test

import (
	"errors"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/testworld"
)

// Planning an event: what is refused, the moves of its status, an edit
// on a stale version, and who sees it.
func TestEventPlanMoveAndScope(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		ok := distribution.EventInput{CampaignID: f.campaign.ID, WarehouseID: f.point.ID, Place: "Gym",
			StartsAt: testworld.Epoch(), OrgIDs: []int64{w.School.ID, w.School.ID}, StaffIDs: []int64{w.Users[access.Warehouse].ID}}
		for _, tc := range []struct {
			name, field, want string
			edit              func(in *distribution.EventInput)
		}{
			{"no place", "place", "error.required", func(in *distribution.EventInput) { in.Place = " " }},
			{"no start", "starts_at", "error.required", func(in *distribution.EventInput) { in.StartsAt = time.Time{} }},
			{"ends before it starts", "ends_at", "error.event_ends_before", func(in *distribution.EventInput) { in.EndsAt = in.StartsAt.Add(-1) }},
			{"unknown campaign", "campaign_id", "error.event_campaign_unknown", func(in *distribution.EventInput) { in.CampaignID = 9999 }},
			{"unknown warehouse", "warehouse_id", "error.stock_warehouse_unknown", func(in *distribution.EventInput) { in.WarehouseID = 9999 }},
			{"unknown school", "org_ids", "error.unknown_org", func(in *distribution.EventInput) { in.OrgIDs = []int64{9999} }},
			{"unknown staff", "staff_ids", "error.event_staff_unknown", func(in *distribution.EventInput) { in.StaffIDs = []int64{9999} }},
		} {
			in := ok
			tc.edit(&in)
			_, err := f.d.CreateEvent(f.ctx, f.coord, in)
			if e := errsOf(err); e == nil || len(e.Fields) != 1 || e.Fields[0].Field != tc.field || e.Fields[0].Key != tc.want {
				t.Errorf("%s: %v", tc.name, err)
			}
		}
		e, err := f.d.CreateEvent(f.ctx, f.coord, ok) // School №1 is out of the warehouse keeper's reach
		must(t, err)
		if e.Status != distribution.Planned || len(e.Orgs) != 1 || e.Orgs[0].Name != "School №1" || len(e.Staff) != 1 ||
			!e.EndsAt.Equal(e.StartsAt.Add(8*time.Hour)) {
			t.Fatalf("event %+v", e)
		}
		if _, err := f.d.SetStatus(f.ctx, f.wh, e.ID, e.Version+1, distribution.Open); key(err) != "error.event_changed" {
			t.Fatalf("a stale version: %v", err)
		}
		if _, err := f.d.SetStatus(f.ctx, f.wh, e.ID, e.Version, distribution.Planned); key(err) != "error.event_move" {
			t.Fatalf("planned to planned: %v", err)
		}
		for _, to := range []distribution.Status{distribution.Open, distribution.Closed, distribution.Open} {
			if e, err = f.d.SetStatus(f.ctx, f.wh, e.ID, e.Version, to); err != nil || e.Status != to {
				t.Fatalf("move to %s: %v", to, err)
			}
		}
		in := ok
		in.Place, in.Version, in.WholePoint = "Hall", e.Version, true
		if e, err = f.d.UpdateEvent(f.ctx, f.coord, e.ID, in); err != nil || e.Place != "Hall" || len(e.Orgs) != 0 || !e.WholePoint {
			t.Fatalf("edit: %+v %v", e, err)
		}
		if _, err := f.d.UpdateEvent(f.ctx, f.coord, e.ID, in); key(err) != "error.event_changed" {
			t.Fatalf("an edit on a stale version: %v", err)
		}
		// Who sees the events: the auditor reads, the stranger and the
		// sponsor do not; the auditor may not change one.
		for _, tc := range []struct {
			p    access.Principal
			want int
			err  string
		}{{f.coord, 2, ""}, {w.Principal(access.Auditor), 2, ""}, {w.Stranger.Principal(), 0, ""},
			{w.Principal(access.Sponsor), 0, "error.forbidden"}, {w.Principal(access.Volunteer), 0, "error.forbidden"}} {
			list, err := f.d.Events(f.ctx, tc.p, distribution.Filter{})
			if len(list) != tc.want || key(err) != tc.err {
				t.Errorf("%s sees %d events (%v)", tc.p.Role, len(list), err)
			}
		}
		if _, err := f.d.Event(f.ctx, w.Stranger.Principal(), e.ID); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("the stranger opened the event: %v", err)
		}
		if _, err := f.d.SetStatus(f.ctx, w.Principal(access.Auditor), e.ID, e.Version, distribution.Closed); key(err) != "error.forbidden" {
			t.Fatalf("the auditor closed the event: %v", err)
		}
		if n := f.scalar(t, "SELECT count(*) FROM audit_log WHERE entity = 'distribution_event'"); n != 7 {
			t.Fatalf("%d changes of events audited, want 7", n)
		}
	})
}
