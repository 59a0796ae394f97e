package mentorship_test

import (
	"context"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/testworld"
)

// TestEndOnceInParallel ends a mentorship from two requests at once:
// exactly one ends it and gives the mentor's place back.
func TestEndOnceInParallel(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		e := setup(t, w)
		ctx := t.Context()
		_, err := e.s.End(ctx, e.mentor, e.f.Adult, mentorship.EndedEarly, "  ")
		wantKey(t, err, "error.required")
		_, err = e.s.End(ctx, e.mentor, e.f.Adult, mentorship.Active, "")
		wantKey(t, err, "error.invalid_choice_of")
		_, err = e.s.End(ctx, e.other, e.f.Adult, mentorship.Completed, "")
		wantKey(t, err, "error.forbidden")

		const n = 6
		results := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, results[i] = e.s.End(context.Background(), e.coord, e.f.Adult, mentorship.EndedEarly, "Moved away")
			}()
		}
		wg.Wait()
		ended := 0
		for _, err := range results {
			switch {
			case err == nil:
				ended++
			case errs.As(err) == nil || errs.As(err).Key != "error.mentorship_not_active":
				t.Errorf("a losing end: %v", err)
			}
		}
		if ended != 1 {
			t.Fatalf("%d requests ended it, want 1: %v", ended, results)
		}
		m, err := w.Services.Mentoring.Get(ctx, e.coord, e.f.Mentor.ID)
		must(t, err)
		if m.Mentees != 1 {
			t.Fatalf("mentor's places in use %d, want 1", m.Mentees)
		}
		got, err := e.s.Get(ctx, e.coord, e.f.Adult, "web")
		must(t, err)
		if got.Status != mentorship.EndedEarly || got.EndReason != "Moved away" || got.EndedOn.IsZero() {
			t.Fatalf("ended %+v", got)
		}
		_, err = e.s.LogSession(ctx, e.mentor, e.f.Adult, mentorship.SessionInput{HeldOn: testworld.Day(2026, 9, 1),
			Minutes: 30, Format: mentorship.Online, Topic: "After the end"})
		wantKey(t, err, "error.mentorship_not_active")

		done, err := e.s.End(ctx, e.mentor, e.f.Minor, mentorship.Completed, "")
		must(t, err)
		if done.Status != mentorship.Completed {
			t.Fatalf("completed %+v", done)
		}
		if m, _ := w.Services.Mentoring.Get(ctx, e.coord, e.f.Mentor.ID); m.Mentees != 0 {
			t.Fatalf("places in use after both ended: %d", m.Mentees)
		}
	})
}
