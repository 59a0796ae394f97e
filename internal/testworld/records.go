package testworld

import (
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
)

// Day is a date (a date of birth, a day of a visit) at midnight UTC.
func Day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Org makes an organisation as the system.
func (w *World) Org(t testing.TB, in orgs.Input) orgs.Organisation {
	t.Helper()
	o, err := w.Services.Orgs.Create(t.Context(), access.System, in)
	if err != nil {
		t.Fatalf("create organisation %s: %v", in.Name, err)
	}
	return o
}

// Child is the input for a pupil of School №1 in Almaty, in grade 3.
func (w *World) Child(last, first string, birth time.Time) people.Input {
	return people.Input{LastName: last, FirstName: first, BirthDate: birth, RegionCode: "KZ-75",
		OrgID: w.School.ID, Status: people.Pupil, Grade: 3}
}

// Person registers a person as the system.
func (w *World) Person(t testing.TB, in people.Input) people.Person {
	t.Helper()
	p, err := w.Services.People.Create(t.Context(), access.System, in)
	if err != nil {
		t.Fatalf("create person %s %s: %v", in.LastName, in.FirstName, err)
	}
	return p
}

// Household makes a household as the system, of School №1 in Almaty
// unless in says otherwise, and adds the members in order. It returns the
// household as created: reading it back would write to the access log,
// which a test may be counting.
func (w *World) Household(t testing.TB, in people.HouseholdInput, members ...people.MemberInput) people.Household {
	t.Helper()
	if in.OrgID == 0 {
		in.OrgID = w.School.ID
	}
	if in.RegionCode == "" {
		in.RegionCode = "KZ-75"
	}
	ctx := t.Context()
	h, err := w.Services.People.CreateHousehold(ctx, access.System, in)
	if err != nil {
		t.Fatalf("create household: %v", err)
	}
	for _, m := range members {
		if err := w.Services.People.AddMember(ctx, access.System, h.ID, m); err != nil {
			t.Fatalf("add person %d to household %d: %v", m.PersonID, h.ID, err)
		}
	}
	return h
}
