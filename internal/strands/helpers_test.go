package strands_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/orgs"
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
	return w
}

// young registers a young person aged age living in region, routed to
// that region's branch.
func (w *world) young(t testing.TB, first string, age int, region string) int64 {
	t.Helper()
	in := youth.Input{LastName: "Seitkali", FirstName: first,
		Birth: today.AddDate(-age, 0, -10), RegionCode: region, Settlement: youth.Rural, Status: youth.NEET, Field: "it",
		Language: "kk", Contact: youth.Contact{Telegram: "user_" + strings.ToLower(first) + region[3:]}, Channel: youth.Web}
	if age < youth.AdultAge {
		// A minor registering on the web names their guardian.
		in.Guardian = youth.GuardianDetails{Name: "Gulnar Seitkali", Relation: "mother", Contact: "+7 701 000 11 22"}
	}
	r := must(w.youth.Register(ctx, w.form, w.head.ID, in))(t)
	return r.ID
}

// activity makes a dombra class of the Almaty branch for capacity young
// people, running through the autumn.
func (w *world) activity(t testing.TB, capacity int, edit func(*strands.Input)) strands.Activity {
	t.Helper()
	in := strands.Input{Name: "Dombra for beginners", Strand: strands.Creative, OrgID: w.almaty.ID, RegionCode: "KZ-75",
		StartsOn: today.AddDate(0, 0, 7), EndsOn: today.AddDate(0, 3, 0), Capacity: capacity}
	if edit != nil {
		edit(&in)
	}
	return must(w.s.Create(ctx, w.coordAlmaty, in))(t)
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
