package outreach_test

import (
	"errors"
	"os"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/charities"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// flagged is the run's line for child per, followed by the Support
// centre's outreach workers in Almaty.
func flagged(w *testworld.World, per people.Person, conf float64) outreach.Flagged {
	return outreach.Flagged{PersonID: per.ID, Category: outreach.DroppedOut, Visibility: outreach.SemiInvisible,
		Confidence: conf, Why: "in the civil register, in no school's list", OrgID: w.Centre.ID, SchoolID: w.School.ID}
}

// charity registers a charity of its own organisation covering domains in
// regions, with capacity places, and a staff login of it.
func charity(t *testing.T, w *testworld.World, name string, capacity int, regions []string,
	domains ...charities.Domain) (charities.Charity, access.Principal) {
	t.Helper()
	org := w.Org(t, orgs.Input{Name: name, Type: orgs.Charity, RegionCode: regions[0]})
	c, err := w.Services.Charities.Create(t.Context(), w.Principal(access.Coordinator), charities.Input{Name: name,
		OrgID: org.ID, Capacity: capacity, Active: true, Domains: domains, RegionCodes: regions})
	must(t, err)
	u := w.User(t, accounts.NewUser{Email: name + "@example.org", Name: name + " staff", Role: access.Charity,
		OrgID: org.ID})
	return c, u.Principal()
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func wantKey(t *testing.T, err error, key string) {
	t.Helper()
	e := errs.As(err)
	if e == nil {
		t.Fatalf("error %v, want %s", err, key)
	}
	if e.Key == key {
		return
	}
	for _, f := range e.Fields {
		if f.Key == key {
			return
		}
	}
	t.Fatalf("error %v, want %s", err, key)
}

func scalar(t *testing.T, w *testworld.World, q string, args ...any) int {
	t.Helper()
	var n int
	if err := w.DB.R.QueryRowContext(t.Context(), store.Rebind(w.DB.Engine, q), args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func isNotFound(err error) bool { return errors.Is(err, errs.ErrNotFound) }
