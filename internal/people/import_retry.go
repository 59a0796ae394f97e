package people

import (
	"context"
	"fmt"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// batch is what Batch returns as it is made: an outcome per row, the
// errors of the rejected ones and the batch's entry in the change log.
type batch struct {
	outs []Outcome
	errs []RowError
	log  batchLog
	done int // the rows planned: outs[:done] are set
}

// set records the outcome of row i of the batch, replacing one set before.
func (bt *batch) set(i int, row ImportRow, out Outcome, fs []errs.FieldError) {
	bt.outs[i], bt.done = out, max(bt.done, i+1)
	for _, f := range fs {
		bt.errs = append(bt.errs, rowError(row, f))
	}
}

// flushOrRetry writes what is staged. When another writer took one of its
// ID numbers or household references since the rows were planned
// (PostgreSQL, where the import does not lock out other writers), nothing
// staged was written: the rows are then planned again and written one by
// one, each all or nothing, so only the rows that now conflict are
// rejected.
func (is *ImportSession) flushOrRetry(ctx context.Context, bt *batch) error {
	rows := is.staged.rows
	err := is.flush(ctx, &bt.log)
	if err == nil || !store.IsUniqueViolation(err) {
		return err
	}
	is.staged.reset()
	is.forget()
	is.stale()
	is.drop()
	for _, r := range rows {
		out, fs, err := is.one(ctx, r.row, &bt.log)
		if err != nil {
			return fmt.Errorf("line %d: %w", r.row.Line, err)
		}
		bt.set(r.i, r.row, out, fs)
	}
	return nil
}

// created adds what a row created to the batch's log, once it is written.
func (b *batchLog) created(pl *rowPlan) {
	if pl.old.ID == 0 {
		b.persons = append(b.persons, pl.rec.ID)
	}
	if pl.newHome {
		b.homes = append(b.homes, pl.home.id)
	}
	if pl.gNew {
		b.persons = append(b.persons, pl.g.ID)
	}
}
