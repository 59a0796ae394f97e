package mentorship_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/testworld"
)

// TestFeedbackBothWays takes the mentor's and the young person's
// feedback on a session once each, and refuses it on another's.
func TestFeedbackBothWays(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		e := setup(t, w)
		ctx := t.Context()
		x, err := e.s.LogSession(ctx, e.mentor, e.f.Minor, mentorship.SessionInput{HeldOn: testworld.Day(2026, 8, 30),
			Minutes: 45, Format: mentorship.InPerson, Topic: "First meeting"})
		must(t, err)
		mine, err := e.s.MentorFeedback(ctx, e.mentor, e.f.Minor, x.ID, 4, "Shy but keen")
		must(t, err)
		if mine.Author != mentorship.ByMentor || mine.Rating != 4 {
			t.Fatalf("mentor's feedback %+v", mine)
		}
		_, err = e.s.MentorFeedback(ctx, e.mentor, e.f.Minor, x.ID, 5, "Again")
		wantKey(t, err, "error.feedback_given")
		theirs, err := e.s.YouthFeedback(ctx, e.f.MinorYouth, x.ID, 5, "Helpful")
		must(t, err)
		if theirs.Author != mentorship.ByYouth {
			t.Fatalf("young person's feedback %+v", theirs)
		}

		// Feedback on another's mentorship.
		for name, p := range map[string]access.Principal{"another mentor": e.other, "a coordinator": e.coord} {
			if _, err := e.s.MentorFeedback(ctx, p, e.f.Minor, x.ID, 3, ""); errs.CodeOf(err) != errs.Forbidden {
				t.Errorf("%s gives the mentor's feedback: %v", name, err)
			}
		}
		_, err = e.s.MentorFeedback(ctx, e.mentor, e.f.Adult, x.ID, 3, "Through another mentorship")
		wantKey(t, err, "error.not_found")
		_, err = e.s.YouthFeedback(ctx, e.f.AdultYouth, x.ID, 1, "Not my session")
		wantKey(t, err, "error.not_found")
		_, err = e.s.YouthFeedback(ctx, e.f.MinorYouth, x.ID+100, 1, "")
		wantKey(t, err, "error.not_found")

		y, err := e.s.LogSession(ctx, e.coord, e.f.Minor, mentorship.SessionInput{HeldOn: testworld.Day(2026, 8, 31),
			Minutes: 30, Format: mentorship.Online, Topic: "Follow-up"})
		must(t, err)
		_, err = e.s.YouthFeedback(ctx, e.f.MinorYouth, y.ID, 0, "")
		wantKey(t, err, "error.feedback_rating")

		work, err := e.s.WorkOf(ctx, e.coord, e.f.Minor)
		must(t, err)
		if len(work.Feedback) != 2 {
			t.Fatalf("feedback %+v", work.Feedback)
		}
	})
}
