package audit_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var clock = func() time.Time { return time.Date(2026, 8, 30, 9, 0, 0, 0, time.UTC) }

func newLog(t *testing.T, db *store.DB) *audit.Log {
	t.Helper()
	l, err := audit.New(db, clock)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestChangeCommitsWithItsWrite(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		l := newLog(t, db)
		p := access.Principal{UserID: 0, Name: "Айгүл", Role: access.Admin}
		rec := func(id string, fail bool) error {
			return db.Tx(ctx, func(tx *sql.Tx) error {
				err := l.Record(ctx, tx, p, audit.Change{Action: "update", Entity: "organisation", EntityID: id,
					OrgPath: "/1/", Before: map[string]string{"name": "old"}, After: map[string]string{"name": "<b>new</b>"}})
				if err != nil || !fail {
					return err
				}
				return errors.New("the write failed")
			})
		}
		if err := rec("1", false); err != nil {
			t.Fatal(err)
		}
		if err := rec("2", true); err == nil {
			t.Fatal("failing transaction reported success")
		}
		got, next, err := l.Changes(ctx, p, audit.Filter{}, store.Page{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || next != "" {
			t.Fatalf("changes = %+v (next %q), want only entity 1", got, next)
		}
		e := got[0]
		if e.EntityID != "1" || e.Actor != "Айгүл" || !e.At.Equal(clock()) ||
			e.Before != `{"name":"old"}` || !strings.Contains(e.After, `\u003cb\u003enew`) {
			t.Fatalf("entry = %+v", e)
		}
	})
}

func TestScopedAuditorSeesOnlyTheirSubtree(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		l := newLog(t, db)
		for i, path := range []string{"/1/", "/1/4/", "/2/", "/1/4/9/"} {
			err := db.Tx(ctx, func(tx *sql.Tx) error {
				return l.Record(ctx, tx, access.System, audit.Change{Action: "create", Entity: "organisation",
					EntityID: string(rune('a' + i)), OrgPath: path, After: i})
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		auditor := access.Principal{UserID: 5, Name: "A", Role: access.Auditor, OrgPath: "/1/4/"}
		got, _, err := l.Changes(ctx, auditor, audit.Filter{}, store.Page{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].EntityID != "d" || got[1].EntityID != "b" {
			t.Fatalf("auditor of /1/4/ sees %+v, want d then b", got)
		}
		filtered, _, _ := l.Changes(ctx, access.System, audit.Filter{EntityID: "c"}, store.Page{})
		if len(filtered) != 1 || filtered[0].EntityID != "c" {
			t.Fatalf("filter by entity id: %+v", filtered)
		}
		page1, next, _ := l.Changes(ctx, access.System, audit.Filter{}, store.Page{Limit: 3})
		page2, last, _ := l.Changes(ctx, access.System, audit.Filter{}, store.ParsePage(next, "3"))
		if len(page1) != 3 || len(page2) != 1 || last != "" || page2[0].EntityID != "a" {
			t.Fatalf("pages: %d then %d (next %q, last %q)", len(page1), len(page2), next, last)
		}
		_, _, err = l.Changes(ctx, access.Principal{Role: access.Sponsor}, audit.Filter{}, store.Page{})
		if errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("sponsor browsing the audit log: %v", err)
		}
	})
}

func TestViewedIsLoggedAndFiltered(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		l := newLog(t, db)
		op := access.Principal{UserID: 3, Name: "Operator", Role: access.Operator, OrgPath: "/1/"}
		if err := l.Viewed(ctx, op, "person", "42", "/1/", "web"); err != nil {
			t.Fatal(err)
		}
		if err := l.Viewed(ctx, op, "person", "43", "/1/", "api"); err != nil {
			t.Fatal(err)
		}
		got, _, err := l.Accesses(ctx, access.System, audit.AccessFilter{SubjectKind: "person", SubjectID: "42"}, store.Page{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].UserID != 3 || got[0].Via != "web" {
			t.Fatalf("accesses = %+v", got)
		}
	})
}
