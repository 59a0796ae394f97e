package public_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/public"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var ctx = context.Background()

// fixture is a world with the Foundation's campaign "road" open in Almaty
// (KZ-75), offering a kit, a uniform and shoes.
type fixture struct {
	*testworld.World
	s *public.Service
	c requeststest.Campaign
}

func setup(t testing.TB, w *testworld.World) *fixture {
	t.Helper()
	f := &fixture{World: w, s: w.Services.Public}
	f.c = requeststest.Open(t, w.DB, w.Clock.Now(), "road", w.Foundation.ID, w.Foundation.Path, "KZ-75")
	f.exec(t, `INSERT INTO campaign_texts (campaign_id, locale, name) VALUES ($1, 'kk', 'Мектепке жол'), ($1, 'en', 'Road to School')`, f.c.ID)
	return f
}

func (f *fixture) exec(t testing.TB, q string, args ...any) {
	t.Helper()
	if _, err := f.DB.W.ExecContext(ctx, store.Rebind(f.DB.Engine, q), args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func (f *fixture) count(t testing.TB, table string) int {
	t.Helper()
	var n int
	if err := f.DB.R.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

var birth = time.Date(2017, 3, 4, 0, 0, 0, 0, time.UTC)

// application is a mother's application for her daughter, a kit.
func (f *fixture) application(t testing.TB) public.Application {
	t.Helper()
	iin, err := natid.MakeIIN(birth, natid.Female, 42)
	if err != nil {
		t.Fatal(err)
	}
	return public.Application{LastName: "Сәрсенова", FirstName: "Айгерім", BirthDate: birth, Sex: people.Female,
		NationalID: iin, GuardianLastName: "Сәрсенова", GuardianFirstName: "Динара", GuardianPhone: "+7 701 555 12 34",
		Relation: public.Mother, RegionCode: "KZ-75", Items: []public.Choice{{ItemID: f.c.Kit}}, Consent: true,
		Locale: "kk"}
}

// keys lists the message keys of a domain error: its own and its fields'.
func keys(err error) []string {
	e := errs.As(err)
	if e == nil {
		return []string{"not a domain error"}
	}
	out := []string{e.Key}
	for _, f := range e.Fields {
		out = append(out, f.Field+":"+f.Key)
	}
	return out
}
