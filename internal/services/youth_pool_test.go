package services_test

import (
	"os"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/youth"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

func day(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }

func check(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestYouthShortlistPool: a young person's shortlist, drawn from the
// wired pool, offers the Foundation's mentor of their field who finished
// the school, not one who did not, nor one of another field.
func TestYouthShortlistPool(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, ms := t.Context(), w.Services.Mentoring
		coord, admin := w.Principal(access.Coordinator), w.Principal(access.Admin)
		mentor := func(name string, fields ...string) int64 {
			m, err := ms.Create(ctx, coord, mentoring.Input{Name: name, Email: name[:4] + "@example.org",
				Background: mentoring.Media, Fields: fields, Languages: []string{"kk"}, OrgID: w.Foundation.ID,
				RegionCode: "KZ-75", Online: true, Capacity: 2})
			check(t, err)
			return m.ID
		}
		done, halfway, other := mentor("Aigerim Done", "career"), mentor("Bolat Halfway", "career"), mentor("Daniyar Sport", "sport")
		mod, err := ms.AddModule(ctx, admin, mentoring.Module{Code: "state", Name: "State programmes", Required: true})
		check(t, err)
		c, err := ms.CreateCohort(ctx, coord, mentoring.Cohort{Name: "Autumn", OrgID: w.Foundation.ID,
			StartsOn: day(9, 1), EndsOn: day(9, 30)})
		check(t, err)
		for _, id := range []int64{done, halfway, other} {
			check(t, ms.Enrol(ctx, coord, c.ID, id))
		}
		ses, err := ms.AddSession(ctx, coord, mentoring.Session{CohortID: c.ID, ModuleID: mod.ID, HeldOn: day(9, 5), Trainer: "B. Omarov"})
		check(t, err)
		check(t, ms.RecordAttendance(ctx, coord, ses.ID, []int64{done, other}))
		check(t, ms.RecordFinal(ctx, coord, c.ID, done, true, 90, day(9, 30)))
		check(t, ms.RecordFinal(ctx, coord, c.ID, other, true, 90, day(9, 30)))

		reg, err := w.Services.Youth.Register(ctx, youth.FormPrincipal(w.Foundation.ID, w.Foundation.Path), w.Foundation.ID,
			youth.Input{LastName: "Seitkali", FirstName: "Dana", Birth: day(5, 4).AddDate(-20, 0, 0), RegionCode: "KZ-75",
				Settlement: youth.Urban, Status: youth.NEET, Field: "career", Language: "kk", Channel: youth.Web, Guardian: youth.GuardianDetails{Name: "Gulnar Seitkali", Relation: "mother", Contact: "+7 701 000 00 00"},
				Contact: youth.Contact{Phone: "+7 701 234 56 78"}})
		check(t, err)
		own, err := w.Services.Youth.OwnPage(ctx, reg.ID)
		check(t, err)
		if len(own.Shortlist) != 1 || own.Shortlist[0].ID != done || own.Shortlist[0].FirstName != "Aigerim" {
			t.Fatalf("shortlist %+v, want Aigerim alone", own.Shortlist)
		}
	})
}
