package mentoring_test

import (
	"database/sql"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/testworld"
)

// TestTheSchoolMakesAMentorEligible walks a mentor from the application
// through the school to their first mentees, and the refusals on the
// way: the school unfinished, the final check failed, capacity, minors
// with the vetting expired.
func TestTheSchoolMakesAMentorEligible(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Mentoring
		coord, admin := w.Principal(access.Coordinator), w.Principal(access.Admin)
		applied, err := s.Apply(ctx, application(w, "Aigerim Nurlanova", "aigerim@example.org"))
		must(t, err)
		on := day(2026, 10, 1)
		wantKey(t, s.Eligible(ctx, coord, applied.ID, on, false), "error.mentor_not_approved")
		m, err := s.Decide(ctx, coord, applied.ID, applied.Version, true, "")
		must(t, err)

		state, err := s.AddModule(ctx, admin, mentoring.Module{Code: "state", Name: "State programmes for young people", Required: true})
		must(t, err)
		safe, err := s.AddModule(ctx, admin, mentoring.Module{Code: "safeguarding", Name: "Safeguarding", Required: true, Position: 1})
		must(t, err)
		extra, err := s.AddModule(ctx, admin, mentoring.Module{Code: "media", Name: "Working with media", Position: 2})
		must(t, err)
		_, err = s.AddModule(ctx, admin, mentoring.Module{Code: "state", Name: "Again"})
		wantKey(t, err, "error.mentor_module_taken")

		_, err = s.CreateCohort(ctx, w.Stranger.Principal(), mentoring.Cohort{Name: "Autumn", OrgID: w.Foundation.ID,
			StartsOn: day(2026, 9, 1), EndsOn: day(2026, 9, 30)})
		wantKey(t, err, "error.forbidden")
		c, err := s.CreateCohort(ctx, coord, mentoring.Cohort{Name: "Autumn", OrgID: w.Foundation.ID,
			StartsOn: day(2026, 9, 1), EndsOn: day(2026, 9, 30)})
		must(t, err)
		must(t, s.Enrol(ctx, coord, c.ID, m.ID))
		wantKey(t, s.Enrol(ctx, coord, c.ID, m.ID), "error.mentor_enrolled")
		other, err := s.Create(ctx, coord, application(w, "Daniyar Sapar", "daniyar@example.org"))
		must(t, err)
		must(t, s.Enrol(ctx, coord, c.ID, other.ID))

		_, err = s.AddSession(ctx, coord, mentoring.Session{CohortID: c.ID, ModuleID: state.ID, HeldOn: day(2026, 10, 5), Trainer: "B. Omarov"})
		wantKey(t, err, "error.mentor_session_date")
		s1 := session(t, s, coord, c.ID, state.ID, day(2026, 9, 5))
		s2 := session(t, s, coord, c.ID, safe.ID, day(2026, 9, 12))
		s3 := session(t, s, coord, c.ID, extra.ID, day(2026, 9, 19))
		must(t, s.RecordAttendance(ctx, coord, s1, []int64{m.ID, other.ID}))
		must(t, s.RecordAttendance(ctx, coord, s3, []int64{m.ID}))
		wantKey(t, s.RecordAttendance(ctx, coord, s2, []int64{m.ID, 999999}), "error.mentor_not_in_cohort")

		// Safeguarding not attended yet: the school is not finished.
		wantKey(t, s.Eligible(ctx, coord, m.ID, on, false), "error.mentor_school_modules")
		must(t, s.RecordAttendance(ctx, coord, s2, []int64{m.ID}))
		wantKey(t, s.Eligible(ctx, coord, m.ID, on, false), "error.mentor_final_check")
		wantKey(t, s.RecordFinal(ctx, coord, c.ID, m.ID, true, 101, day(2026, 9, 30)), "error.mentor_score")
		must(t, s.RecordFinal(ctx, coord, c.ID, m.ID, false, 40, day(2026, 9, 30)))
		wantKey(t, s.Eligible(ctx, coord, m.ID, on, false), "error.mentor_final_check")
		must(t, s.RecordFinal(ctx, coord, c.ID, m.ID, true, 82, day(2026, 9, 30)))
		must(t, s.RecordFinal(ctx, coord, c.ID, other.ID, false, 35, day(2026, 9, 30)))
		must(t, s.Eligible(ctx, coord, m.ID, on, false))
		must(t, s.Eligible(ctx, coord, m.ID, on, true))

		// Vetting: valid through its expiry day, refused the day after.
		must(t, s.Eligible(ctx, coord, m.ID, day(2027, 2, 28), true))
		wantKey(t, s.Eligible(ctx, coord, m.ID, day(2027, 3, 1), true), "error.mentor_vetting_expired")
		must(t, s.Eligible(ctx, coord, m.ID, day(2027, 3, 1), false))
		wantKey(t, s.Eligible(ctx, coord, other.ID, on, false), "error.mentor_school_modules")

		// Places: two taken, the third refused; one given back is free.
		take := func(id int64, minor bool) error {
			return w.DB.Tx(ctx, func(tx *sql.Tx) error { return s.Take(ctx, tx, id, on, minor) })
		}
		wantKey(t, take(other.ID, false), "error.mentor_school_modules")
		must(t, take(m.ID, true))
		must(t, take(m.ID, false))
		wantKey(t, take(m.ID, false), "error.mentor_over_capacity")
		must(t, w.DB.Tx(ctx, func(tx *sql.Tx) error { return s.Release(ctx, tx, m.ID) }))
		must(t, take(m.ID, false))

		pr, err := s.Progress(ctx, coord, c.ID)
		must(t, err)
		want := mentoring.ProgressCounts{Members: 2, Attended: 1, Passed: 1, Failed: 1, Finished: 1}
		if pr.Counts != want || pr.Required != 2 || pr.Sessions != 3 || pr.Modules[state.ID] != 2 || pr.Modules[safe.ID] != 1 {
			t.Fatalf("progress %+v", pr)
		}
		_, err = s.Progress(ctx, w.Stranger.Principal(), c.ID)
		wantKey(t, err, "error.forbidden")

		got, err := s.Get(ctx, coord, m.ID)
		must(t, err)
		mm := mentoring.MatchMentor(got, mentoring.Standing{Passed: true})
		if !mm.School || mm.Free != 0 || !mm.Minors || !mm.VettedUntil.Equal(day(2027, 2, 28)) || len(mm.Formats) != 1 {
			t.Fatalf("match mentor %+v", mm)
		}
	})
}

// session plans a session of module in cohort on day and returns its id.
func session(t *testing.T, s *mentoring.Service, p access.Principal, cohort, module int64, on time.Time) int64 {
	t.Helper()
	ses, err := s.AddSession(t.Context(), p, mentoring.Session{CohortID: cohort, ModuleID: module, HeldOn: on, Trainer: "B. Omarov"})
	must(t, err)
	return ses.ID
}
