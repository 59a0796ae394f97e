package volunteers_test

import (
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/volunteers"
)

// need records a need of the Foundation in Almaty for wanted people on day.
func need(t testing.TB, w *testworld.World, wanted int, day time.Time) volunteers.Need {
	t.Helper()
	n, err := w.Services.Volunteers.CreateNeed(t.Context(), w.Principal(access.Coordinator), volunteers.NeedInput{
		Role: aftercare.Distribution, Title: "Distribution day", Place: "Centre No. 3", OnDate: day, Wanted: wanted,
		RegionCode: "KZ-75", OrgID: w.Foundation.ID})
	must(t, err)
	return n
}

func TestNeedsTakeNoMoreThanTheyAsk(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Volunteers
		coord := w.Principal(access.Coordinator)
		day := testworld.Day(2026, 9, 5)
		n := need(t, w, 2, day)
		_, aigul := volunteer(t, w, "aigul", aftercare.Distribution)
		_, bolat := volunteer(t, w, "bolat")
		_, dana := volunteer(t, w, "dana")

		got, err := s.SignUp(ctx, aigul, n.ID)
		must(t, err)
		if got.Taken != 1 || !got.Mine {
			t.Fatalf("after one sign-up: taken %d, mine %v", got.Taken, got.Mine)
		}
		_, err = s.SignUp(ctx, aigul, n.ID)
		wantKey(t, err, "error.need_signed_already")
		_, err = s.SignUp(ctx, bolat, n.ID)
		must(t, err)
		_, err = s.SignUp(ctx, dana, n.ID)
		wantKey(t, err, "error.need_full")
		if taken := scalar(t, w, "SELECT taken FROM volunteer_needs WHERE id = $1", n.ID); taken != 2 {
			t.Fatalf("a refused sign-up changed the need: taken %d", taken)
		}
		// A coordinator may not drop the places below those taken.
		_, err = s.UpdateNeed(ctx, coord, n.ID, n.Version, volunteers.NeedInput{Role: aftercare.Distribution,
			Title: "Distribution day", OnDate: day, Wanted: 1, RegionCode: "KZ-75", OrgID: w.Foundation.ID})
		wantKey(t, err, "error.need_below_taken")

		// Withdrawing frees the place for someone else.
		got, err = s.Withdraw(ctx, aigul, n.ID)
		must(t, err)
		if got.Taken != 1 || got.Mine {
			t.Fatalf("after withdrawal: taken %d, mine %v", got.Taken, got.Mine)
		}
		_, err = s.Withdraw(ctx, aigul, n.ID)
		wantKey(t, err, "error.need_not_signed")
		_, err = s.SignUp(ctx, dana, n.ID)
		must(t, err)

		full, err := s.Need(ctx, coord, n.ID)
		must(t, err)
		if len(full.Signups) != 2 || full.Signups[0].Name != "bolat" || full.Signups[1].Name != "dana" {
			t.Fatalf("sign-ups %+v, want bolat and dana", full.Signups)
		}
		open, signed, err := s.OpenNeeds(ctx, dana)
		must(t, err)
		if len(open) != 1 || !open[0].Mine || len(signed) != 1 {
			t.Fatalf("dana's needs: open %+v, signed %+v", open, signed)
		}

		// Past and cancelled needs take nobody; staff and strangers cannot
		// sign up; volunteers do not list needs.
		w.Clock.Set(day.AddDate(0, 0, 1))
		_, err = s.SignUp(ctx, aigul, n.ID)
		wantKey(t, err, "error.need_past")
		w.Clock.Set(testworld.Epoch())
		later := need(t, w, 3, day.AddDate(0, 0, 7))
		_, err = s.CancelNeed(ctx, coord, later.ID, later.Version)
		must(t, err)
		_, err = s.SignUp(ctx, aigul, later.ID)
		wantKey(t, err, "error.need_cancelled")
		_, err = s.SignUp(ctx, coord, n.ID)
		wantKey(t, err, "error.forbidden")
		_, err = s.SignUp(ctx, w.Principal(access.Volunteer), n.ID)
		wantKey(t, err, "error.no_volunteer_record")
		if _, _, err := s.Needs(ctx, aigul, volunteers.NeedFilter{}, volunteers.Page{}); err == nil {
			t.Fatal("a volunteer listed the coordinators' needs")
		}
		if _, err := s.Need(ctx, w.Stranger.Principal(), n.ID); !notFound(err) {
			t.Fatalf("a coordinator of another organisation read the need: %v", err)
		}
		list, _, err := s.Needs(ctx, coord, volunteers.NeedFilter{Open: true}, volunteers.Page{Limit: 10})
		must(t, err)
		if len(list) != 1 || list[0].ID != n.ID {
			t.Fatalf("open needs %+v, want the first only", list)
		}
		c, err := s.NeedsCount(ctx, coord, volunteers.NeedFilter{})
		must(t, err)
		if c.N != 2 {
			t.Fatalf("count %d, want 2", c.N)
		}
	})
}

// TestParallelSignUpsFillANeedExactly signs 100 volunteers up at once to
// a need of 6: exactly 6 succeed, every other is told the need is full.
func TestParallelSignUpsFillANeedExactly(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		const people, wanted = 100, 6
		n := need(t, w, wanted, testworld.Day(2026, 8, 28).AddDate(1, 0, 0))
		logins := make([]access.Principal, people)
		for i := range logins {
			_, logins[i] = volunteer(t, w, "v"+itoa(i))
		}
		var wg sync.WaitGroup
		errsOf := make([]error, people)
		start := make(chan struct{})
		for i, p := range logins {
			wg.Go(func() {
				<-start
				_, errsOf[i] = w.Services.Volunteers.SignUp(t.Context(), p, n.ID)
			})
		}
		close(start)
		wg.Wait()
		ok := 0
		for _, err := range errsOf {
			if err == nil {
				ok++
				continue
			}
			wantKey(t, err, "error.need_full")
		}
		if ok != wanted {
			t.Fatalf("%d sign-ups succeeded, want %d", ok, wanted)
		}
		if rows := scalar(t, w, "SELECT count(*) FROM need_signups WHERE need_id = $1", n.ID); rows != wanted {
			t.Fatalf("%d sign-ups stored, want %d", rows, wanted)
		}
		if taken := scalar(t, w, "SELECT taken FROM volunteer_needs WHERE id = $1", n.ID); taken != wanted {
			t.Fatalf("taken %d, want %d", taken, wanted)
		}
	})
}
