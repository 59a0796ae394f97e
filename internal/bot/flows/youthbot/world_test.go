package youthbot_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// programme is the Foundation's mentoring programme: mentors of
// information technology in Almaty who finished the mentors' school,
// are vetted for minors and have one free place each.
type programme struct {
	w       *testworld.World
	mentors []mentoring.Mentor // Aigerim, Bolat, Dana, Ermek
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func newProgramme(t testing.TB, w *testworld.World) *programme {
	t.Helper()
	ctx, ms := t.Context(), w.Services.Mentoring
	coord, admin := w.Principal(access.Coordinator), w.Principal(access.Admin)
	mod, err := ms.AddModule(ctx, admin, mentoring.Module{Code: "how", Name: "How to mentor", Required: true})
	must(t, err)
	cohort, err := ms.CreateCohort(ctx, coord, mentoring.Cohort{Name: "Summer", OrgID: w.Foundation.ID,
		StartsOn: day(2026, 8, 1), EndsOn: day(2026, 8, 31)})
	must(t, err)
	sess, err := ms.AddSession(ctx, coord, mentoring.Session{CohortID: cohort.ID, ModuleID: mod.ID,
		HeldOn: day(2026, 8, 10), Trainer: "B. Omarov"})
	must(t, err)
	p := &programme{w: w}
	for i, name := range []string{"Aigerim Sadykova", "Bolat Nurlanov", "Dana Ospanova", "Ermek Ali"} {
		m, err := ms.Create(ctx, coord, mentoring.Input{Name: name, Phone: fmt.Sprintf("+7 701 555 00 0%d", i),
			Email: fmt.Sprintf("mentor%d@example.org", i), Background: mentoring.Coach, Fields: []string{"it"},
			Languages: []string{"kk", "ru"}, OrgID: w.Foundation.ID, RegionCode: "KZ-75", InPerson: true, Online: true,
			Capacity: 1, Minors: true, Vetting: mentoring.Vetting{Document: "Certificate 1", On: day(2026, 3, 1),
				Expires: day(2027, 2, 28), CheckedBy: "A. B."}})
		must(t, err)
		must(t, ms.Enrol(ctx, coord, cohort.ID, m.ID))
		p.mentors = append(p.mentors, m)
	}
	ids := make([]int64, len(p.mentors))
	for i, m := range p.mentors {
		ids[i] = m.ID
	}
	must(t, ms.RecordAttendance(ctx, coord, sess.ID, ids))
	for _, id := range ids {
		must(t, ms.RecordFinal(ctx, coord, cohort.ID, id, true, 80, day(2026, 8, 31)))
	}
	p.exec(t, "UPDATE mentors SET status = 'approved'")
	return p
}

// fill takes mentor i's last free place, as another young person's
// match would.
func (p *programme) fill(t *testing.T, i int) {
	p.exec(t, "UPDATE mentors SET mentees = capacity WHERE id = $1", p.mentors[i].ID)
}

func (p *programme) exec(t testing.TB, q string, args ...any) {
	t.Helper()
	_, err := p.w.DB.W.ExecContext(t.Context(), store.Rebind(p.w.DB.Engine, q), args...)
	must(t, err)
}

// tr is key in lang, as the bot says it.
func tr(w *testworld.World, lang, key string, args ...any) string {
	l, _ := i18n.Parse(lang)
	return w.Services.Catalog.Localizer(l).T(key, args...)
}

// youthOfChat is the young person chat registered, 0 for none.
func youthOfChat(t *testing.T, w *testworld.World, chat int64) int64 {
	t.Helper()
	var id int64
	err := w.DB.R.QueryRowContext(t.Context(), store.Rebind(w.DB.Engine,
		"SELECT COALESCE(MAX(youth_id), 0) FROM youth_chats WHERE chat_id = $1"), chat).Scan(&id)
	must(t, err)
	return id
}
