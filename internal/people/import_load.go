package people

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jolproject/jol/internal/store"
)

// LoadLimit is how many persons a registry may hold for an import with
// ImportOptions.Load to load with the indexes dropped: what it holds is
// read into the import's own index at the start.
const LoadLimit = 20000

// loadTables are the tables whose secondary indexes a load drops.
var loadTables = []string{"households", "persons", "household_members", "person_categories"}

// A loader is the state of an import that loads a nearly empty registry
// in one transaction with the secondary indexes of its tables dropped
// (ImportOptions.Load): nothing of it is seen by others, or kept, until
// Close has built the indexes again and committed, so the registry never
// lacks an index or holds half a load. The planner finds what the
// registry held and what the load wrote in idx, not through the dropped
// indexes, and while it plans a batch the rows of the batch before are
// written on another core (see launch).
type loader struct {
	idx     loadIndex
	indexes []string            // the CREATE INDEX statements of the dropped indexes, to run again
	next    [stagedTables]int64 // the next id of a new person or household
	held    *heldBatch          // the batch planned and not yet written
	running *heldBatch          // the batch being written
	regions map[int64]uint16    // the region of each household the load created, in paths
	paths   []string            // the region paths of regions
	pathOf  map[string]uint16   // the index of each in paths
	job     chan error          // the write of running
}

// heldBatch is a batch whose staged rows and change log entry wait to be
// written, with the persons and households they create by id: until they
// are written, they are found here.
type heldBatch struct {
	staged  staged
	log     batchLog
	persons map[int64]Person
	homes   map[int64]*home
}

// flying returns the person or household with id (of persons or
// households) the load has planned and not yet written.
func (l *loader) person(id int64) (Person, bool) {
	for _, b := range []*heldBatch{l.held, l.running} {
		if b == nil {
			continue
		}
		if p, ok := b.persons[id]; ok {
			return p, true
		}
	}
	return Person{}, false
}

// home returns the household with id the load has planned and not yet
// written, nil when there is none.
func (l *loader) home(id int64) *home {
	for _, b := range []*heldBatch{l.held, l.running} {
		if b != nil && b.homes[id] != nil {
			return b.homes[id]
		}
	}
	return nil
}

// loadCacheMiB is the SQLite writer's page cache in a load: its inserts
// append to the tables, and the indexes are built at the end by sorting,
// so a small cache does. Every page of it is Go memory.
const loadCacheMiB = 16

// loads reports whether the import is a load: it was asked to be, and
// the registry holds at most LoadLimit persons.
func (is *ImportSession) loads(ctx context.Context) (bool, error) {
	if !is.o.Load || is.o.DryRun {
		return false, nil
	}
	var n int
	err := is.s.db.R.QueryRowContext(ctx, "SELECT count(*) FROM persons").Scan(&n)
	return err == nil && n <= LoadLimit, err
}

// startLoad opens the import's one transaction, drops the indexes and
// reads what the registry holds into the import's index.
func (is *ImportSession) startLoad(ctx context.Context) error {
	if err := is.begin(ctx); err != nil {
		return err
	}
	is.load = &loader{idx: newLoadIndex(), regions: map[int64]uint16{}, pathOf: map[string]uint16{}}
	err := is.dropIndexes(ctx)
	if err == nil {
		err = is.readRegistry(ctx)
	}
	if err != nil {
		is.load = nil
		return fmt.Errorf("people: load: %w", err)
	}
	return nil
}

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
