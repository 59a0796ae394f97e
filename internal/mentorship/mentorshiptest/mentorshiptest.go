// Package mentorshiptest sets up what tests of mentorships need: mentors
// with logins, young people, and mentorships between them written as
// plain rows, as the matching writes them when a mentor accepts.
package mentorshiptest

import (
	"context"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/youth"
)

// Fixture is a small mentoring programme in a test world: the world's
// mentor (Mentor, their login the world's mentor user) mentoring a minor
// (Minor) and an adult (Adult), and another mentor with a login of their
// own (Other, OtherUser) mentoring a second adult (OtherShip). Each mentor
// has two of three places taken.
type Fixture struct {
	Mentor, Other           mentoring.Mentor
	OtherUser               accounts.User
	MinorYouth, AdultYouth  int64
	Minor, Adult, OtherShip int64 // mentorship ids
	Started                 time.Time
}

// Seed builds the fixture in w. The mentorships began a month before the
// world's clock.
func Seed(t testing.TB, w *testworld.World) Fixture {
	t.Helper()
	ctx := context.Background()
	coord := w.Principal(access.Coordinator)
	f := Fixture{Started: store.Day(w.Clock.Now().AddDate(0, -1, 0))}
	mentor := func(name, email string, user int64) mentoring.Mentor {
		m, err := w.Services.Mentoring.Create(ctx, coord, mentoring.Input{Name: name, Email: email,
			Background: mentoring.Coach, Fields: []string{"career"}, Languages: []string{"kk", "ru"},
			OrgID: w.Foundation.ID, RegionCode: "KZ-75", InPerson: true, Online: true, Capacity: 3, Minors: true,
			Vetting: mentoring.Vetting{Document: "Certificate 17/2026", On: testworld.Day(2026, 3, 1),
				Expires: testworld.Day(2027, 2, 28), CheckedBy: "A. Seitkali"}})
		if err != nil {
			t.Fatalf("mentor %s: %v", name, err)
		}
		if err := w.Services.Mentoring.LinkUser(ctx, coord, m.ID, user); err != nil {
			t.Fatalf("link %s: %v", name, err)
		}
		exec(t, w.DB, "UPDATE mentors SET status = 'approved', mentees = 2 WHERE id = $1", m.ID)
		m.Mentees = 2
		return m
	}
	f.Mentor = mentor("Bolat Nurlanov", "bolat@example.org", w.Users[access.Mentor].ID)
	f.OtherUser = w.User(t, accounts.NewUser{Email: "mentor2@example.org", Name: "Saule Mentor",
		Role: access.Mentor, OrgID: w.Centre.ID, Region: "KZ-75"})
	f.Other = mentor("Saule Abenova", "saule@example.org", f.OtherUser.ID)
	young := func(first string, age int, phone string) int64 {
		r, err := w.Services.Youth.Register(ctx, coord, w.Foundation.ID, youth.Input{LastName: "Seitkali",
			FirstName: first, Birth: store.Day(w.Clock.Now()).AddDate(-age, 0, -10), RegionCode: "KZ-75",
			Settlement: youth.Urban, Status: youth.NEET, Field: "career", Language: "kk",
			Contact: youth.Contact{Phone: phone}, Channel: youth.Web})
		if err != nil {
			t.Fatalf("young person %s: %v", first, err)
		}
		return r.ID
	}
	f.MinorYouth = young("Aruzhan", 15, "+7 701 111 22 33")
	f.AdultYouth = young("Dana", 20, "+7 701 444 55 66")
	f.Minor = Insert(t, w.DB, f.MinorYouth, f.Mentor.ID, true, f.Started)
	f.Adult = Insert(t, w.DB, f.AdultYouth, f.Mentor.ID, false, f.Started)
	f.OtherShip = Insert(t, w.DB, young("Erlan", 22, "+7 701 777 88 99"), f.Other.ID, false, f.Started)
	return f
}

// Insert writes an active mentorship of young person youthID with mentor
// mentorID from day on, with the young person's paths, and returns its id.
func Insert(t testing.TB, db *store.DB, youthID, mentorID int64, minor bool, day time.Time) int64 {
	t.Helper()
	var id int64
	err := db.W.QueryRowContext(context.Background(), store.Rebind(db.Engine, `INSERT INTO mentorships
		(youth_id, mentor_id, org_path, region_path, minor, status, started_on, created_at, updated_at)
		SELECT id, $1, org_path, region_path, $2, 'active', $3, $4, $4 FROM youth WHERE id = $5 RETURNING id`),
		mentorID, minor, day, day, youthID).Scan(&id)
	if err != nil {
		t.Fatalf("insert mentorship: %v", err)
	}
	return id
}

func exec(t testing.TB, db *store.DB, query string, args ...any) {
	t.Helper()
	if _, err := db.W.ExecContext(context.Background(), store.Rebind(db.Engine, query), args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}
