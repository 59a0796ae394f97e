package demo_test

import (
	"strconv"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/volunteers"
)

// The demo has 40 volunteers, needs with sign-ups (the drivers' full),
// hours approved, waiting and rejected (the Karaganda day's for this
// year's Road to School), and two free courses with their children and
// attendance, beside last summer's course of last year's campaign (three
// teachers' hours, one of whom has hours this year too). Seeding twice
// adds nothing.
func TestDemoVolunteering(t *testing.T) {
	_, svc := seeded(t)
	if _, err := demo.Seed(ctx, svc, demo.Options{Now: now}); err != nil { // a second seed
		t.Fatal(err)
	}
	n, err := svc.Aftercare.VolunteersCount(ctx, access.System, aftercare.VolunteerFilter{})
	if err != nil || n.N != 40 {
		t.Fatalf("%d volunteers (%v), want 40", n.N, err)
	}
	needs, _, err := svc.Volunteers.Needs(ctx, access.System, volunteers.NeedFilter{}, volunteers.Page{})
	if err != nil || len(needs) != 3 || needs[0].Taken != 5 || needs[1].Free() != 0 {
		t.Fatalf("needs %+v (%v)", needs, err)
	}
	tot, err := svc.Volunteers.Totals(ctx, access.System, 0)
	if err != nil || tot.Volunteers != 7 || tot.PendingMinutes == 0 || tot.RejectedMinutes == 0 {
		t.Fatalf("hours %+v (%v)", tot, err)
	}
	// The Karaganda day's approved hours are this year's Road to
	// School's: its dashboard shows them by skill.
	road, err := svc.Campaigns.Public(ctx, "road-"+strconv.Itoa(now().Year()))
	if err != nil {
		t.Fatal(err)
	}
	skills, err := svc.Volunteers.HoursBySkill(ctx, access.System, road.ID)
	if err != nil || len(skills) != 1 || skills[0].Skill != aftercare.Distribution || skills[0].Minutes == 0 {
		t.Fatalf("the campaign's hours by skill %+v (%v)", skills, err)
	}
	list, err := svc.Courses.Courses(ctx, access.System, 0)
	if err != nil || len(list) != 3 {
		t.Fatalf("courses %+v (%v)", list, err)
	}
	for _, c := range list {
		if c.CampaignID != 0 {
			continue // last summer's
		}
		sessions, err := svc.Courses.Sessions(ctx, access.System, c.ID)
		if err != nil || c.Enrolled < 3 || len(sessions) != 4 || sessions[0].Marked != c.Enrolled || sessions[0].Present == 0 {
			t.Fatalf("course %s: %d enrolled, sessions %+v (%v)", c.Title, c.Enrolled, sessions, err)
		}
	}
}
