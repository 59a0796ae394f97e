package mentoring_test

import (
	"os"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// application is a valid application to the world's Foundation, for a
// mentor in Almaty.
func application(w *testworld.World, name, email string) mentoring.Input {
	return mentoring.Input{Name: name, Email: email, Background: mentoring.YoungDeputy,
		Fields: []string{"career", "education"}, Languages: []string{"kk", "ru"}, OrgID: w.Foundation.ID,
		RegionCode: "KZ-75", InPerson: true, Capacity: 2, Minors: true,
		Vetting: mentoring.Vetting{Document: "Certificate 17/2026", On: day(2026, 3, 1), Expires: day(2027, 2, 28),
			CheckedBy: "A. Seitkali"}}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func must(t *testing.T, err error) {
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
