package demo_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/selection"
	svcs "github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/strands"
	"github.com/jolproject/jol/internal/youth"
)

// principal is the principal of demo login local.
func principal(t *testing.T, svc *svcs.Services, local string) access.Principal {
	t.Helper()
	u, err := svc.Accounts.LookupEmail(ctx, demo.Email(local))
	if err != nil {
		t.Fatal(err)
	}
	return u.Principal()
}

// pages reads every page of a list read with a cursor.
func pages[T any](t *testing.T, read func(store.Page) ([]T, string, error)) []T {
	t.Helper()
	var out []T
	pg := store.Page{Limit: store.MaxLimit}
	for {
		page, next, err := read(pg)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, page...)
		if next == "" {
			return out
		}
		if pg.Before, err = strconv.ParseInt(next, 10, 64); err != nil {
			t.Fatal(err)
		}
	}
}

// mentorsOf lists every mentor p sees.
func mentorsOf(t *testing.T, svc *svcs.Services, p access.Principal) []mentoring.Mentor {
	t.Helper()
	var out []mentoring.Mentor
	for f := (mentoring.Filter{}); ; {
		page, err := svc.Mentoring.List(ctx, p, f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, page...)
		if len(page) < mentoring.MaxPage {
			return out
		}
		f.After = page[len(page)-1].ID
	}
}

// The youth programme: 1,000 approved mentors with capacities of one to
// five, most of whom finished the school, some taking minors (a few with
// lapsed vetting); 3,000 young people routed to the five macro-regions'
// branches, in the three age groups, from villages and towns.
func TestDemoYouthProgramme(t *testing.T) {
	_, svc := seeded(t)
	coord := principal(t, svc, "youth")
	mentors := mentorsOf(t, svc, coord)
	if len(mentors) != 1000 {
		t.Fatalf("%d mentors, want 1,000", len(mentors))
	}
	day := store.Day(now())
	var finished, minors, lapsed int
	st, err := svc.Mentoring.Standings(ctx, coord)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mentors {
		if m.Status != mentoring.Approved || m.Capacity < 1 || m.Capacity > 5 {
			t.Fatalf("mentor %+v", m)
		}
		if st.Of(m.ID).Finished() {
			finished++
		}
		if m.Minors {
			minors++
			if !m.Vetting.ValidOn(day) {
				lapsed++
			}
		}
	}
	if finished < 700 || finished > 950 || minors < 200 || lapsed == 0 || lapsed > minors/10 {
		t.Errorf("%d finished the school, %d take minors, %d of them with lapsed vetting", finished, minors, lapsed)
	}
	ys := pages(t, func(pg store.Page) ([]youth.Youth, string, error) {
		return svc.Youth.List(ctx, coord, youth.Filter{}, pg)
	})
	almaty := 0
	for _, y := range ys {
		if strings.HasPrefix(y.RegionCode, "KZ-19") {
			almaty++
		}
	}
	if len(ys)-almaty != 3000 || almaty != 120 {
		t.Fatalf("%d young people in the five macro-regions' branches and %d in Almaty Region, want 3,000 and 120",
			len(ys)-almaty, almaty)
	}
	regions, groups, places := map[string]int{}, map[youth.AgeGroup]int{}, map[youth.Settlement]int{}
	for _, y := range ys {
		regions[y.RegionCode]++
		groups[y.AgeGroup]++
		places[y.Settlement]++
		if y.HeadOffice {
			t.Fatalf("%s %s was not routed to a branch", y.LastName, y.FirstName)
		}
	}
	macros := map[string]bool{}
	for _, m := range mustMacros(t, svc) {
		if regions[m.Region.Code] > 0 {
			macros[string(m.Macro)] = true
		}
	}
	if len(macros) != 5 || len(groups) != 3 || places[youth.Rural] == 0 || places[youth.Urban] == 0 {
		t.Errorf("macro-regions %v, age groups %v, settlements %v", macros, groups, places)
	}

}

func mustMacros(t *testing.T, svc *svcs.Services) []selection.MacroRegion {
	t.Helper()
	ms, err := svc.Selection.MacroRegions(ctx, access.System)
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

// A second seed finds the programme and adds nothing to it: no mentor,
// young person, login, run, mentorship or activity.
func TestDemoYouthProgrammeSeedsOnce(t *testing.T) {
	_, svc := seeded(t)
	coord := principal(t, svc, "youth")
	count := func() [6]int {
		users, err := svc.Accounts.Count(ctx)
		if err != nil {
			t.Fatal(err)
		}
		acts, err := svc.Strands.CountActivities(ctx, coord, strands.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		return [6]int{len(mentorsOf(t, svc, coord)), users, acts.N,
			len(pages(t, func(pg store.Page) ([]youth.Youth, string, error) {
				return svc.Youth.List(ctx, coord, youth.Filter{}, pg)
			})),
			len(pages(t, func(pg store.Page) ([]matching.Run, string, error) { return svc.Matching.Runs(ctx, coord, pg) })),
			len(pages(t, func(pg store.Page) ([]mentorship.Mentorship, string, error) {
				return svc.Mentorship.List(ctx, coord, mentorship.Filter{}, pg)
			}))}
	}
	before := count()
	if _, err := demo.Seed(ctx, svc, demo.Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	if after := count(); after != before || before[2] != 20 {
		t.Fatalf("mentors, users, activities, young people, runs, mentorships: %v, then %v", before, after)
	}
}
