package youth_test

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
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
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

// districts are two districts of Almaty and a village in the first.
const districts = "code,parent_code,type,name_en\n" +
	"KZ-75-01,KZ-75,district,Almaly\nKZ-75-01-S1,KZ-75-01,settlement,Village\nKZ-75-02,KZ-75,district,Auezov\n"

// world is a youth organisation whose head office lies in Kazakhstan,
// with a branch for Almaty, below it one for the Almaly district, and one
// for Astana; a charity outside it in Shymkent; and principals of them.
type world struct {
	s, checked                   *youth.Service
	log                          *audit.Log
	orgs                         *orgs.Service
	head, almaty, almaly, astana orgs.Organisation
	other                        orgs.Organisation
	coordAlmaty, coordAstana     access.Principal
	coordAlmaly, opHead          access.Principal
	form                         access.Principal
}

func setup(t testing.TB, db *store.DB) *world {
	t.Helper()
	log, err := audit.New(db, clock)
	must(t, err)
	g, err := geo.New(db, log, clock)
	must(t, err)
	must(t, g.Seed(ctx))
	if res, err := g.Import(ctx, admin, strings.NewReader(districts)); err != nil || res.Rejected > 0 {
		t.Fatalf("import districts: %v %+v", err, res)
	}
	o, err := orgs.New(db, log, clock)
	must(t, err)
	mk := func(name string, parent int64, region string) orgs.Organisation {
		org, err := o.Create(ctx, admin, orgs.Input{Name: name, Type: orgs.Party, ParentID: parent, RegionCode: region})
		must(t, err)
		return org
	}
	w := &world{log: log, orgs: o}
	w.head = mk("Youth wing", 0, "KZ")
	w.almaty = mk("Almaty branch", w.head.ID, "KZ-75")
	w.almaly = mk("Almaly branch", w.almaty.ID, "KZ-75-01")
	w.astana = mk("Astana branch", w.head.ID, "KZ-71")
	w.other = mk("Shymkent charity", 0, "KZ-79")
	user := func(name string, role access.Role, org orgs.Organisation) access.Principal {
		var id int64
		must(t, db.W.QueryRowContext(ctx, store.Rebind(db.Engine, `INSERT INTO users (email, name, role, org_id, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`), name+"@example.org", name, role, org.ID, now).Scan(&id))
		return access.Principal{UserID: id, Name: name, Role: role, OrgID: org.ID, OrgPath: org.Path}
	}
	w.coordAlmaty = user("almaty", access.Coordinator, w.almaty)
	w.coordAlmaly = user("almaly", access.Coordinator, w.almaly)
	w.coordAstana = user("astana", access.Coordinator, w.astana)
	w.opHead = user("operator", access.Operator, w.head)
	w.form = youth.FormPrincipal(w.head.ID, w.head.Path)
	w.s, err = youth.New(db, log, nil, clock)
	must(t, err)
	o.OnMove(w.s.RepathOrgs)
	g.OnMove(w.s.RepathRegions)
	fields := func(_ context.Context, code string) (bool, error) { return code == "it" || code == "media", nil }
	w.checked, err = youth.New(db, log, fields, clock)
	must(t, err)
	return w
}

// in is a complete registration of an 18-year-old in the Almaly village.
func in(first string) youth.Input {
	return youth.Input{LastName: "Seitkali", FirstName: first, Birth: today.AddDate(-18, 0, 0),
		RegionCode: "KZ-75-01-S1", Settlement: youth.Rural, Status: youth.NEET, Field: "it",
		Goals: "Learn to code", Language: "kk", Contact: youth.Contact{Phone: "+7 701 234 56 78"}, Channel: youth.Web}
}

// register registers in through the public form or fails the test.
func (w *world) register(t testing.TB, in youth.Input) youth.Registration {
	t.Helper()
	r, err := w.s.Register(ctx, w.form, w.head.ID, in)
	if err != nil {
		t.Fatalf("register %s: %v", in.FirstName, err)
	}
	return r
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// fieldKeys lists the field errors of err as "field key".
func fieldKeys(err error) []string {
	e := errs.As(err)
	if e == nil {
		return []string{"not a domain error"}
	}
	var out []string
	for _, f := range e.Fields {
		out = append(out, f.Field+" "+f.Key)
	}
	return out
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
