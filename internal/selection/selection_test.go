package selection_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/testworld"
)

// quotas of a selection of six: two for the south, one for each other.
var six = map[selection.Macro]int{selection.South: 2, selection.North: 1, selection.West: 1, selection.Centre: 1, selection.East: 1}

func TestASelectionFromScoresToTheShortlist(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		svc, coord := w.Services.Selection, w.Principal(access.Coordinator)
		in := selection.Input{Name: "School of young leaders 2026", OrgID: w.Foundation.ID, Places: 6,
			QuotaMode: selection.Fixed, Quotas: map[selection.Macro]int{selection.South: 2}, TieRule: selection.RegisteredFirst, AppealDays: 3}
		if _, err := svc.Create(ctx, coord, in); fieldKey(err, "quotas") != "error.selection_quota_sum" {
			t.Fatalf("quotas summing to 2 of 6: %v", err)
		}
		in.Quotas = six
		if _, err := svc.Create(ctx, w.Principal(access.Operator), in); err == nil {
			t.Fatal("an operator opened a selection")
		}
		sel, err := svc.Create(ctx, coord, in)
		check(t, err)
		if sel.State != selection.Collecting || sel.Quotas[selection.South] != 2 {
			t.Fatalf("created: %+v", sel)
		}
		// Three in the south (Almaty, Shymkent), one each elsewhere but
		// the west, whose place goes to the third of the south.
		south1 := youngPerson(t, w, w.Foundation, "KZ-75", "Abenova", true)
		south2 := youngPerson(t, w, w.Foundation, "KZ-79", "Bekova", false)
		south3 := youngPerson(t, w, w.School, "KZ-75", "Dauletova", true)
		north := youngPerson(t, w, w.Foundation, "KZ-55", "Ermekova", true)
		centre := youngPerson(t, w, w.Foundation, "KZ-71", "Zhanova", false)
		east := youngPerson(t, w, w.Foundation, "KZ-63", "Ibraeva", true)
		east2 := youngPerson(t, w, w.Foundation, "KZ-10", "Kasymova", true)
		stranger := youngPerson(t, w, w.Tehran, "KZ-75", "Stranger", true)
		for _, sc := range []selection.Score{
			{"Almaty case championship", south1, 90, 1}, {"Almaty case championship", south2, 80, 2},
			{"Almaty case championship", south3, 70, 3}, {"North debates", north, 40, 1}, {"Centre", centre, 55, 1},
			{"East", east, 61, 1}, {"East", east2, 60, 2},
		} {
			check(t, svc.Enter(ctx, coord, sel.ID, sc))
		}
		if err := svc.Enter(ctx, coord, sel.ID, selection.Score{Round: "East", YouthID: south1, Score: 10}); fieldKey(err, "youth_id") != "error.selection_twice" {
			t.Errorf("a young person twice: %v", err)
		}
		if err := svc.Enter(ctx, coord, sel.ID, selection.Score{Round: "East", YouthID: stranger, Score: 10}); fieldKey(err, "youth_id") != "error.selection_out_of_scope" {
			t.Errorf("a candidate out of scope: %v", err)
		}
		if err := svc.Enter(ctx, coord, sel.ID, selection.Score{Round: "East", YouthID: east2, Score: -1}); fieldKey(err, "score") != "error.selection_score" {
			t.Errorf("a negative score: %v", err)
		}
		if _, err := svc.FileOwn(ctx, sel.ID, east2, "I was ill"); keyOf(err) != "error.selection_appeals_closed" {
			t.Errorf("an appeal before the window: %v", err)
		}
		sel, err = svc.Rank(ctx, coord, sel.ID)
		check(t, err)
		rows, err := svc.Ranking(ctx, coord, sel.ID, "", 0, 100)
		check(t, err)
		got := map[int64]selection.Row{}
		for _, r := range rows {
			got[r.YouthID] = r
		}
		if r := got[south3]; r.Position != 3 || r.Reason != selection.Redistributed || r.MacroRank != 3 {
			t.Errorf("the third of the south: %+v", r)
		}
		if r := got[east2]; r.Position != 0 || r.Reason != selection.Below || r.Quota != 1 {
			t.Errorf("the second of the east: %+v", r)
		}
		if r := got[south1]; r.Position != 1 || r.Region.Code != "KZ-75" || r.Region.NameEN != "Almaty" {
			t.Errorf("the first: %+v", r)
		}
		if _, err := svc.Publish(ctx, coord, sel.ID); keyOf(err) != "error.selection_state" {
			t.Errorf("publishing before appeals: %v", err)
		}
		sel, err = svc.OpenAppeals(ctx, coord, sel.ID)
		check(t, err)
		if !sel.AppealsClose.Equal(testworld.Day(2026, 9, 4)) {
			t.Errorf("appeals close on %v", sel.AppealsClose)
		}
		// A hundred appeals of one young person at once make one.
		var wg sync.WaitGroup
		ids := make(chan int64, 100)
		for range 100 {
			wg.Go(func() {
				a, err := svc.FileOwn(ctx, sel.ID, east2, "My second debate was not counted")
				if err != nil {
					t.Error(err)
					return
				}
				ids <- a.ID
			})
		}
		wg.Wait()
		close(ids)
		first := <-ids
		for id := range ids {
			if id != first {
				t.Fatalf("appeals %d and %d", first, id)
			}
		}
		var n int
		check(t, w.DB.R.QueryRowContext(ctx, "SELECT count(*) FROM selection_appeals").Scan(&n))
		if n != 1 {
			t.Fatalf("%d appeals", n)
		}
		if _, err := svc.File(ctx, coord, sel.ID, north, " "); fieldKey(err, "reason") == "" {
			t.Errorf("an appeal without a reason: %v", err)
		}
		late, err := svc.File(ctx, coord, sel.ID, north, "The jury missed a round")
		check(t, err)
		if _, err := svc.Publish(ctx, coord, sel.ID); keyOf(err) != "error.selection_publish_early" {
			t.Errorf("publishing during appeals: %v", err)
		}
		// Upheld: the second of the east passes the first and takes the place.
		a, err := svc.Decide(ctx, coord, first, selection.Decision{Upheld: true, Score: 65})
		check(t, err)
		if a.State != "upheld" || *a.OldScore != 60 || *a.NewScore != 65 {
			t.Errorf("upheld: %+v", a)
		}
		rows, err = svc.Ranking(ctx, coord, sel.ID, selection.East, 0, 10)
		check(t, err)
		if len(rows) != 2 || rows[0].YouthID != east2 || rows[0].Position == 0 || rows[1].Position != 0 {
			t.Errorf("the east after the appeal: %+v", rows)
		}
		if _, err := svc.Decide(ctx, coord, late.ID, selection.Decision{}); fieldKey(err, "decision") == "" {
			t.Errorf("a rejection without a reason: %v", err)
		}
		w.Clock.Advance(4 * 24 * time.Hour) // 5 September, after the last day
		if _, err := svc.FileOwn(ctx, sel.ID, south2, "Late"); keyOf(err) != "error.selection_appeal_late" {
			t.Errorf("an appeal after the deadline: %v", err)
		}
		if _, err := svc.Publish(ctx, coord, sel.ID); keyOf(err) != "error.selection_appeals_pending" {
			t.Errorf("publishing with an appeal open: %v", err)
		}
		_, err = svc.Decide(ctx, coord, late.ID, selection.Decision{Reason: "Every round was counted"})
		check(t, err)
		if _, _, err := svc.Shortlist(ctx, sel.ID); err == nil {
			t.Error("a shortlist before publishing")
		}
		_, err = svc.Publish(ctx, coord, sel.ID)
		check(t, err)
		pub, list, err := svc.Shortlist(ctx, sel.ID)
		check(t, err)
		if pub.OrgPath != "" || len(list) != 6 {
			t.Fatalf("shortlist: %+v %+v", pub, list)
		}
		var names []string
		for _, l := range list {
			if l.Named {
				names = append(names, l.Name)
			} else if l.Name != "" {
				t.Errorf("a name without consent: %+v", l)
			}
		}
		if strings.Join(names, ",") != "Aru Abenova,Aru Dauletova,Aru Kasymova,Aru Ermekova" {
			t.Errorf("named: %v", names)
		}
		if _, err := svc.FileOwn(ctx, sel.ID, south2, "Late"); keyOf(err) != "error.selection_appeal_late" {
			t.Errorf("an appeal after publishing: %v", err)
		}
	})
}

