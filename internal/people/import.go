package people

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
)

// ImportRow is one row of a list, already parsed and resolved by the
// importer. A zero value in Person says nothing: an empty cell and a
// column the file does not have are alike, and neither erases what is
// stored (Sex unknown, Grade 0 and Disability false included; a place or
// organisation that contains the stored one does not move it either), so
// an import never clears a field: the form does. A Guardian with a phone
// and no name is only the phone of the household.
type ImportRow struct {
	Line         int      // the line of the file, for errors
	Person       Input    // the child or young person; OrgID 0 is the organisation importing
	HouseholdRef string   // rows sharing it (within the organisation) form one household; "" for none
	Relation     Relation // of the person in the household; "" is Child
	Guardian     *Input   // the household's adult from the guardian columns, or nil
	Categories   []string // category codes, assigned without evidence
	checked      *checked // what CheckImportRow made of the row, if it ran
}

// Outcome is what an import did with a row.
type Outcome string

// The outcomes of a row.
const (
	Created   Outcome = "created"   // the person was registered
	Updated   Outcome = "updated"   // something about a registered person was written
	Unchanged Outcome = "unchanged" // the registry already held all of it
	Rejected  Outcome = "rejected"  // nothing of the row was written; see its RowErrors
)

// RowError says why a row was rejected: the field, named as errs.Field
// names it ("national_id", "birth_date"; "guardian_" before the fields of
// the guardian, "household_ref", "relation" and "categories" for the rest
// of the row), the value the row gave it and the message key with its
// arguments. A row may have several.
type RowError struct {
	Line              int
	Field, Value, Key string
	Args              []any
}

// ImportOptions says who a file is imported for and how.
type ImportOptions struct {
	OrgID  int64  // the organisation importing: it owns the households and is the default of a person's
	DryRun bool   // plan everything, write nothing: the totals are what a real run would report (see dryRun)
	Source string // the file's name, for the change log
	// Hold is how long a real run keeps the writer before committing and
	// letting in a request that waits for it; 0 is DefaultHold. MaxHold
	// is how long it keeps it when none waits; 0 is DefaultMaxHold.
	Hold, MaxHold time.Duration
	// Commit, when set, is called in each transaction of a real run that
	// writes rows of a batch, just before it commits, with the outcomes
	// of the rows of the batch written when it has (the first len(outs),
	// in order) and the errors of those rows, in the order of their lines.
	// What it writes in tx is committed with the rows or not at all: where
	// an import stands is then never behind or ahead of what it wrote.
	Commit func(ctx context.Context, tx *sql.Tx, outs []Outcome, errs []RowError) error

	// Load says the import has the registry to itself (`jol import
	// people --bulk`): into a registry of at most LoadLimit persons, a
	// real run then loads the whole file in one transaction with the
	// secondary indexes dropped, and builds them again at the end (see
	// startLoad).
	Load bool
}

// Totals counts the outcomes of the rows of an import.
type Totals struct{ Created, Updated, Unchanged, Rejected int }

func (t *Totals) add(o Outcome) {
	switch o {
	case Created:
		t.Created++
	case Updated:
		t.Updated++
	case Unchanged:
		t.Unchanged++
	case Rejected:
		t.Rejected++
	}
}

// importCacheMiB is the page cache of the SQLite writer during an import:
// most of the indexes of persons and households at a million persons,
// well inside the 256 MiB a connection of the driver may use.
const importCacheMiB = 128

// errClosed is the answer to a batch after Close.
var errClosed = errors.New("people: import session closed")

// BeginImport starts an import into organisation o.OrgID, which p must be
// allowed to edit children in. The session keeps what it looks up
// (categories, places, the organisation's households) until Close, which
// must always be called, after an error too.
func (s *Service) BeginImport(ctx context.Context, p access.Principal, o ImportOptions) (*ImportSession, error) {
	if err := access.Can(p, access.EditChild, p.Scope()); err != nil {
		return nil, err
	}
	path, ok, err := s.orgPath(ctx, s.db.R, o.OrgID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errs.Validation(errs.Field("org_id", "error.unknown_org"))
	}
	if err := access.Can(p, access.EditChild, access.Target{OrgPath: path, RegionPath: p.RegionPath}); err != nil {
		return nil, err
	}
	is := &ImportSession{s: s, p: p, o: o, orgPath: path, cats: map[string]Category{}, catCodes: map[int64]string{},
		regions: map[string]regionRow{}, orgs: map[int64]orgRow{}, homes: newHomeCache(1)}
	if err := s.db.R.QueryRowContext(ctx, s.q.MaxPersonID).Scan(&is.firstID); err != nil {
		return nil, err
	}
	rows, err := s.db.R.QueryContext(ctx, s.q.Categories)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanCategory(rows)
		if err != nil {
			return nil, err
		}
		is.cats[c.Code], is.catCodes[c.ID] = c, c.Code
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if o.DryRun {
		is.dry, is.restore = newDryRun(dryDepth), func() error { return nil }
		is.homes = newHomeCache(dryDepth)
		return is, nil
	}
	load, err := is.loads(ctx)
	if err != nil {
		return nil, err
	}
	mib := importCacheMiB
	if load {
		mib = loadCacheMiB
	}
	if is.restore, err = s.db.WidenCache(ctx, mib); err != nil {
		return nil, err
	}
	if load {
		if err := is.startLoad(ctx); err != nil {
			return nil, errors.Join(err, is.end(false), is.closeReader(), is.restore())
		}
	}
	return is, nil
}

// Close ends the import and returns the totals of its batches: a dry run
// is rolled back here, a real run was committed batch by batch. Closing
// again does nothing.
func (is *ImportSession) Close(ctx context.Context) (Totals, error) {
	if is.closed {
		return is.totals, nil
	}
	is.closed = true
	commit := false
	var err error
	if is.load != nil && is.err == nil {
		err = is.finishLoad(ctx)
		commit = err == nil
	}
	err = errors.Join(err, is.end(commit))
	err = errors.Join(err, is.closeReader())
	return is.totals, errors.Join(err, is.restore())
}

// end commits or rolls back the open transaction, if there is one, and
// forgets its prepared statements.
func (is *ImportSession) end(commit bool) error {
	if is.tx == nil {
		return nil
	}
	serr := is.sync() // a load's batch being written
	if serr != nil {
		commit = false
	}
	for _, st := range is.stmts {
		st.Close()
	}
	tx, conn := is.tx, is.conn
	is.tx, is.conn, is.stmts = nil, nil, nil
	is.staged.reset()
	is.drop()
	var err error
	if commit {
		err = tx.Commit()
	} else if err = tx.Rollback(); errors.Is(err, sql.ErrTxDone) {
		err = nil
	}
	return errors.Join(serr, err, is.release(conn))
}
