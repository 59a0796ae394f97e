package championship_test

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/youth"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var ctx = context.Background()

// rubric is the championship rubric of the tests: analysis counts three
// times, the solution twice, the delivery once and on a 1–5 scale.
func rubric() []championship.Criterion {
	return []championship.Criterion{
		{Code: "analysis", Name: "Analysis", Weight: 3, Min: 0, Max: 10},
		{Code: "solution", Name: "Solution", Weight: 2, Min: 0, Max: 10},
		{Code: "delivery", Name: "Delivery", Weight: 1, Min: 1, Max: 5},
	}
}

// fixture is a championship of Almaty run by the world's Foundation.
type fixture struct {
	w     *testworld.World
	s     *championship.Service
	coord access.Principal
	c     championship.Championship
}

func newFixture(t *testing.T, w *testworld.World) *fixture {
	t.Helper()
	f := &fixture{w: w, s: w.Services.Championship, coord: w.Principal(access.Coordinator)}
	c, err := f.s.Create(ctx, f.coord, championship.Input{OrgID: w.Foundation.ID, RegionCode: "KZ-75",
		Name: "Youth problems through the eyes of youth", Starts: testworld.Day(2026, 10, 1),
		Ends: testworld.Day(2026, 10, 3), Rubric: rubric()})
	must(t, err)
	f.c = c
	return f
}

// youths registers n young people in Almaty and returns their ids.
func (f *fixture) youths(t *testing.T, n int) []int64 {
	t.Helper()
	ys, err := youth.New(f.w.DB, f.w.Services.Audit, nil, f.w.Clock.Now)
	must(t, err)
	var ids []int64
	for i := range n {
		r, err := ys.Register(ctx, f.coord, f.w.Foundation.ID, youth.Input{LastName: "Participant",
			FirstName: "N" + strconv.Itoa(i), Birth: testworld.Day(2006, 1, 1+i%28).AddDate(0, 0, i/28),
			RegionCode: "KZ-75", Settlement: youth.Urban, Status: youth.NEET, Field: "media", Language: "kk",
			Contact: youth.Contact{Email: "p" + strconv.Itoa(i) + "@example.org"}, Channel: youth.Web, Guardian: youth.GuardianDetails{Name: "Gulnar Seitkali", Relation: "mother", Contact: "+7 701 000 00 00"}})
		must(t, err)
		ids = append(ids, r.ID)
	}
	return ids
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// wantKey fails unless err is a domain error of key, or has a field
// error of key.
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
	t.Fatalf("error %v (%s %+v), want %s", err, e.Key, e.Fields, key)
}

func storePage() store.Page { return store.Page{Limit: 50} }
