package people

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jolproject/jol/internal/store"
)

// dropIndexes drops the secondary indexes of the load's tables, keeping
// their definitions; those a constraint owns (primary keys) stay.
func (is *ImportSession) dropIndexes(ctx context.Context) error {
	q := `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
AND tbl_name IN ('households', 'persons', 'household_members', 'person_categories') ORDER BY name`
	if is.s.db.Engine == store.Postgres {
		q = `SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i
JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
WHERE t.relname IN ('households', 'persons', 'household_members', 'person_categories')
AND pg_table_is_visible(t.oid) AND NOT i.indisprimary
AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) ORDER BY c.relname`
	}
	var names []string
	err := is.each(ctx, q, nil, func(rs *sql.Rows) error {
		var name, def string
		err := rs.Scan(&name, &def)
		names, is.load.indexes = append(names, name), append(is.load.indexes, def)
		return err
	})
	if err != nil {
		return err
	}
	for _, name := range names {
		if _, err := is.tx.ExecContext(ctx, "DROP INDEX "+name); err != nil {
			return fmt.Errorf("drop index %s: %w", name, err)
		}
	}
	return nil
}

// beforeRebuild, when the tests set it, runs in a load's transaction
// before the indexes are built again.
var beforeRebuild func(context.Context, *sql.Tx) error

// finishLoad writes the batch held, builds the indexes again - a unique
// one fails when the load broke its uniqueness, and then Close rolls
// everything back - and gives PostgreSQL's sequences and statistics what
// the load wrote.
func (is *ImportSession) finishLoad(ctx context.Context) error {
	if err := is.launch(ctx); err != nil {
		return err
	}
	if err := is.sync(); err != nil {
		return err
	}
	if beforeRebuild != nil {
		if err := beforeRebuild(ctx, is.tx); err != nil {
			return err
		}
	}
	if is.s.db.Engine == store.Postgres {
		if _, err := is.tx.ExecContext(ctx, "SET LOCAL maintenance_work_mem = '256MB'"); err != nil {
			return err
		}
	}
	for _, def := range is.load.indexes {
		if _, err := is.tx.ExecContext(ctx, def); err != nil {
			return fmt.Errorf("people: load: build again: %s: %w", def, err)
		}
	}
	if is.s.db.Engine != store.Postgres {
		return nil
	}
	for _, t := range []string{"persons", "households"} {
		q := fmt.Sprintf("SELECT setval(pg_get_serial_sequence('%[1]s', 'id'), COALESCE(max(id), 0) + 1, false) FROM %[1]s", t)
		if _, err := is.tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	for _, t := range loadTables {
		if _, err := is.tx.ExecContext(ctx, "ANALYZE "+t); err != nil {
			return err
		}
	}
	return nil
}
