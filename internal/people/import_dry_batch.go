package people

import (
	"context"
	"fmt"
)

// dryBatch is Batch for a dry run: each row planned and taken in as if
// written, nothing written.
func (is *ImportSession) dryBatch(ctx context.Context, rows []ImportRow) ([]Outcome, []RowError, error) {
	if err := is.begin(ctx); err != nil {
		return nil, nil, is.fail(fmt.Errorf("people: import: begin: %w", err))
	}
	is.homes.rotate()
	is.dry.rotate()
	if err := is.prefetch(ctx, rows); err != nil {
		return nil, nil, is.fail(fmt.Errorf("people: import: %w", err))
	}
	bt := &batch{outs: make([]Outcome, len(rows))}
	for i, row := range rows {
		pl, fs, err := is.plan(ctx, row)
		switch {
		case err != nil:
			return nil, nil, is.fail(fmt.Errorf("people: import line %d: %w", row.Line, err))
		case len(fs) > 0:
			bt.set(i, row, Rejected, is.dry.explain(fs))
		default:
			if pl.outcome != Unchanged {
				is.dryStage(row.Line, pl)
			}
			bt.set(i, row, pl.outcome, nil)
		}
	}
	if err := is.end(false); err != nil {
		return nil, nil, is.fail(err)
	}
	return is.done(bt)
}

// dryStage takes in what a planned row would write: the ids of what it
// creates are made up, and the person as the row leaves them is kept.
func (is *ImportSession) dryStage(line int, pl *rowPlan) {
	d, h, rec := is.dry, pl.home, &pl.rec
	if pl.newHome {
		h.id = d.id(line)
	}
	if pl.old.ID == 0 {
		rec.ID = d.id(line)
	}
	if h != nil {
		rec.HouseholdID = h.id
	}
	if pl.gNew {
		pl.g.ID, pl.g.HouseholdID = d.id(line), h.id
		d.put(*pl.g, nil)
	}
	var cats []int64
	for _, code := range pl.catsBefore {
		cats = append(cats, is.cats[code].ID)
	}
	d.put(*rec, append(cats, pl.cats...))
	is.settle(pl)
}
