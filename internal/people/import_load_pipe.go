package people

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jolproject/jol/internal/store"
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
	l.held = b
	for _, n := range is.staged.numbers {
		delete(is.ids, n)
	}
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

// loadReserve is reserve in a load: the ids follow the greatest there
// was, counted here, since nothing else writes.
func (is *ImportSession) loadReserve(t stagedTable) int64 {
	id := is.load.next[t]
	is.load.next[t]++
	return id
}

// wrote takes in the ids of what a row wrote itself (with the database's
// ids), so that loadReserve goes on after them; on PostgreSQL the
// sequences are moved past what the load reserved before such a row.
func (is *ImportSession) wrote(pl *rowPlan) {
	l := is.load
	up := func(t stagedTable, id int64) { l.next[t] = max(l.next[t], id+1) }
	up(persons, pl.rec.ID)
	if pl.gNew {
		up(persons, pl.g.ID)
	}
	if pl.newHome {
		up(households, pl.home.id)
	}
}

// pastReserved moves PostgreSQL's sequences past the ids the load has
// reserved, before a row writes with ids of the database's.
func (is *ImportSession) pastReserved(ctx context.Context) error {
	if is.s.db.Engine != store.Postgres {
		return nil
	}
	for t, name := range map[stagedTable]string{persons: "persons", households: "households"} {
		q := fmt.Sprintf("SELECT setval(pg_get_serial_sequence('%s', 'id'), %d, false)", name, is.load.next[t])
		if _, err := is.tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// readRegistry reads what the registry holds into the load's index, and
// the ids new rows start from.
func (is *ImportSession) readRegistry(ctx context.Context) error {
	x := &is.load.idx
	err := is.each(ctx, "SELECT id, national_id, name_key, birth_date FROM persons WHERE merged_into IS NULL", nil,
		func(rs *sql.Rows) error {
			var id int64
			var number, key string
			var birth sql.NullTime
			err := rs.Scan(&id, &number, &key, &birth)
			x.person(id, number, key, dateText(date(birth.Time)))
			return err
		})
	if err != nil {
		return err
	}
	err = is.each(ctx, "SELECT id, external_ref, COALESCE(org_id, 0) FROM households WHERE external_ref <> ''", nil,
		func(rs *sql.Rows) error {
			var id, org int64
			var ref string
			err := rs.Scan(&id, &ref, &org)
			x.household(id, ref, org)
			return err
		})
	if err != nil {
		return err
	}
	err = is.each(ctx, "SELECT household_id, person_id FROM household_members", nil, func(rs *sql.Rows) error {
		var h, p int64
		err := rs.Scan(&h, &p)
		x.member(h, p)
		return err
	})
	if err != nil {
		return err
	}
	for t, name := range map[stagedTable]string{persons: "persons", households: "households"} {
		if err := is.row(ctx, "SELECT COALESCE(max(id), 0) + 1 FROM "+name).Scan(&is.load.next[t]); err != nil {
			return err
		}
	}
	return nil
}
