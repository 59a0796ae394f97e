package volunteers_test

import (
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/volunteers"
)

func TestHoursAreTheVolunteersAndCountWhenApproved(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Volunteers
		coord := w.Principal(access.Coordinator)
		today := testworld.Day(2026, 9, 1)
		n := need(t, w, 5, today)
		aigul, aiP := volunteer(t, w, "aigul", aftercare.Distribution)
		_, boP := volunteer(t, w, "bolat")
		_, err := s.SignUp(ctx, aiP, n.ID)
		must(t, err)

		// Bad input is refused and leaves nothing behind.
		for _, c := range []struct {
			in  volunteers.HoursInput
			key string
		}{
			{volunteers.HoursInput{WorkedOn: today, Minutes: 0}, "error.hours_positive"},
			{volunteers.HoursInput{WorkedOn: today, Minutes: -30}, "error.hours_positive"},
			{volunteers.HoursInput{WorkedOn: today.AddDate(0, 0, 1), Minutes: 60}, "error.hours_future"},
			{volunteers.HoursInput{WorkedOn: today, Minutes: 25 * 60}, "error.hours_day_over"},
			{volunteers.HoursInput{WorkedOn: today, Minutes: 60, NeedID: n.ID, CourseID: 1}, "error.hours_one_purpose"},
		} {
			_, err := s.LogHours(ctx, aiP, c.in)
			wantKey(t, err, c.key)
		}
		_, err = s.LogHours(ctx, boP, volunteers.HoursInput{WorkedOn: today, Minutes: 60, NeedID: n.ID})
		wantKey(t, err, "error.hours_not_your_need")
		_, err = s.LogHours(ctx, coord, volunteers.HoursInput{WorkedOn: today, Minutes: 60})
		wantKey(t, err, "error.forbidden")
		if rows := scalar(t, w, "SELECT count(*) FROM volunteer_hours"); rows != 0 {
			t.Fatalf("refused hours left %d rows", rows)
		}

		// 20 hours one day leave 4 more for it; a rejection frees them.
		long, err := s.LogHours(ctx, aiP, volunteers.HoursInput{WorkedOn: today, Minutes: 20 * 60, NeedID: n.ID})
		must(t, err)
		if long.Status != volunteers.Pending || long.NeedTitle != "Distribution day" {
			t.Fatalf("logged %+v", long)
		}
		_, err = s.LogHours(ctx, aiP, volunteers.HoursInput{WorkedOn: today, Minutes: 5 * 60})
		wantKey(t, err, "error.hours_day_over")
		short, err := s.LogHours(ctx, aiP, volunteers.HoursInput{WorkedOn: today.AddDate(0, 0, -1), Minutes: 150,
			Note: "Sorting donations"})
		must(t, err)
		bo, err := s.LogHours(ctx, boP, volunteers.HoursInput{WorkedOn: today, Minutes: 90})
		must(t, err)

		queue, _, err := s.HoursList(ctx, coord, volunteers.HoursFilter{Status: volunteers.Pending}, volunteers.Page{})
		must(t, err)
		if len(queue) != 3 {
			t.Fatalf("queue of %d, want 3", len(queue))
		}
		_, err = s.DecideHours(ctx, coord, long.ID, long.Version, volunteers.Decision{Approve: false})
		wantKey(t, err, "error.required")
		_, err = s.DecideHours(ctx, aiP, short.ID, short.Version, volunteers.Decision{Approve: true})
		wantKey(t, err, "error.forbidden")
		rej, err := s.DecideHours(ctx, coord, long.ID, long.Version, volunteers.Decision{Reason: "The day was 8 hours"})
		must(t, err)
		if rej.Status != volunteers.Rejected || rej.Reason != "The day was 8 hours" {
			t.Fatalf("rejected %+v", rej)
		}
		_, err = s.DecideHours(ctx, coord, long.ID, rej.Version, volunteers.Decision{Approve: true})
		wantKey(t, err, "error.hours_decided")
		eight, err := s.LogHours(ctx, aiP, volunteers.HoursInput{WorkedOn: today, Minutes: 8 * 60, NeedID: n.ID})
		must(t, err)
		_, err = s.DecideHours(ctx, coord, short.ID, short.Version, volunteers.Decision{Approve: true})
		must(t, err)
		_, err = s.DecideHours(ctx, coord, bo.ID, bo.Version, volunteers.Decision{Approve: true})
		must(t, err)

		// Only approved hours count: aigul 2.5 h, bolat 1.5 h; 8 h wait.
		tot, err := s.Totals(ctx, coord, 0)
		must(t, err)
		want := volunteers.Totals{Volunteers: 2, Minutes: 240, PendingMinutes: 480, RejectedMinutes: 1200}
		if tot != want {
			t.Fatalf("totals %+v, want %+v", tot, want)
		}
		by, err := s.HoursByVolunteer(ctx, coord, 0)
		must(t, err)
		if len(by) != 2 || by[0].VolunteerID != aigul.ID || by[0].Minutes != 150 || by[0].Needs != 1 || by[1].Minutes != 90 {
			t.Fatalf("by volunteer %+v", by)
		}
		mine, err := s.MyHours(ctx, aiP)
		must(t, err)
		if len(mine) != 3 {
			t.Fatalf("aigul sees %d entries, want 3", len(mine))
		}
		if _, err := s.Hours(ctx, boP, short.ID); !notFound(err) {
			t.Fatalf("bolat read aigul's hours: %v", err)
		}
		if _, err := s.Totals(ctx, w.Principal(access.Sponsor), 0); err == nil {
			t.Fatal("a sponsor read the volunteer totals")
		}
		other, err := s.Totals(ctx, w.Stranger.Principal(), 0)
		must(t, err)
		if other != (volunteers.Totals{}) {
			t.Fatalf("Tehran's coordinator sees Almaty's hours: %+v", other)
		}

		// By skill: the need's role for its hours once approved, other
		// for the hours logged for nothing in particular.
		_, err = s.DecideHours(ctx, coord, eight.ID, eight.Version, volunteers.Decision{Approve: true})
		must(t, err)
		skills, err := s.HoursBySkill(ctx, coord, 0)
		must(t, err)
		wantSkills := []volunteers.SkillMinutes{{Skill: aftercare.Distribution, Minutes: 480}, {Skill: aftercare.OtherSkill, Minutes: 240}}
		if !slices.Equal(skills, wantSkills) {
			t.Fatalf("by skill %+v, want %+v", skills, wantSkills)
		}
		if theirs, err := s.HoursBySkill(ctx, w.Stranger.Principal(), 0); err != nil || len(theirs) != 0 {
			t.Fatalf("Tehran's coordinator sees Almaty's hours by skill: %+v, %v", theirs, err)
		}
		if _, err := s.HoursBySkill(ctx, w.Principal(access.Sponsor), 0); err == nil {
			t.Fatal("a sponsor read the hours by skill")
		}
	})
}

func TestParseHours(t *testing.T) {
	for in, want := range map[string]int{"3": 180, "2.5": 150, "2,5": 150, "1:45": 105, "۲": 120} {
		got, err := volunteers.ParseHours(in)
		if err != nil || got != want {
			t.Errorf("ParseHours(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-1", "x", "1:75", "25", "NaN"} {
		if _, err := volunteers.ParseHours(in); err == nil {
			t.Errorf("ParseHours(%q) took it", in)
		}
	}
}
