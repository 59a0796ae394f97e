package mentoring_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// TestThePagedListFilters pages the coordinator's list and narrows it by
// status, field, region, background, school and vetting, each filter
// counted as it is listed; another region's coordinator sees none.
func TestThePagedListFilters(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Mentoring
		coord, admin := w.Principal(access.Coordinator), w.Principal(access.Admin)
		a, err := s.Apply(ctx, application(w, "Aigerim Nurlanova", "aigerim@example.org"))
		must(t, err)
		in := application(w, "Daniyar Sapar", "daniyar@example.org")
		in.Background, in.Fields, in.Vetting, in.Minors = mentoring.Coach, []string{"sport"}, mentoring.Vetting{}, false
		b, err := s.Create(ctx, coord, in)
		must(t, err)
		in = application(w, "Saule Omar", "saule@example.org")
		in.RegionCode = "KZ-71"
		c, err := s.Create(ctx, coord, in)
		must(t, err)

		mod, err := s.AddModule(ctx, admin, mentoring.Module{Code: "safe", Name: "Safeguarding", Required: true})
		must(t, err)
		co, err := s.CreateCohort(ctx, coord, mentoring.Cohort{Name: "Autumn", OrgID: w.Foundation.ID,
			StartsOn: day(2026, 9, 1), EndsOn: day(2026, 9, 30)})
		must(t, err)
		must(t, s.Enrol(ctx, coord, co.ID, c.ID))
		must(t, s.RecordAttendance(ctx, coord, session(t, s, coord, co.ID, mod.ID, day(2026, 9, 2)), []int64{c.ID}))
		must(t, s.RecordFinal(ctx, coord, co.ID, c.ID, true, 90, day(2026, 9, 30)))

		ids := func(f mentoring.ListFilter) []int64 {
			t.Helper()
			list, next, err := s.Page(ctx, coord, f, store.Page{Limit: 50})
			must(t, err)
			n, err := s.PageCount(ctx, coord, f)
			must(t, err)
			if next != "" || n.N != len(list) {
				t.Fatalf("%+v: %d listed, %d counted, next %q", f, len(list), n.N, next)
			}
			var out []int64
			for _, m := range list {
				out = append(out, m.ID)
			}
			return out
		}
		same := func(got []int64, want ...int64) {
			t.Helper()
			if len(got) != len(want) {
				t.Fatalf("got %v, want %v", got, want)
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("got %v, want %v", got, want)
				}
			}
		}
		same(ids(mentoring.ListFilter{}), c.ID, b.ID, a.ID) // the newest first
		same(ids(mentoring.ListFilter{Status: mentoring.Applied}), a.ID)
		same(ids(mentoring.ListFilter{Field: "sport"}), b.ID)
		same(ids(mentoring.ListFilter{RegionCode: "KZ-71"}), c.ID)
		same(ids(mentoring.ListFilter{Background: mentoring.Coach}), b.ID)
		same(ids(mentoring.ListFilter{School: mentoring.SchoolFinished}), c.ID)
		same(ids(mentoring.ListFilter{School: mentoring.SchoolNotFinished}), b.ID, a.ID)
		same(ids(mentoring.ListFilter{Vetting: mentoring.VettingNone}), b.ID)
		same(ids(mentoring.ListFilter{Vetting: mentoring.VettingValid, Status: mentoring.Approved}), c.ID)

		// Two pages of one, then the last.
		first, next, err := s.Page(ctx, coord, mentoring.ListFilter{}, store.Page{Limit: 2})
		must(t, err)
		rest, last, err := s.Page(ctx, coord, mentoring.ListFilter{}, store.ParsePage(next, "2"))
		must(t, err)
		if len(first) != 2 || next == "" || len(rest) != 1 || rest[0].ID != a.ID || last != "" {
			t.Fatalf("pages %d %q %d %q", len(first), next, len(rest), last)
		}

		_, _, err = s.Page(ctx, coord, mentoring.ListFilter{RegionCode: "XX-99", School: "half"}, store.Page{})
		wantKey(t, err, "error.unknown_region")
		wantKey(t, err, "error.invalid_choice")
		list, _, err := s.Page(ctx, w.Stranger.Principal(), mentoring.ListFilter{}, store.Page{})
		if err != nil || len(list) != 0 {
			t.Fatalf("the stranger's page %v %v", list, err)
		}
		_, _, err = s.Page(ctx, w.Principal(access.Operator), mentoring.ListFilter{}, store.Page{})
		wantKey(t, err, "error.forbidden")
	})
}

