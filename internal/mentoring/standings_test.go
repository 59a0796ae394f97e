package mentoring_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/testworld"
)

// TestStandingsInBulk: the standings read at once for a scope are the
// ones Eligible reads mentor by mentor — finished, a required module
// missing, nothing done, the final check failed — and a coordinator of
// another organisation reads none of them.
func TestStandingsInBulk(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Mentoring
		coord, admin := w.Principal(access.Coordinator), w.Principal(access.Admin)
		var ids []int64
		for _, name := range []string{"Aigerim Done", "Bolat Halfway", "Daniyar Nothing", "Erlan Failed"} {
			m, err := s.Create(ctx, coord, application(w, name, name[:3]+"@example.org"))
			must(t, err)
			ids = append(ids, m.ID)
		}
		state, err := s.AddModule(ctx, admin, mentoring.Module{Code: "state", Name: "State programmes", Required: true})
		must(t, err)
		safe, err := s.AddModule(ctx, admin, mentoring.Module{Code: "safeguarding", Name: "Safeguarding", Required: true, Position: 1})
		must(t, err)
		extra, err := s.AddModule(ctx, admin, mentoring.Module{Code: "media", Name: "Media", Position: 2})
		must(t, err)
		c, err := s.CreateCohort(ctx, coord, mentoring.Cohort{Name: "Autumn", OrgID: w.Foundation.ID,
			StartsOn: day(2026, 9, 1), EndsOn: day(2026, 9, 30)})
		must(t, err)
		for _, id := range ids {
			must(t, s.Enrol(ctx, coord, c.ID, id))
		}
		s1 := session(t, s, coord, c.ID, state.ID, day(2026, 9, 5))
		s2 := session(t, s, coord, c.ID, safe.ID, day(2026, 9, 12))
		s3 := session(t, s, coord, c.ID, extra.ID, day(2026, 9, 19))
		must(t, s.RecordAttendance(ctx, coord, s1, []int64{ids[0], ids[1], ids[3]}))
		must(t, s.RecordAttendance(ctx, coord, s2, []int64{ids[0], ids[3]}))
		must(t, s.RecordAttendance(ctx, coord, s3, []int64{ids[1]}))
		must(t, s.RecordFinal(ctx, coord, c.ID, ids[0], true, 82, day(2026, 9, 30)))
		must(t, s.RecordFinal(ctx, coord, c.ID, ids[1], true, 75, day(2026, 9, 30)))
		must(t, s.RecordFinal(ctx, coord, c.ID, ids[3], false, 30, day(2026, 9, 30)))

		all, err := s.Standings(ctx, coord)
		must(t, err)
		on := day(2026, 10, 1)
		for i, want := range []string{"", "error.mentor_school_modules", "error.mentor_school_modules", "error.mentor_final_check"} {
			st := all.Of(ids[i])
			if want == "" {
				must(t, s.Eligible(ctx, coord, ids[i], on, false))
			} else {
				wantKey(t, s.Eligible(ctx, coord, ids[i], on, false), want)
			}
			if st.Finished() != (want == "") || (want == "error.mentor_final_check") != (len(st.Missing) == 0 && !st.Passed) {
				t.Errorf("mentor %d: %+v, Eligible says %q", i, st, want)
			}
		}
		if m := all.Of(ids[1]).Missing; len(m) != 1 || m[0].ID != safe.ID {
			t.Errorf("Bolat misses %+v, want safeguarding alone", m)
		}
		if m := all.Of(ids[2]).Missing; len(m) != 2 {
			t.Errorf("Daniyar misses %+v, want both required modules", m)
		}
		theirs, err := s.Standings(ctx, w.Stranger.Principal())
		must(t, err)
		if st := theirs.Of(ids[0]); st.Passed || st.Finished() {
			t.Errorf("another organisation's coordinator reads Aigerim's standing: %+v", st)
		}
		_, err = s.Standings(ctx, w.Principal(access.Sponsor))
		wantKey(t, err, "error.forbidden")
	})
}
