package selection_test

import (
	"fmt"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/testworld"
)

// TestForYouth shows a candidate their score, then their place once
// ranked, whether they may appeal and their appeal once filed; others
// see nothing of the selection.
func TestForYouth(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		svc, coord := w.Services.Selection, w.Principal(access.Coordinator)
		sel, err := svc.Create(ctx, coord, selection.Input{Name: "School of young leaders 2026", OrgID: w.Foundation.ID,
			Places: 6, QuotaMode: selection.Fixed, Quotas: six, TieRule: selection.RegisteredFirst, AppealDays: 3})
		check(t, err)
		first := youngPerson(t, w, w.Foundation, "KZ-75", "Abenova", true)
		second := youngPerson(t, w, w.Foundation, "KZ-75", "Bekova", true)
		third := youngPerson(t, w, w.Foundation, "KZ-75", "Dauletova", true)
		outside := youngPerson(t, w, w.Foundation, "KZ-75", "Ermekova", true)
		for i, y := range []int64{first, second, third} {
			check(t, svc.Enter(ctx, coord, sel.ID, selection.Score{Round: "Almaty case championship", YouthID: y,
				Score: float64(90 - 10*i), Rank: i + 1}))
		}
		today := w.Clock.Now()
		st, err := svc.ForYouth(ctx, third)
		check(t, err)
		if len(st) != 1 || st[0].Score != 70 || st[0].Round != "Almaty case championship" || st[0].Ranked || st[0].Appealable(today) {
			t.Fatalf("collecting: %+v", st)
		}
		_, err = svc.Rank(ctx, coord, sel.ID)
		check(t, err)
		_, err = svc.OpenAppeals(ctx, coord, sel.ID)
		check(t, err)
		st, err = svc.ForYouth(ctx, third)
		check(t, err)
		if !st[0].Ranked || st[0].Position != 3 || !st[0].Appealable(today) {
			t.Fatalf("the third, given a place no other macro-region filled: %+v", st[0])
		}
		if st[0].Appealable(st[0].Selection.AppealsClose.AddDate(0, 0, 1)) {
			t.Error("appealable after the deadline")
		}
		st, err = svc.ForYouth(ctx, first)
		check(t, err)
		if st[0].Position != 1 {
			t.Errorf("the first: %+v", st[0])
		}
		_, err = svc.FileOwn(ctx, sel.ID, third, "My second case was not counted")
		check(t, err)
		// The change log names the young person by their record.
		var actor string
		check(t, w.DB.R.QueryRowContext(ctx, "SELECT actor FROM audit_log WHERE entity = 'selection_appeal'").Scan(&actor))
		if want := fmt.Sprintf("youth #%d", third); actor != want {
			t.Errorf("the appeal's actor %q, want %q", actor, want)
		}
		st, err = svc.ForYouth(ctx, third)
		check(t, err)
		if st[0].Appeal == nil || st[0].Appeal.Reason != "My second case was not counted" || st[0].Appealable(today) {
			t.Fatalf("after appealing: %+v", st[0])
		}
		if st, err = svc.ForYouth(ctx, outside); err != nil || len(st) != 0 {
			t.Fatalf("not a candidate: %+v %v", st, err)
		}
	})
}
