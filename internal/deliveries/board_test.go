package deliveries_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/deliveries"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/testworld"
)

// The board puts what needs someone first: overdue, then not dispatched
// with the deadline near, dispatched, awaiting the centre's confirmation,
// on schedule, confirmed short, confirmed, cancelled — each by deadline —
// and its cursor pages through exactly that order.
func TestBoardPutsDeliveriesAtRiskFirst(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.stockUp(t, f.kit, 100)
		names := []string{"Overdue planned", "Overdue dispatched", "Soon", "In transit", "Arrived", "Later",
			"Short", "Full", "Dropped"}
		for i, n := range names {
			o := w.Org(t, orgs.Input{Name: n, Type: orgs.SupportCentre, ParentID: w.Foundation.ID, RegionCode: "KZ-75"})
			f.pupil(t, o.ID, 2, 20+i)
		}
		byName := map[string]deliveries.Delivery{}
		for _, d := range f.planned(t) {
			byName[d.OrgName] = d
		}
		day := testworld.Day // the clock stands at 1 September 2026
		move := func(name string, due time.Time, steps ...string) {
			t.Helper()
			d := byName[name]
			var err error
			if !due.IsZero() {
				d, err = f.s.Reschedule(f.ctx, f.coord, d.ID, d.Version, due)
				must(t, err)
			}
			for _, s := range steps {
				switch s {
				case "dispatch":
					d, err = f.s.Dispatch(f.ctx, f.coord, deliveries.DispatchInput{ID: d.ID, Version: d.Version})
				case "deliver":
					d, err = f.s.MarkDelivered(f.ctx, f.coord, d.ID, d.Version)
				case "short":
					d, err = f.s.Confirm(f.ctx, f.staffOf(t, d.OrgID), deliveries.ConfirmInput{ID: d.ID, Version: d.Version,
						Lines: []deliveries.Receipt{{Line: 1, Quantity: 0, Reason: deliveries.Damaged}}})
				case "full":
					d, err = f.s.Confirm(f.ctx, f.staffOf(t, d.OrgID), deliveries.ConfirmInput{ID: d.ID, Version: d.Version})
				case "cancel":
					d, err = f.s.Cancel(f.ctx, f.coord, d.ID, d.Version, "not needed")
				}
				must(t, err)
			}
			byName[name] = d
		}
		move("Overdue planned", day(2026, 8, 25))
		move("Overdue dispatched", day(2026, 8, 30), "dispatch")
		move("Soon", day(2026, 9, 5))
		move("In transit", day(2026, 9, 4), "dispatch")
		move("Arrived", time.Time{}, "dispatch", "deliver")
		move("Later", time.Time{})
		move("Short", day(2026, 8, 20), "dispatch", "short")
		move("Full", time.Time{}, "dispatch", "full")
		move("Dropped", time.Time{}, "cancel")
		// The world's own centres (due 20 September, planned) sit with Later.
		want := []string{"Overdue planned", "Overdue dispatched", "Soon", "In transit", "Arrived",
			"Adaptation centre", "Later", "Support centre", "Short", "Full", "Dropped"}
		wantRisk := []deliveries.Risk{deliveries.Overdue, deliveries.Overdue, deliveries.DueSoon, deliveries.InTransit,
			deliveries.AwaitingReceipt, deliveries.OnSchedule, deliveries.OnSchedule, deliveries.OnSchedule,
			deliveries.Short, deliveries.Done, deliveries.Dropped}
		filter := deliveries.BoardFilter{CampaignID: f.campaign.ID}
		whole, next, err := f.s.Board(f.ctx, f.coord, filter, deliveries.Page{Limit: 50})
		must(t, err)
		if got := orgNames(whole); !slices.Equal(got, want) || next != "" {
			t.Fatalf("the board reads\n%v\nwant\n%v (next %q)", got, want, next)
		}
		for i, d := range whole {
			if *d.Risk != wantRisk[i] {
				t.Fatalf("%s is %v, want %v", d.OrgName, *d.Risk, wantRisk[i])
			}
		}
		var paged []deliveries.Delivery
		cursor := ""
		for range 10 {
			page, next, err := f.s.Board(f.ctx, f.coord, filter, deliveries.Page{Limit: 3, Cursor: cursor})
			must(t, err)
			paged = append(paged, page...)
			if cursor = next; next == "" {
				break
			}
		}
		if got := orgNames(paged); !slices.Equal(got, want) {
			t.Fatalf("paged by three the board reads\n%v\nwant\n%v", got, want)
		}
		jumped, _, err := f.s.Board(f.ctx, f.coord, filter, deliveries.Page{Limit: 3, Skip: 3})
		must(t, err)
		if got := orgNames(jumped); !slices.Equal(got, want[3:6]) {
			t.Fatalf("page two reads %v", got)
		}
		counts, err := f.s.BoardCounts(f.ctx, f.coord, filter)
		must(t, err)
		wantCounts := map[deliveries.Risk]int{deliveries.Overdue: 2, deliveries.DueSoon: 1, deliveries.InTransit: 1,
			deliveries.AwaitingReceipt: 1, deliveries.OnSchedule: 3, deliveries.Short: 1, deliveries.Done: 1,
			deliveries.Dropped: 1}
		if fmt.Sprint(counts) != fmt.Sprint(wantCounts) {
			t.Fatalf("counts %v, want %v", counts, wantCounts)
		}
		// Without a campaign the board holds what is still open.
		open, _, err := f.s.Board(f.ctx, f.coord, deliveries.BoardFilter{}, deliveries.Page{})
		must(t, err)
		if got := orgNames(open); !slices.Equal(got, want[:8]) {
			t.Fatalf("the open board reads %v", got)
		}
		// On 1 October every one not yet delivered is overdue, by deadline.
		late, _, err := f.s.Board(f.ctx, f.coord, deliveries.BoardFilter{Today: day(2026, 10, 1)}, deliveries.Page{})
		must(t, err)
		if len(late) != 8 || late[3].OrgName != "Soon" || *late[6].Risk != deliveries.Overdue ||
			late[7].OrgName != "Arrived" || *late[7].Risk != deliveries.AwaitingReceipt {
			t.Fatalf("on 1 October %v", orgNames(late))
		}
		// A centre's staff see their own delivery alone.
		mine, _, err := f.s.Board(f.ctx, f.staff, filter, deliveries.Page{})
		must(t, err)
		if got := orgNames(mine); !slices.Equal(got, []string{"Support centre"}) {
			t.Fatalf("the Support centre's board %v", got)
		}
		if bad := deliveries.ParseCursor("x.2026-01-01.1"); bad.ID != 0 {
			t.Fatalf("a bad cursor read as %+v", bad)
		}
		if c := (deliveries.Cursor{Risk: 2, DueOn: day(2026, 8, 30), ID: 17}); deliveries.ParseCursor(c.String()) != c {
			t.Fatalf("cursor %q read back as %+v", c.String(), deliveries.ParseCursor(c.String()))
		}
	})
}

func orgNames(ds []deliveries.Delivery) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.OrgName)
	}
	return out
}
