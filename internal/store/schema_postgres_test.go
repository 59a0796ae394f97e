package store_test

import (
	"context"
	"database/sql"
	"strings"
)

// readPostgres reads information_schema and pg_catalog for the current
// schema.
func readPostgres(ctx context.Context, db *sql.DB) (schema, error) {
	s := schema{}
	err := each(ctx, db, `SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = current_schema()`,
		nil, func(sc func(...any) error) error {
			var name, typ string
			if err := sc(&name, &typ); err != nil {
				return err
			}
			s[name] = newRelation(typ == "VIEW")
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = each(ctx, db, `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
		WHERE table_schema = current_schema()`, nil, func(sc func(...any) error) error {
		var table, col, typ, nullable string
		if err := sc(&table, &col, &typ, &nullable); err != nil {
			return err
		}
		if r := s[table]; r != nil {
			r.columns[col] = column{typ: columnType(typ), notNull: nullable == "NO"}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := readPostgresIndexes(ctx, db, s); err != nil {
		return nil, err
	}
	return s, readPostgresForeignKeys(ctx, db, s)
}

// readPostgresIndexes reads every index of the schema's tables. An index
// that backs a UNIQUE constraint is keyed by its columns, as SQLite's are;
// the primary key's becomes the table's primary key.
func readPostgresIndexes(ctx context.Context, db *sql.DB, s schema) error {
	const q = `
SELECT t.relname, i.relname, x.indisunique, x.indisprimary, x.indpred IS NOT NULL,
       EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.contype = 'u'),
       array_to_string(ARRAY(
           SELECT COALESCE(a.attname, '<expr>')
             FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
             LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
            WHERE k.ord <= x.indnkeyatts
            ORDER BY k.ord), ',')
  FROM pg_index x
  JOIN pg_class i ON i.oid = x.indexrelid
  JOIN pg_class t ON t.oid = x.indrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
 WHERE n.nspname = current_schema()`
	return each(ctx, db, q, nil, func(sc func(...any) error) error {
		var table, name, cols string
		var unique, primary, partial, constraint bool
		if err := sc(&table, &name, &unique, &primary, &partial, &constraint, &cols); err != nil {
			return err
		}
		r := s[table]
		if r == nil {
			return nil
		}
		columns := strings.Split(cols, ",")
		switch {
		case primary:
			r.primaryKey = columns
		case constraint:
			r.indexes[uniqueKey(columns)] = index{columns: columns, unique: true, partial: partial}
		default:
			r.indexes[name] = index{columns: columns, unique: unique, partial: partial}
		}
		return nil
	})
}

// onDelete spells pg_constraint.confdeltype as SQLite's pragma does.
var onDelete = map[string]string{"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}

func readPostgresForeignKeys(ctx context.Context, db *sql.DB, s schema) error {
	const q = `
SELECT t.relname, f.relname, c.confdeltype::text,
       array_to_string(ARRAY(
           SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord), ','),
       array_to_string(ARRAY(
           SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord), ',')
  FROM pg_constraint c
  JOIN pg_class t ON t.oid = c.conrelid
  JOIN pg_class f ON f.oid = c.confrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
 WHERE c.contype = 'f' AND n.nspname = current_schema()`
	return each(ctx, db, q, nil, func(sc func(...any) error) error {
		var table, ref, del, from, to string
		if err := sc(&table, &ref, &del, &from, &to); err != nil {
			return err
		}
		if r := s[table]; r != nil {
			r.foreignKeys["("+from+")"] = foreignKey{refTable: ref, refColumns: strings.Split(to, ","), onDelete: onDelete[del]}
		}
		return nil
	})
}
