package testworld_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

func TestEveryRoleHasAUserWhoCanLogIn(t *testing.T) {
	w := testworld.SQLite(t)
	if len(w.Users) != len(access.Roles()) {
		t.Fatalf("%d users for %d roles", len(w.Users), len(access.Roles()))
	}
	for _, r := range access.Roles() {
		u := w.Users[r]
		if u.Role != r || u.Email != testworld.Email(r) || !u.Active {
			t.Errorf("user of %s: %+v", r, u)
		}
		var hash string
		q := store.Rebind(w.DB.Engine, "SELECT password_hash FROM users WHERE id = $1")
		if err := w.DB.R.QueryRowContext(t.Context(), q, u.ID).Scan(&hash); err != nil {
			t.Fatal(err)
		}
		if ok, err := testworld.Hasher().Verify(t.Context(), testworld.Password, hash); !ok || err != nil {
			t.Errorf("%s cannot log in with the world's password: %v", u.Email, err)
		}
	}
	for who, got := range map[string][2]string{
		"coordinator": {w.Principal(access.Coordinator).OrgPath, w.Foundation.Path},
		"operator":    {w.Principal(access.Operator).OrgPath, w.School.Path},
		"mentor":      {w.Principal(access.Mentor).OrgPath, w.Centre.Path},
		"admin":       {w.Principal(access.Admin).OrgPath, ""},
		"stranger":    {w.Stranger.OrgPath, w.Tehran.Path},
		"school":      {w.School.Path, fmt.Sprintf("%s%d/", w.Foundation.Path, w.School.ID)},
		"tehran":      {w.Tehran.RegionPath, "/IR/IR-23/"},
	} {
		if got[0] != got[1] || got[1] == "" && who != "admin" {
			t.Errorf("%s: path %q, want %q", who, got[0], got[1])
		}
	}
}

// The world's records obey scope: a child of the school is the
// Foundation's and the school's, not Tehran's.
func TestRecordsAreInScopeOfTheirOrganisations(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		child := w.Person(t, w.Child("Ахметова", "Мадина", testworld.Day(2015, 3, 1)))
		mother := w.Person(t, people.Input{LastName: "Ахметова", FirstName: "Гульнара", RegionCode: "KZ-75", OrgID: w.School.ID})
		h := w.Household(t, people.HouseholdInput{Address: "Абая 1"},
			people.MemberInput{PersonID: mother.ID, Relation: people.Mother, Head: true},
			people.MemberInput{PersonID: child.ID, Relation: people.Child})
		for _, r := range []access.Role{access.Coordinator, access.Operator} {
			got, err := w.Services.People.Household(t.Context(), w.Principal(r), h.ID, people.ViaAPI)
			if err != nil || got.OrgID != w.School.ID || got.ChildrenUnder18 != 1 {
				t.Errorf("%s reads the household: %+v, %v", r, got, err)
			}
			ms, err := w.Services.People.Members(t.Context(), w.Principal(r), h.ID)
			if err != nil || len(ms) != 2 || !ms[0].IsHead || ms[0].Person.ID != mother.ID {
				t.Errorf("%s reads the members: %+v, %v", r, ms, err)
			}
		}
		_, err := w.Services.People.Get(t.Context(), w.Stranger.Principal(), child.ID, people.ViaAPI)
		if c := errs.CodeOf(err); c != errs.Forbidden && c != errs.NotFound {
			t.Errorf("Tehran's coordinator reads the child: %v", err)
		}
	})
}

func TestTheClockStandsUntilMoved(t *testing.T) {
	w := testworld.SQLite(t)
	first := w.Person(t, w.Child("Ким", "Ольга", testworld.Day(2013, 6, 3)))
	later := w.Clock.Advance(90 * time.Minute)
	second := w.Person(t, w.Child("Ким", "Олег", testworld.Day(2015, 6, 3)))
	if !first.CreatedAt.Equal(testworld.Epoch()) || !second.CreatedAt.Equal(later) || !later.Equal(testworld.Epoch().Add(90*time.Minute)) {
		t.Fatalf("created at %s and %s, the clock at %s", first.CreatedAt, second.CreatedAt, later)
	}
	w.Clock.Set(testworld.Epoch())
	if !w.Clock.Now().Equal(testworld.Epoch()) {
		t.Fatalf("clock set to %s", w.Clock.Now())
	}
}

func TestAnEmptyWorldHasOnlyReferenceData(t *testing.T) {
	w := testworld.Empty(t, storetest.SQLite(t))
	if n, err := w.Services.Orgs.Count(t.Context(), access.System); err != nil || n != 0 {
		t.Fatalf("%d organisations, %v", n, err)
	}
	if n, err := w.Services.Accounts.Count(t.Context()); err != nil || n != 0 {
		t.Fatalf("%d users, %v", n, err)
	}
	if _, err := w.Services.Geo.Get(t.Context(), access.System, "IR-23"); err != nil {
		t.Fatalf("the built-in regions were not seeded: %v", err)
	}
}
