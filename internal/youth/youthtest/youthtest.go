// Package youthtest sets up what tests of a youth organisation's work
// (activities, outcomes) need: the organisation with its branches in
// Almaty and Astana, a coordinator of each, an operator and a sponsor, the
// young people's public form, and young people registered through it.
package youthtest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/youth"
)

// The fixed clock of the fixture: 08:00 UTC on 1 September 2026.
var (
	Now   = time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)
	Today = time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	Clock = func() time.Time { return Now }
	Admin = access.Principal{Name: "Admin", Role: access.Admin}
)

// World is a youth organisation (Head, in Kazakhstan) with branches in
// Almaty and Astana, a coordinator of each branch, an operator of Almaty,
// a sponsor of the head office, and the public form (Form) young people
// register through.
type World struct {
	DB                       *store.DB
	Log                      *audit.Log
	Youth                    *youth.Service
	Head, Almaty, Astana     orgs.Organisation
	CoordAlmaty, CoordAstana access.Principal
	Operator, Sponsor, Form  access.Principal
}

// New builds the world on db, with the regions seeded.
func New(t testing.TB, db *store.DB) *World {
	t.Helper()
	ctx := context.Background()
	w := &World{DB: db}
	w.Log = Must(audit.New(db, Clock))(t)
	g := Must(geo.New(db, w.Log, Clock))(t)
	Check(t, g.Seed(ctx))
	o := Must(orgs.New(db, w.Log, Clock))(t)
	mk := func(name string, parent int64, region string) orgs.Organisation {
		return Must(o.Create(ctx, Admin, orgs.Input{Name: name, Type: orgs.Party, ParentID: parent, RegionCode: region}))(t)
	}
	w.Head = mk("Youth wing", 0, "KZ")
	w.Almaty = mk("Almaty branch", w.Head.ID, "KZ-75")
	w.Astana = mk("Astana branch", w.Head.ID, "KZ-71")
	user := func(name string, role access.Role, org orgs.Organisation) access.Principal {
		var id int64
		Check(t, db.W.QueryRowContext(ctx, store.Rebind(db.Engine, `INSERT INTO users (email, name, role, org_id, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`), name+"@example.org", name, role, org.ID, Now).Scan(&id))
		return access.Principal{UserID: id, Name: name, Role: role, OrgID: org.ID, OrgPath: org.Path}
	}
	w.CoordAlmaty = user("almaty", access.Coordinator, w.Almaty)
	w.CoordAstana = user("astana", access.Coordinator, w.Astana)
	w.Operator = user("operator", access.Operator, w.Almaty)
	w.Sponsor = user("sponsor", access.Sponsor, w.Head)
	w.Form = youth.FormPrincipal(w.Head.ID, w.Head.Path)
	w.Youth = Must(youth.New(db, w.Log, nil, Clock))(t)
	return w
}

// Young registers through the form a young person aged age living in
// region (routed to that region's branch) and returns their id. A minor
// names their guardian, as the web form requires.
func (w *World) Young(t testing.TB, first string, age int, region string) int64 {
	t.Helper()
	in := youth.Input{LastName: "Seitkali", FirstName: first,
		Birth: Today.AddDate(-age, 0, -10), RegionCode: region, Settlement: youth.Rural, Status: youth.NEET, Field: "it",
		Language: "kk", Contact: youth.Contact{Telegram: "user_" + strings.ToLower(first) + region[3:]}, Channel: youth.Web}
	if age < youth.AdultAge {
		in.Guardian = youth.GuardianDetails{Name: "Gulnar Seitkali", Relation: "mother", Contact: "+7 701 000 11 22"}
	}
	return Must(w.Youth.Register(context.Background(), w.Form, w.Head.ID, in))(t).ID
}

// Must returns v, failing the test given to the function it returns on
// err: must(s.Create(...))(t).
func Must[T any](v T, err error) func(testing.TB) T {
	return func(t testing.TB) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

// Check fails the test on err.
func Check(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Keys lists the field errors of err as "field key", or its key when it
// has no field errors; nil for nil or an error that is not a domain one.
func Keys(err error) []string {
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
