package people

import (
	"context"
	"fmt"
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
