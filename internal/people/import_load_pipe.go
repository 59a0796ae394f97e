package people

import (
	"context"
	"fmt"
)

// loadBatch is Batch in a load. The rows the batch before staged were
// held, not written: once this batch has read ahead what its rows name,
// those are written on another goroutine (launch) while this batch is
// planned, so planning and SQLite's or PostgreSQL's work take a core
// each. What the batch stages is held in turn for the next batch, or for
// Close. Whatever asks the database first waits for the write (sync);
// persons and households being written are found in memory meanwhile.
func (is *ImportSession) loadBatch(ctx context.Context, rows []ImportRow) ([]Outcome, []RowError, error) {
	is.homes.rotate()
	if err := is.prefetch(ctx, rows); err != nil {
		return nil, nil, is.fail(fmt.Errorf("people: import: %w", err))
	}
	if err := is.launch(ctx); err != nil {
		return nil, nil, is.fail(err)
	}
	bt := &batch{outs: make([]Outcome, len(rows))}
	for i, row := range rows {
		out, fs, err := is.next(ctx, i, row, bt)
		if err != nil {
			return nil, nil, is.fail(fmt.Errorf("people: import line %d: %w", row.Line, err))
		}
		bt.set(i, row, out, fs)
		bt.log.lines(row.Line)
		rows[i].checked = nil // no longer needed while the batch is written
	}
	is.hold(bt)
	return is.done(bt)
}

// hold keeps what the batch staged, with its change log entry, to be
// written by the next launch; its persons and households are found in
// memory until then.
func (is *ImportSession) hold(bt *batch) {
	l := is.load
	for _, r := range is.staged.rows {
		bt.log.created(r.pl)
	}
	b := &heldBatch{staged: is.staged, log: bt.log, persons: map[int64]Person{}, homes: map[int64]*home{}}
	for _, r := range is.staged.rows {
		b.persons[r.pl.rec.ID] = r.pl.rec
		if r.pl.gNew {
			b.persons[r.pl.g.ID] = *r.pl.g
		}
		if r.pl.newHome {
			b.homes[r.pl.home.id] = r.pl.home
		}
	}
	for _, n := range is.staged.numbers {
		delete(is.ids, n)
	}
	// Only the tables' rows are written: the rows of the file and their
	// plans go now, not after the write.
	b.staged.rows, b.staged.names, b.staged.numbers = nil, nil, nil
	l.held = b
	is.staged = staged{}
}

// launch starts writing the batch held, if there is one, once the one
// before is written.
func (is *ImportSession) launch(ctx context.Context) error {
	l := is.load
	if l == nil || l.held == nil {
		return nil
	}
	if err := is.sync(); err != nil {
		return err
	}
	b := l.held
	l.held, l.running = nil, b
	l.job = make(chan error, 1)
	go func() {
		err := func() error {
			for t := range stagedTables {
				if err := is.bulk(ctx, t, b.staged.tables[t]); err != nil {
					return fmt.Errorf("%s: %w", importTables[t].name, err)
				}
			}
			return is.logBatch(ctx, &b.log)
		}()
		l.job <- err
	}()
	return nil
}

// sync waits for the batch being written, if one is: nothing else may
// use the transaction meanwhile. The persons and households it wrote are
// then read from the database.
func (is *ImportSession) sync() error {
	l := is.load
	if l == nil || l.job == nil {
		return nil
	}
	err := <-l.job
	l.job, l.running = nil, nil
	if err != nil {
		return fmt.Errorf("people: load: %w", err)
	}
	return nil
}
