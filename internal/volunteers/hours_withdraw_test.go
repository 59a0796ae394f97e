package volunteers_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/volunteers"
)

// A volunteer takes back hours of their own while they wait, and only
// those: hours decided, hours of another volunteer and a stale version
// are refused, and nothing is deleted by a refusal.
func TestVolunteerWithdrawsTheirPendingHours(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Volunteers
		coord := w.Principal(access.Coordinator)
		day := testworld.Day(2026, 9, 1)
		_, aiP := volunteer(t, w, "aigul")
		_, boP := volunteer(t, w, "bolat")
		log := func(p access.Principal, minutes int) volunteers.Hours {
			h, err := s.LogHours(ctx, p, volunteers.HoursInput{WorkedOn: day, Minutes: minutes})
			must(t, err)
			return h
		}
		wrong, decided, bolat := log(aiP, 600), log(aiP, 60), log(boP, 90)
		_, err := s.DecideHours(ctx, coord, decided.ID, decided.Version, volunteers.Decision{Approve: true})
		must(t, err)

		wantKey(t, s.WithdrawHours(ctx, aiP, decided.ID, decided.Version+1), "error.hours_decided")
		wantKey(t, s.WithdrawHours(ctx, aiP, bolat.ID, bolat.Version), "error.not_found")
		wantKey(t, s.WithdrawHours(ctx, coord, wrong.ID, wrong.Version), "error.forbidden")
		wantKey(t, s.WithdrawHours(ctx, aiP, wrong.ID, wrong.Version+1), "error.hours_changed")
		if n := scalar(t, w, "SELECT count(*) FROM volunteer_hours"); n != 3 {
			t.Fatalf("refusals left %d hours, want 3", n)
		}

		must(t, s.WithdrawHours(ctx, aiP, wrong.ID, wrong.Version))
		mine, err := s.MyHours(ctx, aiP)
		must(t, err)
		if len(mine) != 1 || mine[0].ID != decided.ID {
			t.Fatalf("after the withdrawal the volunteer has %+v, want the decided hours alone", mine)
		}
		// The day's 10 hours are free again.
		log(aiP, 600)
		wantKey(t, s.WithdrawHours(ctx, aiP, wrong.ID, wrong.Version), "error.not_found")
	})
}
