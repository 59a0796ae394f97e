package store_test

import (
	"slices"
	"strings"
	"testing"
)

// people is a hand-made schema of two tables; each call makes a new one,
// so a test can change it.
func people() schema {
	orgs := newRelation(false)
	orgs.columns["id"] = column{typ: "integer", notNull: true}
	orgs.primaryKey = []string{"id"}
	persons := newRelation(false)
	persons.columns["id"] = column{typ: "integer", notNull: true}
	persons.columns["name"] = column{typ: "text", notNull: true}
	persons.columns["born"] = column{typ: "date"}
	persons.columns["org_id"] = column{typ: "integer"}
	persons.primaryKey = []string{"id"}
	persons.indexes["persons_name"] = index{columns: []string{"name", "id"}}
	persons.indexes[uniqueKey([]string{"name", "born"})] = index{columns: []string{"name", "born"}, unique: true}
	persons.foreignKeys["(org_id)"] = foreignKey{refTable: "organisations", refColumns: []string{"id"}, onDelete: "NO ACTION"}
	return schema{"organisations": orgs, "persons": persons}
}

func TestCompareFindsEveryKindOfDrift(t *testing.T) {
	if d := compare(people(), people(), "a", "b"); len(d) != 0 {
		t.Fatalf("equal schemas differ: %q", d)
	}
	a, b := people(), people()
	delete(b, "organisations")
	b["persons"].columns["name"] = column{typ: "other:varchar(10)", notNull: true}
	b["persons"].columns["born"] = column{typ: "date", notNull: true}
	delete(b["persons"].columns, "org_id")
	b["persons"].columns["nickname"] = column{typ: "text"}
	b["persons"].primaryKey = []string{"id", "name"}
	b["persons"].indexes["persons_name"] = index{columns: []string{"name"}, partial: true}
	delete(b["persons"].indexes, uniqueKey([]string{"name", "born"}))
	b["persons"].foreignKeys["(org_id)"] = foreignKey{refTable: "organisations", refColumns: []string{"id"}, onDelete: "CASCADE"}
	want := []string{
		"column persons.born: nullable on a, not null on b",
		"column persons.name: type text on a, other:varchar(10) on b",
		"column persons.nickname: only on b",
		"column persons.org_id: only on a",
		"foreign key persons (org_id): organisations(id) on delete NO ACTION on a, organisations(id) on delete CASCADE on b",
		"index persons persons_name: (name,id) on a, (name) partial on b",
		"index persons unique(name,born): only on a",
		"primary key persons: (id) on a, (id,name) on b",
		"relation organisations: only on a",
	}
	if got := compare(a, b, "a", "b"); !slices.Equal(got, want) {
		t.Fatalf("differences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestViewsAreComparedByColumnNames(t *testing.T) {
	a, b := people(), people()
	a["person_rows"], b["person_rows"] = newRelation(true), newRelation(true)
	a["person_rows"].columns["org_name"] = column{typ: ""} // SQLite gives a computed column no type
	b["person_rows"].columns["org_name"] = column{typ: "text", notNull: true}
	if d := compare(a, b, "a", "b"); len(d) != 0 {
		t.Fatalf("a view's column types count: %q", d)
	}
	b["person_rows"].columns["org_path"] = column{typ: "text"}
	b["organisations"].view = true
	want := []string{"column person_rows.org_path: only on b", "relation organisations: view on one engine only"}
	if d := compare(a, b, "a", "b"); !slices.Equal(d, want) {
		t.Fatalf("differences %q, want %q", d, want)
	}
}

func TestJudgeFailsOnUndeclaredAndStaleDifferences(t *testing.T) {
	declared := map[string]string{"known": "why", "fixed since": "why"}
	undeclared, stale := judge([]string{"known", "new"}, declared)
	if !slices.Equal(undeclared, []string{"new"}) || !slices.Equal(stale, []string{"fixed since"}) {
		t.Fatalf("undeclared %q, stale %q", undeclared, stale)
	}
}

func TestColumnTypesShareAVocabulary(t *testing.T) {
	for declared, want := range map[string]string{"INTEGER": "integer", "bigint": "integer", "BOOLEAN": "bool",
		"timestamp with time zone": "timestamp", "TIMESTAMP": "timestamp", "bytea": "blob", "BLOB": "blob",
		"double precision": "real", "REAL": "real", "character varying(20)": "text", "DATE": "date",
		"jsonb": "json", "uuid": "other:uuid"} {
		if got := columnType(declared); got != want {
			t.Errorf("%s: %s, want %s", declared, got, want)
		}
	}
}
