package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/jolproject/jol/internal/store"
)

// readSchema reads the schema of a migrated database of either engine.
func readSchema(ctx context.Context, db *store.DB) (schema, error) {
	if db.Engine == store.Postgres {
		return readPostgres(ctx, db.R)
	}
	return readSQLite(ctx, db.R)
}

// readSQLite reads sqlite_master and the table-valued pragmas.
func readSQLite(ctx context.Context, db *sql.DB) (schema, error) {
	s := schema{}
	err := each(ctx, db, `SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`,
		nil, func(sc func(...any) error) error {
			var name, typ string
			if err := sc(&name, &typ); err != nil {
				return err
			}
			s[name] = newRelation(typ == "view")
			return nil
		})
	if err != nil {
		return nil, err
	}
	for name, r := range s {
		if err := readSQLiteRelation(ctx, db, name, r); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	// A reference that names no columns is to the referenced table's
	// primary key; PostgreSQL reports those columns, so SQLite must too.
	for _, r := range s {
		for k, fk := range r.foreignKeys {
			if len(fk.refColumns) == 0 && s[fk.refTable] != nil {
				fk.refColumns = s[fk.refTable].primaryKey
				r.foreignKeys[k] = fk
			}
		}
	}
	return s, nil
}

func readSQLiteRelation(ctx context.Context, db *sql.DB, name string, r *relation) error {
	pk := map[int]string{}
	err := each(ctx, db, `SELECT name, type, "notnull", pk FROM pragma_table_info(?)`, []any{name}, func(sc func(...any) error) error {
		var col, typ string
		var notNull bool
		var key int
		if err := sc(&col, &typ, &notNull, &key); err != nil {
			return err
		}
		if key > 0 {
			pk[key] = col
			notNull = true // SQLite does not enforce it on a rowid alias, but a rowid is never NULL
		}
		r.columns[col] = column{typ: columnType(typ), notNull: notNull}
		return nil
	})
	if err != nil {
		return err
	}
	for i := 1; i <= len(pk); i++ {
		r.primaryKey = append(r.primaryKey, pk[i])
	}
	if r.view {
		return nil
	}
	type listed struct {
		name            string
		unique, partial bool
		origin          string
	}
	var idx []listed
	err = each(ctx, db, `SELECT name, "unique", origin, partial FROM pragma_index_list(?)`, []any{name}, func(sc func(...any) error) error {
		var l listed
		if err := sc(&l.name, &l.unique, &l.origin, &l.partial); err != nil {
			return err
		}
		idx = append(idx, l)
		return nil
	})
	if err != nil {
		return err
	}
	for _, l := range idx {
		if l.origin == "pk" {
			continue // the primary key is compared as such
		}
		var cols []string
		err := each(ctx, db, `SELECT cid, name FROM pragma_index_info(?) ORDER BY seqno`, []any{l.name}, func(sc func(...any) error) error {
			var cid int
			var col sql.NullString
			if err := sc(&cid, &col); err != nil {
				return err
			}
			if cid < 0 {
				col.String = "<expr>"
			}
			cols = append(cols, col.String)
			return nil
		})
		if err != nil {
			return err
		}
		key := l.name
		if l.origin == "u" {
			key = uniqueKey(cols)
		}
		r.indexes[key] = index{columns: cols, unique: l.unique, partial: l.partial}
	}
	refs := map[int]*struct {
		from []string
		fk   foreignKey
	}{}
	var order []int
	err = each(ctx, db, `SELECT id, "table", "from", "to", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq`, []any{name},
		func(sc func(...any) error) error {
			var id int
			var table, from, onDelete string
			var to sql.NullString
			if err := sc(&id, &table, &from, &to, &onDelete); err != nil {
				return err
			}
			ref, ok := refs[id]
			if !ok {
				ref = &struct {
					from []string
					fk   foreignKey
				}{fk: foreignKey{refTable: table, onDelete: onDelete}}
				refs[id] = ref
				order = append(order, id)
			}
			ref.from = append(ref.from, from)
			if to.Valid {
				ref.fk.refColumns = append(ref.fk.refColumns, to.String)
			}
			return nil
		})
	if err != nil {
		return err
	}
	for _, id := range order {
		r.foreignKeys["("+strings.Join(refs[id].from, ",")+")"] = refs[id].fk
	}
	return nil
}

// each runs a query and calls fn with the scan of each row.
func each(ctx context.Context, db *sql.DB, q string, args []any, fn func(scan func(...any) error) error) error {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}
