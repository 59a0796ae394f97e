package audit_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// TestFiltersByUserAndDay checks the filters the log pages offer as
// choices: the users who acted within the reader's scope, by name, and a
// range of days.
func TestFiltersByUserAndDay(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2026, 8, 30, 9, 0, 0, 0, time.UTC)
		l, err := audit.New(db, func() time.Time { return now })
		if err != nil {
			t.Fatal(err)
		}
		ids := map[string]int64{}
		for _, name := range []string{"Zarina", "Arman", "Nobody"} {
			var id int64
			err := db.W.QueryRowContext(ctx, `INSERT INTO users (email, name, role, created_at, updated_at) VALUES ($1, $2, 'operator', $3, $3) RETURNING id`,
				name+"@example.org", name, now).Scan(&id)
			if err != nil {
				t.Fatal(err)
			}
			ids[name] = id
		}
		write := func(user int64, path string) {
			t.Helper()
			p := access.Principal{UserID: user, Name: "x", Role: access.Operator}
			err := db.Tx(ctx, func(tx *sql.Tx) error {
				return l.Record(ctx, tx, p, audit.Change{Action: "update", Entity: "person", EntityID: "7", OrgPath: path})
			})
			if err != nil {
				t.Fatal(err)
			}
			if err := l.Viewed(ctx, p, audit.KindPerson, "7", path, "web"); err != nil {
				t.Fatal(err)
			}
		}
		write(ids["Zarina"], "/1/")
		now = now.Add(48 * time.Hour)
		write(ids["Arman"], "/2/")
		names := func(list []audit.Actor) (out []string) {
			for _, a := range list {
				out = append(out, a.Name)
			}
			return out
		}
		all, err := l.ChangeActors(ctx, access.Principal{Role: access.Auditor})
		if got := names(all); err != nil || len(got) != 2 || got[0] != "Arman" || got[1] != "Zarina" {
			t.Fatalf("actors %v, %v; want Arman and Zarina by name", got, err)
		}
		scoped, _ := l.AccessUsers(ctx, access.Principal{Role: access.Auditor, OrgPath: "/1/"})
		if got := names(scoped); len(got) != 1 || got[0] != "Zarina" {
			t.Fatalf("the auditor of /1/ is offered %v", got)
		}
		day := time.Date(2026, 8, 31, 0, 0, 0, 0, time.UTC)
		later, _, err := l.Changes(ctx, access.System, audit.Filter{From: day}, store.Page{})
		if err != nil || len(later) != 1 || later[0].ActorID != ids["Arman"] {
			t.Fatalf("changes from %s: %+v, %v", day, later, err)
		}
		earlier, _, _ := l.Accesses(ctx, access.System, audit.AccessFilter{To: day}, store.Page{})
		if len(earlier) != 1 || earlier[0].UserID != ids["Zarina"] {
			t.Fatalf("accesses before %s: %+v", day, earlier)
		}
	})
}
