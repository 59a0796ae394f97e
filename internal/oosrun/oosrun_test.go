package oosrun_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/oosrun"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// flagsOf lists what run id says of each child p sees, by last name.
func flagsOf(t *testing.T, w *testworld.World, p access.Principal, id int64) map[string]oosrun.Flag {
	t.Helper()
	out := map[string]oosrun.Flag{}
	var after oosrun.After
	for {
		page, err := w.Services.OOS.Flags(t.Context(), p, id, after, 3)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range page {
			out[f.LastName] = f
		}
		if len(page) < 3 {
			return out
		}
		after = page[len(page)-1].Next()
	}
}

// TestRunFlagsTheRightChildren: on a hand-made fixture the run flags the
// five school-age children no list has as attending, each with the right
// category and visibility, and not the child attending under a Latin
// spelling, nor the four-year-old.
func TestRunFlagsTheRightChildren(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := newFixture(t, w)
		r := f.run(t)
		want := map[string][2]string{
			seitkali.last:   {"dropped_out", "visible"},
			ivanova.last:    {"dropped_out", "visible"},
			omarova.last:    {"dropped_out", "semi_invisible"},
			zhumabaeva.last: {"never_enrolled", "invisible"},
			bekova.last:     {"never_enrolled", "invisible"},
		}
		got := flagsOf(t, w, w.Principal(access.Coordinator), r.ID)
		if len(got) != len(want) {
			t.Errorf("flagged %d children, want %d: %v", len(got), len(want), got)
		}
		for last, cv := range want {
			g, ok := got[last]
			if !ok || string(g.Category) != cv[0] || string(g.Visibility) != cv[1] {
				t.Errorf("%s: %+v, want %v", last, g, cv)
				continue
			}
			if g.Why == "" || g.Confidence <= 0 || g.Confidence > 1 {
				t.Errorf("%s: why %q, confidence %v", last, g.Why, g.Confidence)
			}
		}
		if why := got[ivanova.last].Why; !strings.HasPrefix(why, "on a 2026/27 enrolment list as left; closest record: Иванова Анна, 2016-04-07, School №1, weight ") {
			t.Errorf("Ivanova's why: %q", why)
		}
		if why := got[zhumabaeva.last].Why; !strings.HasPrefix(why, "no enrolment in 2026/27 lists; ") {
			t.Errorf("Zhumabaeva's why: %q", why)
		}
		if g := got[omarova.last]; g.SchoolName != "School №1" {
			t.Errorf("Omarova's catchment school %q", g.SchoolName)
		}
		if g := got[bekova.last]; g.RegionCode != "KZ-71" {
			t.Errorf("Bekova's district %q", g.RegionCode)
		}
		res := r.Result
		if res.Population != 127 || res.SchoolAge != 126 || res.Matched != 121 || res.Flagged != 5 ||
			res.Created != 5 || res.ByVisibility["visible"] != 2 || res.ByCategory["dropped_out"] != 3 {
			t.Errorf("result %+v", res)
		}
		cases := count(t, w, "SELECT count(*) FROM outreach_cases")
		if cases != 5 {
			t.Fatalf("%d cases", cases)
		}
		// A second run with the same lists makes no case twice.
		r2 := f.run(t)
		if r2.Result.Created != 0 || r2.Result.Unchanged != 5 || count(t, w, "SELECT count(*) FROM outreach_cases") != 5 {
			t.Errorf("re-run %+v", r2.Result)
		}
	})
}

// TestRerunWithNewLists: a new list that has a flagged child attending
// leaves their case to its worker and counts them; one that has another
// as not attending updates that case instead of making a second.
func TestRerunWithNewLists(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := newFixture(t, w)
		f.run(t)
		coord := w.Principal(access.Coordinator)
		late, _, rejects := importList(t, w, coord, "enrolment-list", w.School.ID, csvOf(",school_year,status",
			[]pupil{zhumabaeva, omarova}, func(p pupil) string {
				if p.last == omarova.last {
					return ",2026,absent"
				}
				return ",2026,"
			}))
		if len(rejects) > 0 {
			t.Fatal(rejects)
		}
		r := f.run(t, late)
		got := flagsOf(t, w, coord, r.ID)
		if _, ok := got[zhumabaeva.last]; ok {
			t.Errorf("Zhumabaeva, now attending, flagged: %+v", got[zhumabaeva.last])
		}
		if g := got[omarova.last]; g.Visibility != "visible" || g.Category != "dropped_out" {
			t.Errorf("Omarova %+v", g)
		}
		if r.Result.NowAttending != 1 || r.Result.Updated < 1 || r.Result.Created != 0 {
			t.Errorf("result %+v", r.Result)
		}
		if n := count(t, w, "SELECT count(*) FROM outreach_cases"); n != 5 {
			t.Errorf("%d cases after the re-run", n)
		}
	})
}

// TestRunScope: a worker of another district sees only that district's
// children of a run; a coordinator of another organisation not even the
// run; opening a child writes the access log.
func TestRunScope(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := newFixture(t, w)
		r := f.run(t)
		ctx, s := t.Context(), w.Services.OOS
		astana := w.User(t, accounts.NewUser{Email: "astana@example.org", Name: "Astana worker",
			Role: access.Outreach, OrgID: w.Centre.ID, Region: "KZ-71"}).Principal()
		if got := flagsOf(t, w, astana, r.ID); len(got) != 1 || got[bekova.last].PersonID == 0 {
			t.Errorf("Astana worker sees %v", got)
		}
		if _, err := s.Run(ctx, w.Stranger.Principal(), r.ID); errs.CodeOf(err) != errs.NotFound {
			t.Errorf("a stranger opens the run: %v", err)
		}
		if _, err := s.Flags(ctx, w.Stranger.Principal(), r.ID, oosrun.After{}, 10); errs.CodeOf(err) != errs.NotFound {
			t.Errorf("a stranger lists the children: %v", err)
		}
		if _, err := s.Flags(ctx, w.Principal(access.Sponsor), r.ID, oosrun.After{}, 10); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("a sponsor lists the children: %v", err)
		}
		worker := w.Principal(access.Outreach) // the centre, Almaty
		mine := flagsOf(t, w, worker, r.ID)
		if len(mine) != 4 || mine[bekova.last].PersonID != 0 {
			t.Errorf("Almaty worker sees %v", mine)
		}
		before := count(t, w, "SELECT count(*) FROM access_log")
		if _, fl, err := s.Child(ctx, worker, r.ID, mine[omarova.last].PersonID, "web"); err != nil || fl.Category != "dropped_out" {
			t.Fatalf("open Omarova: %+v %v", fl, err)
		}
		if count(t, w, "SELECT count(*) FROM access_log") != before+1 {
			t.Error("opening a flagged child wrote no access log")
		}
		if _, err := s.Start(ctx, worker, oosrun.Input{Population: f.pop, Enrolment: []int64{f.current},
			SchoolYear: 2026}); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("a worker starts a run: %v", err)
		}
	})
}

func count(t *testing.T, w *testworld.World, q string) int {
	t.Helper()
	var n int
	if err := w.DB.R.QueryRowContext(t.Context(), store.Rebind(w.DB.Engine, q)).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