// TestCardsReportsAndSheets: a mentor's page says why they may not take
// a young person; a vetting expiring before its date is refused; a
// cohort's report names what each member misses; a session's register
// shows who was there.
func TestCardsReportsAndSheets(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Mentoring
		coord, admin := w.Principal(access.Coordinator), w.Principal(access.Admin)
		m, err := s.Create(ctx, coord, application(w, "Aigerim Nurlanova", "aigerim@example.org"))
		must(t, err)
		state, err := s.AddModule(ctx, admin, mentoring.Module{Code: "state", Name: "State programmes", Required: true})
		must(t, err)
		safe, err := s.AddModule(ctx, admin, mentoring.Module{Code: "safe", Name: "Safeguarding", Required: true, Position: 1})
		must(t, err)

		card, err := s.Card(ctx, coord, m.ID)
		must(t, err)
		if len(card.Standing.Missing) != 2 || card.Standing.Passed {
			t.Fatalf("standing %+v", card.Standing)
		}
		wantKey(t, card.Adults, "error.mentor_school_modules")
		wantKey(t, card.Minors, "error.mentor_school_modules")
		_, err = s.Card(ctx, w.Stranger.Principal(), m.ID)
		wantKey(t, err, "error.forbidden")

		_, err = s.SetVetting(ctx, coord, m.ID, m.Version, mentoring.Vetting{Document: "No. 5", On: day(2026, 5, 1),
			Expires: day(2026, 4, 1), CheckedBy: "A. Seitkali"})
		wantKey(t, err, "error.mentor_vetting_dates")
		m, err = s.SetVetting(ctx, coord, m.ID, m.Version, mentoring.Vetting{Document: "No. 5", On: day(2025, 5, 1),
			Expires: day(2026, 8, 31), CheckedBy: "A. Seitkali"})
		must(t, err)
		if m.Vetting.Document != "No. 5" || m.Name != "Aigerim Nurlanova" || len(m.Fields) != 2 {
			t.Fatalf("vetting set %+v", m)
		}

		co, err := s.CreateCohort(ctx, coord, mentoring.Cohort{Name: "Autumn", OrgID: w.Foundation.ID,
			StartsOn: day(2026, 9, 1), EndsOn: day(2026, 9, 30)})
		must(t, err)
		other, err := s.Create(ctx, coord, application(w, "Daniyar Sapar", "daniyar@example.org"))
		must(t, err)
		must(t, s.Enrol(ctx, coord, co.ID, m.ID))
		must(t, s.Enrol(ctx, coord, co.ID, other.ID))
		s1 := session(t, s, coord, co.ID, state.ID, day(2026, 9, 2))
		s2 := session(t, s, coord, co.ID, safe.ID, day(2026, 9, 9))
		must(t, s.RecordAttendance(ctx, coord, s1, []int64{m.ID, other.ID}))
		must(t, s.RecordAttendance(ctx, coord, s2, []int64{m.ID}))
		must(t, s.RecordFinal(ctx, coord, co.ID, m.ID, true, 80, day(2026, 9, 30)))

		r, err := s.Report(ctx, coord, co.ID)
		must(t, err)
		if !r.Finished[m.ID] || r.Finished[other.ID] || len(r.Missing[other.ID]) != 1 ||
			r.Missing[other.ID][0].ID != safe.ID || len(r.List) != 2 || r.Counts.Finished != 1 {
			t.Fatalf("report %+v", r)
		}
		card, err = s.Card(ctx, coord, m.ID)
		must(t, err)
		if card.Adults != nil {
			t.Fatalf("adults %v", card.Adults)
		}
		wantKey(t, card.Minors, "error.mentor_vetting_expired")

		sh, err := s.Sheet(ctx, coord, s2)
		must(t, err)
		if !sh.Marked || !sh.Present[m.ID] || sh.Present[other.ID] || len(sh.Members) != 2 || sh.Module.ID != safe.ID {
			t.Fatalf("sheet %+v", sh)
		}
		_, err = s.Sheet(ctx, w.Stranger.Principal(), s2)
		wantKey(t, err, "error.forbidden")
		if _, err := s.Sheet(ctx, coord, 999999); errs.CodeOf(err) != errs.NotFound {
			t.Fatalf("no such session: %v", err)
		}

		bs, err := s.Branches(ctx)
		must(t, err)
		var found bool
		for _, b := range bs {
			if b.ID == w.Foundation.ID {
				found = len(b.Places) > 1 && b.Places[0].Code == "KZ"
			}
		}
		if !found {
			t.Fatalf("branches %+v", bs)
		}
	})
}
