package mentorship_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/testworld"
)

// TestForYouth gives a young person their own mentorship only, with its
// sessions, goals and feedback, the mentor named by first name.
func TestForYouth(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		e := setup(t, w)
		ctx := t.Context()
		x, err := e.s.LogSession(ctx, e.mentor, e.f.Minor, mentorship.SessionInput{HeldOn: testworld.Day(2026, 8, 30),
			Minutes: 45, Format: mentorship.InPerson, Topic: "First meeting"})
		must(t, err)
		_, err = e.s.AddGoal(ctx, e.mentor, e.f.Minor, mentorship.GoalInput{Title: "Find a college", Steps: 4,
			StepsDone: 1, Status: mentorship.GoalOpen})
		must(t, err)
		_, err = e.s.YouthFeedback(ctx, e.f.MinorYouth, x.ID, 5, "Helpful")
		must(t, err)

		own, err := e.s.ForYouth(ctx, e.f.MinorYouth)
		must(t, err)
		if len(own) != 1 || own[0].ID != e.f.Minor {
			t.Fatalf("own mentorships %+v", own)
		}
		o := own[0]
		if o.MentorName == "" || strings.Contains(o.MentorName, " ") || !strings.HasPrefix(e.f.Mentor.Name, o.MentorName) {
			t.Errorf("mentor named %q, want the first name of %q", o.MentorName, e.f.Mentor.Name)
		}
		if len(o.Sessions) != 1 || o.Sessions[0].Topic != "First meeting" || o.Minutes() != 45 {
			t.Errorf("sessions %+v", o.Sessions)
		}
		if len(o.Goals) != 1 || o.Goals[0].Progress != 25 {
			t.Errorf("goals %+v", o.Goals)
		}
		if !o.Given(x.ID) || o.Given(x.ID+1) {
			t.Errorf("feedback given %+v", o.Feedback)
		}

		other, err := e.s.ForYouth(ctx, e.f.AdultYouth)
		must(t, err)
		for _, m := range other {
			if m.YouthID != e.f.AdultYouth || len(m.Sessions) != 0 {
				t.Errorf("another's mentorship %+v", m)
			}
		}
		none, err := e.s.ForYouth(ctx, e.f.MinorYouth+1000)
		must(t, err)
		if len(none) != 0 {
			t.Errorf("an unknown young person's %+v", none)
		}
	})
}
