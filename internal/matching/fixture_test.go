package matching_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/youth"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// fixture is the test world with its matching service, the Foundation's
// coordinator, the world's mentor user and the admin.
type fixture struct {
	w                    *testworld.World
	s                    *matching.Service
	coord, mentor, admin access.Principal
	cohort, module       int64
}

func setup(t *testing.T, w *testworld.World) *fixture {
	t.Helper()
	f := &fixture{w: w, s: w.Services.Matching, coord: w.Principal(access.Coordinator),
		mentor: w.Principal(access.Mentor), admin: w.Principal(access.Admin)}
	ms := w.Services.Mentoring
	mod, err := ms.AddModule(t.Context(), f.admin, mentoring.Module{Code: "how", Name: "How to mentor", Required: true})
	must(t, err)
	c, err := ms.CreateCohort(t.Context(), f.coord, mentoring.Cohort{Name: "Summer", OrgID: w.Foundation.ID,
		StartsOn: day(2026, 8, 1), EndsOn: day(2026, 8, 31)})
	must(t, err)
	f.cohort, f.module = c.ID, mod.ID
	return f
}

// mentor adds an approved mentor of capacity places, with fields, who
// finished the school when schooled is set; region KZ-75.
func (f *fixture) addMentor(t *testing.T, name string, capacity int, schooled bool, fields ...string) mentoring.Mentor {
	t.Helper()
	ctx, ms := t.Context(), f.w.Services.Mentoring
	m, err := ms.Create(ctx, f.coord, mentoring.Input{Name: name, Email: fmt.Sprintf("m%d@example.org", time.Now().UnixNano()),
		Background: mentoring.Coach, Fields: fields, Languages: []string{"kk", "ru"}, OrgID: f.w.Foundation.ID,
		RegionCode: "KZ-75", InPerson: true, Capacity: capacity, Minors: true,
		Vetting: mentoring.Vetting{Document: "Certificate 1", On: day(2026, 3, 1), Expires: day(2027, 2, 28), CheckedBy: "A. B."}})
	must(t, err)
	if schooled {
		must(t, ms.Enrol(ctx, f.coord, f.cohort, m.ID))
		sess, err := ms.AddSession(ctx, f.coord, mentoring.Session{CohortID: f.cohort, ModuleID: f.module,
			HeldOn: day(2026, 8, 10), Trainer: "B. Omarov"})
		must(t, err)
		must(t, ms.RecordAttendance(ctx, f.coord, sess.ID, []int64{m.ID}))
		must(t, ms.RecordFinal(ctx, f.coord, f.cohort, m.ID, true, 80, day(2026, 8, 31)))
	}
	return m
}

// addYouth registers a young person of the field born on birth, in
// Almaty, through the public form.
func (f *fixture) addYouth(t *testing.T, first, field string, birth time.Time) int64 {
	t.Helper()
	in := youth.Input{LastName: "Seitkali", FirstName: first, Birth: birth, RegionCode: "KZ-75",
		Settlement: youth.Urban, Status: youth.NEET, Field: field, Language: "kk",
		Contact: youth.Contact{Phone: fmt.Sprintf("+7 701 %07d", len(first)*1000+int(birth.Unix()%997))}, Channel: youth.Web}
	if youth.Age(birth, f.w.Clock.Now()) < youth.AdultAge {
		// A minor registering on the web names their guardian.
		in.Guardian = youth.GuardianDetails{Name: "Gulnar Seitkali", Relation: "mother", Contact: "+7 701 000 11 22"}
	}
	r, err := f.w.Services.Youth.Register(t.Context(), youth.FormPrincipal(f.w.Foundation.ID, f.w.Foundation.Path),
		f.w.Foundation.ID, in)
	must(t, err)
	return r.ID
}

// choose records young person y's ranked choices, as their page does.
func (f *fixture) choose(t *testing.T, y int64, mentors ...int64) {
	t.Helper()
	for i, m := range mentors {
		_, err := f.w.DB.W.ExecContext(t.Context(), store.Rebind(f.w.DB.Engine,
			"INSERT INTO youth_choices (youth_id, choice, mentor_id, chosen_at) VALUES ($1, $2, $3, $4)"),
			y, i+1, m, f.w.Clock.Now())
		must(t, err)
	}
}

// linkMentor gives mentor m the world's mentor login.
func (f *fixture) linkMentor(t *testing.T, m mentoring.Mentor) {
	t.Helper()
	must(t, f.w.Services.Mentoring.LinkUser(t.Context(), f.coord, m.ID, f.mentor.UserID))
}

// adult and minor are birth dates of an adult and a 16-year-old.
var (
	adult = day(2000, 5, 1)
	minor = day(2010, 5, 1)
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

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
	for _, fe := range e.Fields {
		if fe.Key == key {
			return
		}
	}
	t.Fatalf("error %v (%s %+v), want %s", err, e.Key, e.Fields, key)
}
