package demo_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/oosrun"
)

// The demo's Qazvin lists are imported and run once when the demo loads:
// about 4 % of the school-age children are flagged, in every category
// and visibility, each with a case; seeding again runs nothing more.
func TestDemoOutOfSchoolRun(t *testing.T) {
	_, svc := seeded(t)
	runs, err := svc.OOS.Runs(ctx, access.System, 10)
	if err != nil || len(runs) != 1 || runs[0].Status != "done" {
		t.Fatalf("runs %+v %v", runs, err)
	}
	res := runs[0].Result
	t.Logf("%+v", res)
	share := float64(res.Flagged) / float64(res.SchoolAge)
	if res.Flagged < 100 || share < 0.03 || share > 0.05 || res.Created != res.Flagged {
		t.Errorf("flagged %d of %d school-age children (%.3f), %d cases made", res.Flagged, res.SchoolAge, share, res.Created)
	}
	for _, k := range []string{"never_enrolled", "dropped_out"} {
		if res.ByCategory[k] == 0 {
			t.Errorf("no child %s", k)
		}
	}
	for _, k := range []string{"visible", "semi_invisible", "invisible"} {
		if res.ByVisibility[k] == 0 {
			t.Errorf("no child %s", k)
		}
	}
	kids, err := svc.OOS.Flags(ctx, access.System, runs[0].ID, oosrun.After{}, 5)
	if err != nil || len(kids) == 0 || !strings.Contains(kids[0].Why, "فهرست") {
		t.Errorf("the why lines are not in Persian: %+v %v", kids, err)
	}
	lists, err := svc.OOS.Lists(ctx, access.System, oosrun.Enrolment)
	if err != nil || len(lists) != 8 {
		t.Errorf("enrolment lists %d %v", len(lists), err)
	}
	if _, err := demo.Seed(ctx, svc, demo.Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	if again, _ := svc.OOS.Runs(ctx, access.System, 10); len(again) != 1 {
		t.Errorf("seeding again: %d runs", len(again))
	}
}
