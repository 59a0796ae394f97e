package tournament_test

import (
	"context"
	"fmt"
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
	"github.com/jolproject/jol/internal/tournament"
	"github.com/jolproject/jol/internal/youth"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var (
	now   = time.Date(2026, 10, 1, 8, 0, 0, 0, time.UTC)
	clock = func() time.Time { return now }
	admin = access.Principal{Name: "Admin", Role: access.Admin}
	ctx   = context.Background()
)

// world is a youth organisation with a branch in Almaty, its
// coordinator, a coordinator of another branch, and young people
// registered in Almaty.
type world struct {
	db            *store.DB
	s             *tournament.Service
	youth         *youth.Service
	head, almaty  orgs.Organisation
	astana        orgs.Organisation
	coord, astray access.Principal
	n             int
}

func setup(t testing.TB, db *store.DB) *world {
	t.Helper()
	log, err := audit.New(db, clock)
	must(t, err)
	g, err := geo.New(db, log, clock)
	must(t, err)
	must(t, g.Seed(ctx))
	o, err := orgs.New(db, log, clock)
	must(t, err)
	mk := func(name string, parent int64, region string) orgs.Organisation {
		org, err := o.Create(ctx, admin, orgs.Input{Name: name, Type: orgs.Party, ParentID: parent, RegionCode: region})
		must(t, err)
		return org
	}
	w := &world{db: db}
	w.head = mk("Youth wing", 0, "KZ")
	w.almaty = mk("Almaty branch", w.head.ID, "KZ-75")
	w.astana = mk("Astana branch", w.head.ID, "KZ-71")
	user := func(name string, org orgs.Organisation) access.Principal {
		var id int64
		must(t, db.W.QueryRowContext(ctx, store.Rebind(db.Engine, `INSERT INTO users (email, name, role, org_id, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`), name+"@example.org", name, access.Coordinator, org.ID, now).Scan(&id))
		return access.Principal{UserID: id, Name: name, Role: access.Coordinator, OrgID: org.ID, OrgPath: org.Path}
	}
	w.coord, w.astray = user("almaty", w.almaty), user("astana", w.astana)
	w.youth, err = youth.New(db, log, nil, clock)
	must(t, err)
	w.s, err = tournament.New(db, log, clock)
	must(t, err)
	return w
}

// register registers n young people in Almaty and returns their IDs.
func (w *world) register(t testing.TB, n int) []int64 {
	t.Helper()
	form := youth.FormPrincipal(w.head.ID, w.head.Path)
	var ids []int64
	for range n {
		w.n++
		r, err := w.youth.Register(ctx, form, w.head.ID, youth.Input{LastName: "Debater", FirstName: fmt.Sprintf("No%d", w.n),
			Birth: now.AddDate(-19, 0, -w.n), RegionCode: "KZ-75", Settlement: youth.Urban, Status: youth.InEducation,
			Field: "media", Language: "kk", Contact: youth.Contact{Phone: fmt.Sprintf("+7 701 %07d", w.n)}, Channel: youth.Web, Guardian: youth.GuardianDetails{Name: "Gulnar Seitkali", Relation: "mother", Contact: "+7 701 000 00 00"}})
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

// keys lists the key of a domain error and of its field errors.
func keys(err error) string {
	e := errs.As(err)
	if e == nil {
		return fmt.Sprint("not a domain error: ", err)
	}
	out := []string{e.Key}
	for _, f := range e.Fields {
		out = append(out, f.Field+" "+f.Key)
	}
	return strings.Join(out, "; ")
}
