package outcomes_test

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/outcomes"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/strands"
	"github.com/jolproject/jol/internal/youth"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var (
	now   = time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)
	today = time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	clock = func() time.Time { return now }
	admin = access.Principal{Name: "Admin", Role: access.Admin}
	ctx   = context.Background()
)

// world is a youth organisation with branches in Almaty and Astana, a
// coordinator of each, an auditor of the head office, and the services.
type world struct {
	db                    *store.DB
	s                     *strands.Service
	o                     *outcomes.Service
	youth                 *youth.Service
	head, almaty, astana  orgs.Organisation
	coordAlmaty, coordAst access.Principal
	operator, sponsor     access.Principal
	form                  access.Principal
}

func setup(t testing.TB, db *store.DB) *world {
	t.Helper()
	log := must(audit.New(db, clock))(t)
	g := must(geo.New(db, log, clock))(t)
	check(t, g.Seed(ctx))
	o := must(orgs.New(db, log, clock))(t)
	mk := func(name string, parent int64, region string) orgs.Organisation {
		return must(o.Create(ctx, admin, orgs.Input{Name: name, Type: orgs.Party, ParentID: parent, RegionCode: region}))(t)
	}
	w := &world{db: db}
	w.head = mk("Youth wing", 0, "KZ")
	w.almaty = mk("Almaty branch", w.head.ID, "KZ-75")
	w.astana = mk("Astana branch", w.head.ID, "KZ-71")
	user := func(name string, role access.Role, org orgs.Organisation) access.Principal {
		var id int64
		check(t, db.W.QueryRowContext(ctx, store.Rebind(db.Engine, `INSERT INTO users (email, name, role, org_id, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`), name+"@example.org", name, role, org.ID, now).Scan(&id))
		return access.Principal{UserID: id, Name: name, Role: role, OrgID: org.ID, OrgPath: org.Path}
	}
	w.coordAlmaty = user("almaty", access.Coordinator, w.almaty)
	w.coordAst = user("astana", access.Coordinator, w.astana)
	w.operator = user("operator", access.Operator, w.almaty)
	w.sponsor = user("sponsor", access.Sponsor, w.head)
	w.form = youth.FormPrincipal(w.head.ID, w.head.Path)
	w.youth = must(youth.New(db, log, nil, clock))(t)
	w.s = must(strands.New(db, log, clock))(t)
	w.o = must(outcomes.New(db, log, func(context.Context) int { return 10 }, clock))(t)
	return w
}

// young registers a young person aged age living in region, routed to
// that region's branch.
func (w *world) young(t testing.TB, first string, age int, region string) int64 {
	t.Helper()
	r := must(w.youth.Register(ctx, w.form, w.head.ID, youth.Input{LastName: "Seitkali", FirstName: first,
		Birth: today.AddDate(-age, 0, -10), RegionCode: region, Settlement: youth.Rural, Status: youth.NEET, Field: "it",
		Language: "kk", Contact: youth.Contact{Telegram: "user_" + strings.ToLower(first) + region[3:]}, Channel: youth.Web,
		// A minor registering on the web names a guardian (an adult may).
		Guardian: youth.GuardianDetails{Name: "Gulnar Seitkali", Relation: "mother", Contact: "+7 701 000 11 22"}}))(t)
	return r.ID
}

func must[T any](v T, err error) func(testing.TB) T {
	return func(t testing.TB) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func check(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// keys lists the field errors of err as "field key", or its key.
func keys(err error) []string {
	e := errs.As(err)
	if e == nil {
		return nil
	}
	if len(e.Fields) == 0 {
		return []string{e.Key}
	}
	var out []string
	for _, f := range e.Fields {
		out = append(out, f.Field+" "+f.Key)
	}
	return out
}

// mentored gives young person id a mentorship, as the matching would.
func (w *world) mentored(t testing.TB, id int64) {
	t.Helper()
	q := func(sql string, args ...any) {
		_, err := w.db.W.ExecContext(ctx, store.Rebind(w.db.Engine, sql), args...)
		check(t, err)
	}
	var region int64
	check(t, w.db.R.QueryRowContext(ctx, "SELECT id FROM regions WHERE code = 'KZ-75'").Scan(&region))
	q(`INSERT INTO mentors (name, contact_key, background, org_id, org_path, region_id, region_path, in_person, online,
		capacity, minors, status, source, created_at, updated_at)
		VALUES ('Mentor', $1, 'coach', $2, $3, $4, '/KZ/KZ-75/', TRUE, FALSE, 3, FALSE, 'active', 'web', $5, $5)`,
		"m"+strconv.FormatInt(id, 10), w.almaty.ID, w.almaty.Path, region, now)
	q(`INSERT INTO mentorships (youth_id, mentor_id, org_path, region_path, minor, status, started_on, created_at, updated_at)
		SELECT y.id, (SELECT max(id) FROM mentors), y.org_path, y.region_path, FALSE, 'active', $2, $3, $3 FROM youth y WHERE y.id = $1`,
		id, today, now)
}
