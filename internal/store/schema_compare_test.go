package store_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// schema is what a migrated database is made of, in a vocabulary both
// engines can be described in, so their schemas can be compared.
type schema map[string]*relation

// relation is a table or a view.
type relation struct {
	view        bool
	columns     map[string]column
	primaryKey  []string
	indexes     map[string]index // by name; unique constraints by "unique(a,b)"
	foreignKeys map[string]foreignKey
}

// column is a column's type, in the common vocabulary of columnType, and
// whether it may be NULL.
type column struct {
	typ     string
	notNull bool
}

// index is a secondary index. Columns an expression makes up are
// "<expr>"; a partial index's condition is not compared, only that it
// has one, since the engines spell conditions differently.
type index struct {
	columns []string
	unique  bool
	partial bool
}

func (i index) String() string {
	s := "(" + strings.Join(i.columns, ",") + ")"
	if i.unique {
		s = "unique " + s
	}
	if i.partial {
		s += " partial"
	}
	return s
}

// foreignKey is a reference from some columns to another table's.
type foreignKey struct {
	refTable   string
	refColumns []string
	onDelete   string // NO ACTION, CASCADE, SET NULL, SET DEFAULT, RESTRICT
}

func (f foreignKey) String() string {
	return fmt.Sprintf("%s(%s) on delete %s", f.refTable, strings.Join(f.refColumns, ","), f.onDelete)
}

func newRelation(view bool) *relation {
	return &relation{view: view, columns: map[string]column{}, indexes: map[string]index{}, foreignKeys: map[string]foreignKey{}}
}

// columnType maps a type as an engine declares or reports it to the
// common vocabulary: integer, real, text, bool, date, timestamp, blob,
// json. A type not in it comes back as "other:<type>", so it is seen.
func columnType(declared string) string {
	t := strings.ToLower(strings.TrimSpace(declared))
	if i := strings.IndexByte(t, '('); i >= 0 {
		t = strings.TrimSpace(t[:i])
	}
	switch t {
	case "integer", "int", "bigint", "smallint", "int2", "int4", "int8":
		return "integer"
	case "real", "double precision", "double", "float", "float8", "numeric":
		return "real"
	case "text", "character varying", "varchar", "character", "char":
		return "text"
	case "boolean", "bool":
		return "bool"
	case "date":
		return "date"
	case "timestamp", "timestamptz", "datetime", "timestamp with time zone", "timestamp without time zone":
		return "timestamp"
	case "blob", "bytea":
		return "blob"
	case "json", "jsonb":
		return "json"
	case "":
		return "" // a view's computed column on SQLite has no type
	}
	return "other:" + t
}

// compare lists the differences between two schemas, each a line that
// names what differs and how, sorted. Views are compared by their
// columns' names only: SQLite gives a view's computed columns no type.
func compare(a, b schema, nameA, nameB string) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	for _, name := range union(a, b) {
		ra, rb := a[name], b[name]
		switch {
		case rb == nil:
			add("relation %s: only on %s", name, nameA)
			continue
		case ra == nil:
			add("relation %s: only on %s", name, nameB)
			continue
		case ra.view != rb.view:
			add("relation %s: view on one engine only", name)
			continue
		}
		for _, c := range union(ra.columns, rb.columns) {
			ca, okA := ra.columns[c]
			cb, okB := rb.columns[c]
			switch {
			case !okB:
				add("column %s.%s: only on %s", name, c, nameA)
			case !okA:
				add("column %s.%s: only on %s", name, c, nameB)
			case ra.view:
			case ca.typ != cb.typ:
				add("column %s.%s: type %s on %s, %s on %s", name, c, ca.typ, nameA, cb.typ, nameB)
			}
			if okA && okB && !ra.view && ca.notNull != cb.notNull {
				add("column %s.%s: %s on %s, %s on %s", name, c, nullability(ca), nameA, nullability(cb), nameB)
			}
		}
		if !slices.Equal(ra.primaryKey, rb.primaryKey) {
			add("primary key %s: (%s) on %s, (%s) on %s", name, strings.Join(ra.primaryKey, ","), nameA,
				strings.Join(rb.primaryKey, ","), nameB)
		}
		out = append(out, compareMaps("index", name, ra.indexes, rb.indexes, nameA, nameB)...)
		out = append(out, compareMaps("foreign key", name, ra.foreignKeys, rb.foreignKeys, nameA, nameB)...)
	}
	slices.Sort(out)
	return out
}

// compareMaps compares a relation's indexes or foreign keys by their
// string form.
func compareMaps[V fmt.Stringer](what, rel string, a, b map[string]V, nameA, nameB string) []string {
	var out []string
	for _, k := range union(a, b) {
		va, okA := a[k]
		vb, okB := b[k]
		switch {
		case !okB:
			out = append(out, fmt.Sprintf("%s %s %s: only on %s", what, rel, k, nameA))
		case !okA:
			out = append(out, fmt.Sprintf("%s %s %s: only on %s", what, rel, k, nameB))
		case va.String() != vb.String():
			out = append(out, fmt.Sprintf("%s %s %s: %s on %s, %s on %s", what, rel, k, va, nameA, vb, nameB))
		}
	}
	return out
}

func nullability(c column) string {
	if c.notNull {
		return "not null"
	}
	return "nullable"
}

// union is the sorted keys of two maps.
func union[V any](a, b map[string]V) []string {
	keys := slices.Collect(maps.Keys(a))
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// uniqueKey is the name a unique constraint is compared by: the engines
// name the index behind one differently (sqlite_autoindex_users_1,
// users_email_key).
func uniqueKey(columns []string) string { return "unique(" + strings.Join(columns, ",") + ")" }
