package store_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/store/storetest"
)

// declaredDrift lists the differences between the migrated SQLite and
// PostgreSQL schemas that are meant, each with why. The test fails on any
// other difference, and on a difference listed here that is gone, so the
// list stays true. A key is a difference exactly as compare writes it.
var declaredDrift = map[string]string{
	"index persons persons_first_name: (<expr>) on sqlite, (<expr>,id) on postgres": "SQLite keeps the rowid " +
		"(the id) in every index, so the first-name search reads (first name, id) order from the expression alone; " +
		"PostgreSQL needs the id named (migration 0009)",
}

// TestSchemasDoNotDrift migrates a fresh database of each engine and
// compares their tables, views, columns, nullability, primary keys,
// indexes and foreign keys.
func TestSchemasDoNotDrift(t *testing.T) {
	sqlite, err := readSchema(t.Context(), storetest.SQLite(t))
	if err != nil {
		t.Fatalf("read the SQLite schema: %v", err)
	}
	postgres, err := readSchema(t.Context(), storetest.Postgres(t))
	if err != nil {
		t.Fatalf("read the PostgreSQL schema: %v", err)
	}
	// A reader that reads nothing would find no difference.
	for name, s := range map[string]schema{"SQLite": sqlite, "PostgreSQL": postgres} {
		if r := s["persons"]; r == nil || len(r.columns) < 20 || len(r.indexes) < 5 || len(r.foreignKeys) < 4 || len(r.primaryKey) != 1 {
			t.Fatalf("the %s schema was not read whole: persons is %+v", name, r)
		}
	}
	diffs := compare(sqlite, postgres, "sqlite", "postgres")
	undeclared, stale := judge(diffs, declaredDrift)
	for _, d := range undeclared {
		t.Errorf("undeclared difference: %s", d)
	}
	for _, d := range stale {
		t.Errorf("declared difference no longer exists, remove it from declaredDrift: %s", d)
	}
	if t.Failed() {
		t.Logf("a difference that is meant goes in declaredDrift with its reason; one that is not is fixed by a migration.\n"+
			"all differences:\n%s", strings.Join(diffs, "\n"))
	}
}

// judge splits the differences found into those not declared, and finds
// the declared ones that were not found.
func judge(found []string, declared map[string]string) (undeclared, stale []string) {
	for _, d := range found {
		if _, ok := declared[d]; !ok {
			undeclared = append(undeclared, d)
		}
	}
	for d := range declared {
		if !slices.Contains(found, d) {
			stale = append(stale, d)
		}
	}
	slices.Sort(stale)
	return undeclared, stale
}

// TestDriftIsSeenInARealDatabase changes one engine's schema behind the
// migrations' back and checks that the readers see each change.
func TestDriftIsSeenInARealDatabase(t *testing.T) {
	db := storetest.SQLite(t)
	for _, q := range []string{
		"ALTER TABLE settings ADD COLUMN note TEXT",
		"CREATE UNIQUE INDEX jobs_kind ON jobs(kind) WHERE status = 'queued'",
		"CREATE TABLE notes (id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES persons ON DELETE CASCADE)",
	} {
		if _, err := db.W.ExecContext(t.Context(), q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	sqlite, err := readSchema(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	postgres, err := readSchema(t.Context(), storetest.Postgres(t))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := judge(compare(sqlite, postgres, "sqlite", "postgres"), declaredDrift)
	want := []string{"column settings.note: only on sqlite", "index jobs jobs_kind: only on sqlite", "relation notes: only on sqlite"}
	if !slices.Equal(got, want) {
		t.Fatalf("differences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if fk := sqlite["notes"].foreignKeys["(person_id)"]; fk.String() != "persons(id) on delete CASCADE" {
		t.Errorf("a reference to the primary key read as %s", fk)
	}
}
