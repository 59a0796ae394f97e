package volunteers_test

import (
	"errors"
	"os"
	"strconv"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// volunteer registers a volunteer of the Foundation in Almaty with a
// login of their own, and returns the login as a principal.
func volunteer(t testing.TB, w *testworld.World, name string, skills ...aftercare.Skill) (aftercare.Volunteer, access.Principal) {
	t.Helper()
	u := w.User(t, accounts.NewUser{Email: name + "@volunteers.example.org", Name: name, Role: access.Volunteer,
		OrgID: w.Foundation.ID})
	v, err := w.Services.Aftercare.CreateVolunteer(t.Context(), w.Principal(access.Coordinator), aftercare.VolunteerInput{
		Name: name, Phone: "+7 701 000 00 00", Skills: skills, RegionCode: "KZ-75", OrgID: w.Foundation.ID,
		UserID: u.ID, Active: true})
	must(t, err)
	return v, u.Principal()
}

func wantKey(t *testing.T, err error, key string) {
	t.Helper()
	e := errs.As(err)
	if e == nil {
		t.Fatalf("got %v, want %s", err, key)
	}
	if e.Key == key {
		return
	}
	for _, fe := range e.Fields {
		if fe.Key == key {
			return
		}
	}
	t.Fatalf("got %v, want %s", err, key)
}

func notFound(err error) bool { return errors.Is(err, errs.ErrNotFound) }

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// scalar runs a query of one number.
func scalar(t testing.TB, w *testworld.World, query string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := w.DB.R.QueryRowContext(t.Context(), store.Rebind(w.DB.Engine, query), args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func itoa(n int) string { return strconv.Itoa(n) }
