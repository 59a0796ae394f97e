package guidance_test

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/guidance"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var (
	clock = func() time.Time { return time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC) }
	admin = access.Principal{UserID: 1, Name: "Admin", Role: access.Admin}
	ctx   = context.Background()
)

// world is a foundation (in Kazakhstan) with, under it, two schools in
// Almaty and a support centre in Astana; principals bound to each school
// and a coordinator of the foundation; the registry and this service,
// wired as internal/services wires them.
type world struct {
	s            *guidance.Service
	reg          *people.Service
	log          *audit.Log
	found        orgs.Organisation
	a, b, centre orgs.Organisation
	opA, opB     access.Principal // operators of school A and school B
	coord        access.Principal
}

func setup(t testing.TB, db *store.DB) *world {
	t.Helper()
	log, err := audit.New(db, clock)
	if err != nil {
		t.Fatal(err)
	}
	g, err := geo.New(db, log, clock)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Seed(ctx); err != nil {
		t.Fatal(err)
	}
	o, err := orgs.New(db, log, clock)
	if err != nil {
		t.Fatal(err)
	}
	mk := func(name string, typ orgs.Type, parent int64, region string) orgs.Organisation {
		org, err := o.Create(ctx, admin, orgs.Input{Name: name, Type: typ, ParentID: parent, RegionCode: region})
		if err != nil {
			t.Fatal(err)
		}
		return org
	}
	w := &world{log: log}
	w.found = mk("Foundation", orgs.Foundation, 0, "KZ")
	w.a = mk("School A", orgs.School, w.found.ID, "KZ-75")
	w.b = mk("School B", orgs.School, w.found.ID, "KZ-75")
	w.centre = mk("Centre", orgs.SupportCentre, w.found.ID, "KZ-71")
	w.opA = access.Principal{UserID: 2, Name: "Operator A", Role: access.Operator, OrgID: w.a.ID, OrgPath: w.a.Path, RegionPath: "/KZ/"}
	w.opB = access.Principal{UserID: 3, Name: "Operator B", Role: access.Operator, OrgID: w.b.ID, OrgPath: w.b.Path, RegionPath: "/KZ/"}
	w.coord = access.Principal{UserID: 4, Name: "Coordinator", Role: access.Coordinator, OrgID: w.found.ID, OrgPath: w.found.Path}
	if w.reg, err = people.New(db, log, clock); err != nil {
		t.Fatal(err)
	}
	if err := w.reg.Seed(ctx); err != nil {
		t.Fatal(err)
	}
	if w.s, err = guidance.New(db, log, w.reg, clock); err != nil {
		t.Fatal(err)
	}
	w.reg.OnMerge(guidance.AssessmentHook, w.s.AssessmentMoves())
	w.reg.OnMerge(guidance.PlacementHook, w.s.PlacementMoves())
	return w
}

// day is a date.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// child is an input for a pupil of org in Almaty.
func child(org orgs.Organisation, last, first string, birth time.Time) people.Input {
	return people.Input{LastName: last, FirstName: first, BirthDate: birth, RegionCode: "KZ-75", OrgID: org.ID,
		Status: people.Pupil, Grade: 3}
}

// mkPerson registers a person or fails the test.
func (w *world) mkPerson(t *testing.T, p access.Principal, in people.Input) people.Person {
	t.Helper()
	per, err := w.reg.Create(ctx, p, in)
	if err != nil {
		t.Fatalf("create %s %s: %v", in.LastName, in.FirstName, err)
	}
	return per
}

// fieldKeys lists the field errors of err as "field key", or says what
// else err is.
func fieldKeys(err error) []string {
	e := errs.As(err)
	if e == nil {
		return []string{"not a domain error"}
	}
	var out []string
	for _, f := range e.Fields {
		out = append(out, f.Field+" "+f.Key)
	}
	if len(out) == 0 {
		out = append(out, "no field error: "+string(e.Code)+" "+e.Key)
	}
	return out
}

func id(n int64) string { return strconv.FormatInt(n, 10) }