func TestPullingARoundFromASource(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		svc, coord := w.Services.Selection, w.Principal(access.Coordinator)
		sel, err := svc.Create(ctx, coord, selection.Input{Name: "Proportional", OrgID: w.Foundation.ID, Places: 2,
			QuotaMode: selection.ProportionalQuotas, TieRule: selection.Draw})
		check(t, err)
		a := youngPerson(t, w, w.Foundation, "KZ-75", "A", true)
		b := youngPerson(t, w, w.Foundation, "KZ-27", "B", true)
		c := youngPerson(t, w, w.Tehran, "KZ-27", "C", true)
		check(t, svc.Enter(ctx, coord, sel.ID, selection.Score{Round: "Hand", YouthID: b, Score: 3}))
		got, err := svc.Pull(ctx, coord, sel.ID, "Case championship", "championship", fake{{a, 9}, {b, 8}, {c, 7}}, 1)
		check(t, err)
		if got.Entered != 1 || len(got.Refused) != 2 || fieldKey(got.Refused[0].Err, "youth_id") != "error.selection_twice" ||
			fieldKey(got.Refused[1].Err, "youth_id") != "error.selection_out_of_scope" {
			t.Fatalf("pulled: %+v", got)
		}
		sel, err = svc.Rank(ctx, coord, sel.ID)
		check(t, err)
		if sel.Quotas[selection.South] != 1 || sel.Quotas[selection.West] != 1 || sel.Candidates != 2 {
			t.Errorf("proportional quotas: %+v", sel)
		}
		if _, err := svc.Get(ctx, w.Principal(access.Auditor), sel.ID); err != nil {
			t.Errorf("the auditor: %v", err)
		}
		if _, err := svc.Get(ctx, w.Stranger.Principal(), sel.ID); err == nil {
			t.Error("a stranger read the selection")
		}
	})
}

func TestTheMacroRegionTable(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		svc, admin := w.Services.Selection, w.Principal(access.Admin)
		if err := svc.SetMacro(ctx, w.Principal(access.Coordinator), "KZ-43", selection.West); err == nil {
			t.Error("a coordinator changed the table")
		}
		if err := svc.SetMacro(ctx, admin, "KZ-75-01", selection.West); fieldKey(err, "region") != "error.selection_region" {
			t.Errorf("a region below the top level: %v", err)
		}
		check(t, svc.SetMacro(ctx, admin, "kz-43", selection.West))
		check(t, svc.SetMacro(ctx, admin, "KZ-10", ""))
		ms, err := svc.MacroRegions(ctx, admin)
		check(t, err)
		seen := map[string]selection.Macro{}
		for _, m := range ms {
			seen[m.Region.Code] = m.Macro
		}
		if seen["KZ-43"] != selection.West || len(seen) != 19 || seen["KZ-10"] != "" {
			t.Errorf("table: %v", seen)
		}
	})
}
