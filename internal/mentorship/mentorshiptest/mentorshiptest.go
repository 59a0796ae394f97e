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
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/youth"
)

// Fixture is a small mentoring programme: a mentor (Mentor, their login
// MentorUser) mentoring a minor (Minor) and an adult (Adult), and another
// mentor (Other, login OtherUser) mentoring a second adult (OtherShip).
// Each mentor has two of three places taken.
type Fixture struct {
	Mentor, Other           mentoring.Mentor
	MentorUser, OtherUser   accounts.User
	MinorYouth, AdultYouth  int64
	Minor, Adult, OtherShip int64 // mentorship ids
	Started                 time.Time
}

// Setup is where Build makes the fixture: the services and database, the
// organisation (a branch, or the head of branches) the mentors and young
// people belong to and its region, a coordinator over it, the clock's
// time and the password of the mentors' logins.
type Setup struct {
	Svc        *services.Services
	DB         *store.DB
	OrgID      int64
	RegionCode string
	Coord      access.Principal
	Now        time.Time
	Password   string
}

// Seed builds the fixture in test world w, in the Foundation, Almaty.
func Seed(t testing.TB, w *testworld.World) Fixture {
	t.Helper()
	return Build(t, Setup{Svc: w.Services, DB: w.DB, OrgID: w.Foundation.ID, RegionCode: "KZ-75",
		Coord: w.Principal(access.Coordinator), Now: w.Clock.Now(), Password: testworld.Password})
}

// Build builds the fixture as s says. The mentorships began a month
// before s.Now; the mentors' logins are bolat@example.org and
// saule@example.org.
func Build(t testing.TB, s Setup) Fixture {
	t.Helper()
	ctx := context.Background()
	f := Fixture{Started: store.Day(s.Now.AddDate(0, -1, 0))}
	user := func(email, name string) accounts.User {
		u, err := s.Svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: email, Name: name,
			Role: access.Mentor, OrgID: s.OrgID, Region: s.RegionCode, Locale: "en", Password: s.Password})
		if err != nil {
			t.Fatalf("user %s: %v", email, err)
		}
		return u
	}
	mentor := func(name, email string, u accounts.User) mentoring.Mentor {
		m, err := s.Svc.Mentoring.Create(ctx, s.Coord, mentoring.Input{Name: name, Email: email,
			Background: mentoring.Coach, Fields: []string{"career"}, Languages: []string{"kk", "ru"},
			OrgID: s.OrgID, RegionCode: s.RegionCode, InPerson: true, Online: true, Capacity: 3, Minors: true,
			Vetting: mentoring.Vetting{Document: "Certificate 17/2026", On: s.Now.AddDate(0, -6, 0),
				Expires: s.Now.AddDate(1, 0, 0), CheckedBy: "A. Seitkali"}})
		if err != nil {
			t.Fatalf("mentor %s: %v", name, err)
		}
		if err := s.Svc.Mentoring.LinkUser(ctx, s.Coord, m.ID, u.ID); err != nil {
			t.Fatalf("link %s: %v", name, err)
		}
		exec(t, s.DB, "UPDATE mentors SET status = 'approved', mentees = 2 WHERE id = $1", m.ID)
		m.Mentees = 2
		return m
	}
	f.MentorUser = user("bolat@example.org", "Bolat Nurlanov")
	f.Mentor = mentor("Bolat Nurlanov", "bolat.n@example.org", f.MentorUser)
	f.OtherUser = user("saule@example.org", "Saule Abenova")
	f.Other = mentor("Saule Abenova", "saule.a@example.org", f.OtherUser)
	young := func(first string, age int, phone string) int64 {
		in := youth.Input{LastName: "Seitkali",
			FirstName: first, Birth: store.Day(s.Now).AddDate(-age, 0, -10), RegionCode: s.RegionCode,
			Settlement: youth.Urban, Status: youth.NEET, Field: "career", Language: "kk",
			Contact: youth.Contact{Phone: phone}, Channel: youth.Web}
		if age < youth.AdultAge {
			// A minor registering on the web names their guardian.
			in.Guardian = youth.GuardianDetails{Name: "Gulnar Seitkali", Relation: "mother", Contact: "+7 701 000 11 22"}
		}
		r, err := s.Svc.Youth.Register(ctx, s.Coord, s.OrgID, in)
		if err != nil {
			t.Fatalf("young person %s: %v", first, err)
		}
		return r.ID
	}
	f.MinorYouth = young("Aruzhan", 15, "+7 701 111 22 33")
	f.AdultYouth = young("Dana", 20, "+7 701 444 55 66")
	f.Minor = Insert(t, s.DB, f.MinorYouth, f.Mentor.ID, true, f.Started)
	f.Adult = Insert(t, s.DB, f.AdultYouth, f.Mentor.ID, false, f.Started)
	f.OtherShip = Insert(t, s.DB, young("Erlan", 22, "+7 701 777 88 99"), f.Other.ID, false, f.Started)
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
