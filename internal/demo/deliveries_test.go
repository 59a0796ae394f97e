package demo_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/deliveries"
	"github.com/jolproject/jol/internal/demo"
)

// The demo's deliveries go to every one of Karaganda region's 18
// children-support and 10 adaptation centres (the hotline, typed as a
// support centre, has no children and is passed over), in every state of
// the board, with shortfalls; volunteers set up the computers handed over
// in Astana. Seeding twice adds nothing.
func TestDemoDeliveriesAndAftercare(t *testing.T) {
	_, svc := seeded(t)
	if _, err := demo.Seed(ctx, svc, demo.Options{Now: now}); err != nil { // a second seed
		t.Fatal(err)
	}
	all, _, err := svc.Deliveries.Board(ctx, access.System, deliveries.BoardFilter{All: true, Today: now()},
		deliveries.Page{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	types, risks, short := map[string]int{}, map[deliveries.Risk]int{}, 0
	for _, d := range all {
		types[d.OrgType]++
		risks[*d.Risk]++
		if d.Shortfall > 0 {
			short++
		}
	}
	if len(all) != 28 || types["support_centre"] != 18 || types["adaptation_centre"] != 10 {
		t.Fatalf("%d deliveries: %v", len(all), types)
	}
	for _, r := range []deliveries.Risk{deliveries.Overdue, deliveries.DueSoon, deliveries.InTransit,
		deliveries.AwaitingReceipt, deliveries.OnSchedule, deliveries.Short, deliveries.Done} {
		if risks[r] == 0 {
			t.Errorf("no delivery %s: %v", r, risks)
		}
	}
	if short != 2 {
		t.Errorf("%d deliveries with a shortfall, want 2", short)
	}
	n, err := svc.Aftercare.VolunteersCount(ctx, access.System, aftercare.VolunteerFilter{})
	if err != nil || n.N < 12 {
		t.Fatalf("%d volunteers (%v)", n.N, err)
	}
	tasks, _, err := svc.Aftercare.Queue(ctx, access.System, aftercare.QueueFilter{Status: aftercare.Done}, aftercare.Page{})
	if err != nil || len(tasks) < 2 {
		t.Fatalf("%d tasks done (%v)", len(tasks), err)
	}
	u, err := svc.Accounts.LookupEmail(ctx, demo.Email("volunteer"))
	if err != nil {
		t.Fatal(err)
	}
	mine, v, err := svc.Aftercare.MyTasks(ctx, u.Principal(), "")
	if err != nil || v.Name != "Timur Akhmetov" || len(mine) != 2 {
		t.Fatalf("Timur's tasks: %d as %q (%v)", len(mine), v.Name, err)
	}
	r, err := svc.Stock.Verify(ctx)
	if err != nil || len(r.Mismatches) != 0 {
		t.Fatalf("verify: %+v %v", r, err)
	}
	// Dala Trade's backpacks went into kits handed over, its computers to
	// pupils: its login sees where they went.
	su, err := svc.Accounts.LookupEmail(ctx, demo.Email("sponsor"))
	if err != nil {
		t.Fatal(err)
	}
	dala, err := svc.Sponsors.Mine(ctx, su.Principal())
	if err != nil {
		t.Fatal(err)
	}
	imp, err := svc.Sponsors.Impact(ctx, su.Principal(), dala.ID, 0)
	if err != nil || len(imp.Lines) == 0 || imp.Children == 0 {
		t.Fatalf("Dala Trade's impact: %+v %v", imp, err)
	}
}
