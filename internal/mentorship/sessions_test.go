package mentorship_test

import (
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/testworld"
)

// TestLogSession logs sessions by the mentor and a coordinator, refuses
// every bad field at once and anyone not the mentorship's.
func TestLogSession(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		e := setup(t, w)
		ctx, today := t.Context(), testworld.Day(2026, 9, 1)
		good := mentorship.SessionInput{HeldOn: today, Minutes: 60, Format: mentorship.Online, Topic: "CV"}
		x, err := e.s.LogSession(ctx, e.mentor, e.f.Minor, good)
		must(t, err)
		if x.ID == 0 || !x.HeldOn.Equal(today) || x.Minutes != 60 {
			t.Fatalf("logged %+v", x)
		}
		good.HeldOn, good.Minutes = today.AddDate(0, 0, -7), 90
		_, err = e.s.LogSession(ctx, e.coord, e.f.Minor, good)
		must(t, err)

		_, err = e.s.LogSession(ctx, e.mentor, e.f.Minor, mentorship.SessionInput{HeldOn: today.AddDate(0, 0, 1),
			Format: "phone", Topic: " "})
		want := []string{"format error.invalid_choice_of", "held_on error.session_future",
			"minutes error.session_minutes", "topic error.required"}
		if got := fieldKeys(err); !slices.Equal(got, want) {
			t.Errorf("bad session:\n got %q\nwant %q", got, want)
		}
		bad := good
		bad.Minutes = mentorship.MaxMinutes + 1
		wantKey(t, mustFail(e.s.LogSession(ctx, e.mentor, e.f.Minor, bad)), "error.session_minutes")
		bad = good
		bad.HeldOn = e.f.Started.AddDate(0, 0, -1)
		wantKey(t, mustFail(e.s.LogSession(ctx, e.mentor, e.f.Minor, bad)), "error.session_before_start")

		for name, p := range map[string]access.Principal{"another mentor": e.other, "a coordinator out of scope": e.stranger,
			"an auditor": e.auditor, "an operator": e.operator} {
			if _, err := e.s.LogSession(ctx, p, e.f.Minor, good); errs.CodeOf(err) != errs.Forbidden {
				t.Errorf("%s logs a session: %v", name, err)
			}
		}
		_, err = e.s.LogSession(ctx, e.mentor, e.f.OtherShip, good)
		wantKey(t, err, "error.forbidden")

		work, err := e.s.WorkOf(ctx, e.mentor, e.f.Minor)
		must(t, err)
		if len(work.Sessions) != 2 || work.Minutes() != 150 || !work.Sessions[0].HeldOn.Equal(today) {
			t.Fatalf("work %+v", work)
		}
		if mentorship.Hours(work.Minutes()) != 2.5 {
			t.Errorf("hours %v", mentorship.Hours(work.Minutes()))
		}
	})
}

// TestGoals sets goals by percentage and by steps and keeps versions.
func TestGoals(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		e := setup(t, w)
		ctx := t.Context()
		g, err := e.s.AddGoal(ctx, e.mentor, e.f.Adult, mentorship.GoalInput{Title: "Find a college",
			TargetOn: testworld.Day(2027, 6, 1), Steps: 4, StepsDone: 1})
		must(t, err)
		if g.Progress != 25 || g.Status != mentorship.GoalOpen || g.Version != 1 {
			t.Fatalf("goal %+v", g)
		}
		up, err := e.s.UpdateGoal(ctx, e.coord, e.f.Adult, g.ID, 1, mentorship.GoalInput{Title: "Find a college",
			Progress: 100, Status: mentorship.GoalAchieved})
		must(t, err)
		if up.Progress != 100 || up.Version != 2 {
			t.Fatalf("updated %+v", up)
		}
		_, err = e.s.UpdateGoal(ctx, e.coord, e.f.Adult, g.ID, 1, mentorship.GoalInput{Title: "Again"})
		wantKey(t, err, "error.conflict")
		_, err = e.s.UpdateGoal(ctx, e.coord, e.f.Minor, g.ID, 2, mentorship.GoalInput{Title: "Elsewhere"})
		wantKey(t, err, "error.not_found")
		_, err = e.s.AddGoal(ctx, e.mentor, e.f.Adult, mentorship.GoalInput{Progress: 150, Status: "maybe",
			TargetOn: e.f.Started.AddDate(0, 0, -1)})
		want := []string{"progress error.goal_progress", "status error.invalid_choice_of",
			"target_on error.goal_target_before_start", "title error.required"}
		if got := fieldKeys(err); !slices.Equal(got, want) {
			t.Errorf("bad goal:\n got %q\nwant %q", got, want)
		}
		_, err = e.s.AddGoal(ctx, e.mentor, e.f.Adult, mentorship.GoalInput{Title: "Steps", Steps: 2, StepsDone: 3})
		wantKey(t, err, "error.goal_steps")
		_, err = e.s.AddGoal(ctx, e.other, e.f.Adult, mentorship.GoalInput{Title: "Not mine"})
		wantKey(t, err, "error.forbidden")
		work, err := e.s.WorkOf(ctx, e.coord, e.f.Adult)
		must(t, err)
		if len(work.Goals) != 1 || work.Goals[0].Status != mentorship.GoalAchieved {
			t.Fatalf("goals %+v", work.Goals)
		}
	})
}

func mustFail[T any](_ T, err error) error { return err }
