package matching_test

import (
	"database/sql"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/mentoring/match"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// TestARunProposesExplainsAndTakesPlaces runs a small cohort: a first
// choice honoured, an automatic match, a minor without consent left
// unmatched with the reason, a mentor without the school never proposed.
func TestARunProposesExplainsAndTakesPlaces(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		ctx, s := t.Context(), f.s
		a := f.addMentor(t, "Aigerim", 1, true, "career")
		b := f.addMentor(t, "Bolat", 1, true, "education")
		f.addMentor(t, "Unschooled", 5, false, "career", "education")
		asel := f.addYouth(t, "Asel", "career", adult)
		f.choose(t, asel, b.ID)
		dana := f.addYouth(t, "Dana", "career", adult)
		kid := f.addYouth(t, "Kid", "career", minor)

		_, err := s.Run(ctx, w.Principal(access.Operator), matching.Params{})
		wantKey(t, err, "error.forbidden")
		_, err = s.Run(ctx, f.coord, matching.Params{DeadlineDays: 99})
		wantKey(t, err, "error.match_deadline_days")
		_, err = s.Run(ctx, f.admin, matching.Params{})
		wantKey(t, err, "error.required") // an administrator of no organisation names the branch
		_, err = s.Run(ctx, f.coord, matching.Params{OrgID: w.Tehran.ID})
		wantKey(t, err, "error.forbidden")

		r, err := s.Run(ctx, f.coord, matching.Params{})
		must(t, err)
		if r.Youth != 3 || r.Mentors != 3 || r.Matched != 2 || r.Unmatched != 1 || r.DeadlineDays != matching.DefaultDeadlineDays {
			t.Fatalf("run %+v", r)
		}
		ps, err := s.RunProposals(ctx, f.coord, r.ID, 0, 0)
		must(t, err)
		got := map[int64]matching.Proposal{}
		for _, p := range ps {
			got[p.YouthID] = p
		}
		if p := got[asel]; p.MentorID != b.ID || p.Choice != 1 || p.Reasons[0].Key != match.KeyChoice1 || p.Status != matching.Pending {
			t.Errorf("Asel's proposal %+v", p)
		}
		if p := got[dana]; p.MentorID != a.ID || p.Reasons[0].Key != match.KeyAutomatic || p.Reasons[1].Key != match.KeySameField {
			t.Errorf("Dana's proposal %+v", p)
		}
		if want := store.Day(w.Clock.Now()).AddDate(0, 0, matching.DefaultDeadlineDays+1); !got[asel].Deadline.Equal(want) {
			t.Errorf("deadline %v, want %v", got[asel].Deadline, want)
		}
		un, err := s.RunUnmatched(ctx, f.coord, r.ID, 0, 0)
		must(t, err)
		if len(un) != 1 || un[0].YouthID != kid || un[0].Reason.Key != match.KeyNoConsent {
			t.Fatalf("unmatched %+v", un)
		}
		for _, m := range []int64{a.ID, b.ID} {
			if got, _ := w.Services.Mentoring.Get(ctx, f.coord, m); got.Mentees != 1 {
				t.Errorf("mentor %d has %d places taken, want 1", m, got.Mentees)
			}
		}

		// Pending proposals keep their young people out of the next run.
		again, err := s.Run(ctx, f.coord, matching.Params{})
		must(t, err)
		if again.Youth != 1 || again.Matched != 0 {
			t.Fatalf("second run %+v", again)
		}
		runs, next, err := s.Runs(ctx, f.coord, store.Page{Limit: 1})
		must(t, err)
		if len(runs) != 1 || runs[0].ID != again.ID || next == "" {
			t.Fatalf("runs %+v next %q", runs, next)
		}
		if _, _, err := s.Runs(ctx, w.Stranger.Principal(), store.Page{}); err != nil {
			t.Fatal(err)
		}
		_, err = s.GetRun(ctx, w.Stranger.Principal(), r.ID)
		wantKey(t, err, "error.forbidden")
		if ys, err := s.ForYouth(ctx, asel); err != nil || len(ys) != 1 || ys[0].MentorName != "Bolat" {
			t.Fatalf("ForYouth %+v %v", ys, err)
		}
	})
}

// TestAFullMentorIsNotProposed: a mentor whose places are all taken
// gets no proposal; their young person is told why.
func TestAFullMentorIsNotProposed(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		ctx := t.Context()
		full := f.addMentor(t, "Full", 1, true, "career")
		must(t, w.DB.Tx(ctx, func(tx *sql.Tx) error {
			return w.Services.Mentoring.Take(ctx, tx, full.ID, day(2026, 9, 1), false)
		}))
		y := f.addYouth(t, "Asel", "career", adult)
		f.choose(t, y, full.ID)
		r, err := f.s.Run(ctx, f.coord, matching.Params{})
		must(t, err)
		un, err := f.s.RunUnmatched(ctx, f.coord, r.ID, 0, 0)
		must(t, err)
		if r.Matched != 0 || len(un) != 1 || un[0].Reason.Key != match.KeyNoMentor {
			t.Fatalf("run %+v, unmatched %+v", r, un)
		}
		if f.mentees(t, full.ID) != 1 {
			t.Fatal("a full mentor's places changed")
		}
	})
}

// TestACohortIsNarrowed: by field, by region and by registration days.
func TestACohortIsNarrowed(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		ctx := t.Context()
		f.addMentor(t, "Aigerim", 5, true, "career")
		f.addYouth(t, "Asel", "career", adult)
		f.addYouth(t, "Dana", "education", adult)
		cohort := func(pr matching.Params) int {
			t.Helper()
			r, err := f.s.Run(ctx, f.coord, pr)
			must(t, err)
			if r.Matched > 0 { // give the places back for the next try
				_, err := w.DB.W.ExecContext(ctx, "UPDATE match_proposals SET status = 'expired', rematched_at = created_at")
				must(t, err)
			}
			return r.Youth
		}
		today := store.Day(w.Clock.Now())
		for _, c := range []struct {
			pr   matching.Params
			want int
		}{
			{matching.Params{Field: "education"}, 1},
			{matching.Params{Region: "KZ-75"}, 2},
			{matching.Params{Region: "KZ-35"}, 0},
			{matching.Params{From: today.AddDate(0, 0, 1)}, 0},
			{matching.Params{From: today, To: today}, 2},
		} {
			if got := cohort(c.pr); got != c.want {
				t.Errorf("%+v: cohort of %d, want %d", c.pr, got, c.want)
			}
		}
		_, err := f.s.Run(ctx, f.coord, matching.Params{Region: "XX-99"})
		wantKey(t, err, "error.invalid")
	})
}
