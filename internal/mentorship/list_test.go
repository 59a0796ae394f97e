package mentorship_test

import (
	"strconv"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// TestListInScope lists each reader's mentorships: staff within their
// scope with filters and pages, a mentor their own, others none.
func TestListInScope(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		e := setup(t, w)
		ctx := t.Context()
		count := func(p access.Principal, f mentorship.Filter) int {
			t.Helper()
			ms, _, err := e.s.List(ctx, p, f, store.Page{})
			must(t, err)
			return len(ms)
		}
		for name, c := range []struct {
			p    access.Principal
			f    mentorship.Filter
			want int
		}{
			{e.coord, mentorship.Filter{}, 3}, {e.auditor, mentorship.Filter{}, 3}, {e.admin, mentorship.Filter{}, 3},
			{e.mentor, mentorship.Filter{}, 2}, {e.other, mentorship.Filter{}, 1}, {e.stranger, mentorship.Filter{}, 0},
			{e.coord, mentorship.Filter{MentorID: e.f.Other.ID}, 1}, {e.coord, mentorship.Filter{Region: "KZ-75"}, 3},
			{e.coord, mentorship.Filter{Region: "KZ-71"}, 0}, {e.coord, mentorship.Filter{Status: mentorship.Completed}, 0},
		} {
			if got := count(c.p, c.f); got != c.want {
				t.Errorf("case %d (%s %+v): %d, want %d", name, c.p.Role, c.f, got, c.want)
			}
		}
		page, next, err := e.s.List(ctx, e.coord, mentorship.Filter{}, store.Page{Limit: 2})
		must(t, err)
		if len(page) != 2 || next == "" || page[0].ID != e.f.OtherShip {
			t.Fatalf("first page %+v next %q", page, next)
		}
		rest, next, err := e.s.List(ctx, e.coord, mentorship.Filter{}, store.ParsePage(next, "2"))
		must(t, err)
		if len(rest) != 1 || next != "" || rest[0].ID != e.f.Minor {
			t.Fatalf("second page %+v next %q", rest, next)
		}
		_, _, err = e.s.List(ctx, e.operator, mentorship.Filter{}, store.Page{})
		wantKey(t, err, "error.forbidden")
		_, _, err = e.s.List(ctx, e.coord, mentorship.Filter{Status: "paused"}, store.Page{})
		wantKey(t, err, "error.invalid_choice_of")
		_, _, err = e.s.List(ctx, e.coord, mentorship.Filter{Region: "XX-1"}, store.Page{})
		wantKey(t, err, "error.invalid")

		// Opening one writes the access log; another mentor's is refused.
		m, err := e.s.Get(ctx, e.mentor, e.f.Minor, "web")
		must(t, err)
		if !m.Minor || m.YouthName != "Aruzhan Seitkali" || m.MentorName != "Bolat Nurlanov" {
			t.Fatalf("mentorship %+v", m)
		}
		logged, _, err := w.Services.Audit.Accesses(ctx, e.admin, audit.AccessFilter{}, store.Page{})
		must(t, err)
		if len(logged) == 0 || logged[0].SubjectKind != audit.KindYouth || logged[0].SubjectID != itoa(e.f.MinorYouth) {
			t.Fatalf("access log %+v", logged)
		}
		for name, p := range map[string]access.Principal{"another mentor": e.other, "out of scope": e.stranger,
			"an operator": e.operator} {
			if _, err := e.s.Get(ctx, p, e.f.Minor, "web"); errs.CodeOf(err) != errs.Forbidden {
				t.Errorf("%s opens it: %v", name, err)
			}
		}
	})
}

// TestActivity counts sessions and hours per mentor and region over a
// period, and only within the reader's scope.
func TestActivity(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		e := setup(t, w)
		ctx := t.Context()
		log := func(p access.Principal, id int64, day int, minutes int) {
			t.Helper()
			_, err := e.s.LogSession(ctx, p, id, mentorship.SessionInput{HeldOn: testworld.Day(2026, 8, day),
				Minutes: minutes, Format: mentorship.Online, Topic: "Plan"})
			must(t, err)
		}
		log(e.mentor, e.f.Minor, 5, 60)
		log(e.mentor, e.f.Adult, 20, 90)
		log(e.other, e.f.OtherShip, 21, 45)
		log(e.other, e.f.OtherShip, 2, 30) // before the period
		a, err := e.s.Activity(ctx, e.coord, testworld.Day(2026, 8, 3), testworld.Day(2026, 8, 31))
		must(t, err)
		if len(a.Mentors) != 2 || a.Total.Sessions != 3 || a.Total.Minutes != 195 || len(a.Regions) != 1 ||
			a.Regions[0].Region != "KZ-75" || a.Regions[0].Mentors != 2 {
			t.Fatalf("activity %+v", a)
		}
		for _, m := range a.Mentors {
			if m.MentorID == e.f.Mentor.ID && (m.Sessions != 2 || m.Minutes != 150) {
				t.Errorf("mentor's activity %+v", m)
			}
		}
		if out, err := e.s.Activity(ctx, e.stranger, testworld.Day(2026, 8, 1), testworld.Day(2026, 8, 31)); err != nil || out.Total.Sessions != 0 {
			t.Errorf("out of scope: %+v %v", out, err)
		}
		_, err = e.s.Activity(ctx, e.coord, testworld.Day(2026, 8, 31), testworld.Day(2026, 8, 1))
		wantKey(t, err, "error.activity_period")
		_, err = e.s.Activity(ctx, e.mentor, testworld.Day(2026, 8, 1), testworld.Day(2026, 8, 31))
		wantKey(t, err, "error.forbidden")
	})
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
