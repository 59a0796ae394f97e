package people

import (
	"context"
	"fmt"
	"strconv"

	"github.com/jolproject/jol/internal/errs"
)

// A dry run writes nothing. It plans every row as a real run does and
// keeps in memory what the rows would have written: the persons they
// create or change, under made-up negative ids, and their categories.
// Later rows find them there as they would find them in the database.
// What a batch made up is kept for the next batch too, like the session's
// households, then forgotten, so a dry run of any length holds two
// batches' worth; a row that repeats a person from further back counts as
// new. Reading in a read-only transaction per batch, a dry run never holds
// the write lock, which on SQLite would stop every other writer.
type dryRun struct {
	cur, prev generation
	last      int64 // the last id made up; they count down from -1
}

// A generation is what the rows of one batch made up.
type generation struct {
	lines   map[int64]int // the line of the row that made up each id
	persons map[int64]Person
	numbers map[string][]int64
	names   map[nameBirth][]int64
	cats    map[int64][]int64
}

func newGeneration() generation {
	return generation{lines: map[int64]int{}, persons: map[int64]Person{}, numbers: map[string][]int64{},
		names: map[nameBirth][]int64{}, cats: map[int64][]int64{}}
}

func newDryRun() *dryRun { return &dryRun{cur: newGeneration(), prev: newGeneration()} }

// rotate starts a batch: what the batch before the last made up is gone.
func (d *dryRun) rotate() { d.prev, d.cur = d.cur, newGeneration() }

// id makes up an id for what the row of line makes.
func (d *dryRun) id(line int) int64 {
	d.last--
	d.cur.lines[d.last] = line
	return d.last
}

// line returns the line of the row that made up id, 0 when forgotten.
func (d *dryRun) line(id int64) int {
	if n, ok := d.cur.lines[id]; ok {
		return n
	}
	return d.prev.lines[id]
}

// explain names made-up records in field errors by the line of the row
// that made them: their ids mean nothing to the reader.
func (d *dryRun) explain(fs []errs.FieldError) []errs.FieldError {
	for i, f := range fs {
		for j := 0; j+1 < len(f.Args); j += 2 {
			if id, err := strconv.ParseInt(fmt.Sprint(f.Args[j+1]), 10, 64); f.Args[j] == "ID" && err == nil && id < 0 {
				fs[i].Key, fs[i].Args = f.Key+"_in_file", []any{"Line", d.line(id)}
			}
		}
	}
	return fs
}

// put keeps p, with the categories they are in, as the rows made them.
func (d *dryRun) put(p Person, cats []int64) {
	g := &d.cur
	g.persons[p.ID], g.cats[p.ID] = p, cats
	if p.NationalID != "" {
		g.numbers[p.NationalID] = append(g.numbers[p.NationalID], p.ID)
	}
	k := nameBirthOf(p)
	g.names[k] = append(g.names[k], p.ID)
}

// person returns the dry run's version of the person with id.
func (d *dryRun) person(id int64) (Person, bool) {
	if p, ok := d.cur.persons[id]; ok {
		return p, true
	}
	p, ok := d.prev.persons[id]
	return p, ok
}

// categories returns the categories of the person with id as the dry run
// left them, and whether it changed or made up that person.
func (d *dryRun) categories(id int64) ([]int64, bool) {
	if c, ok := d.cur.cats[id]; ok {
		return c, true
	}
	c, ok := d.prev.cats[id]
	return c, ok
}

// fresh replaces each person of ps by the dry run's version, drops those
// keep refuses in that version and adds the made-up persons of ids that
// keep accepts, each once.
func (d *dryRun) fresh(ps []Person, ids func(g *generation) []int64, keep func(Person) bool) []Person {
	var out []Person
	seen := map[int64]bool{}
	add := func(p Person) {
		if q, ok := d.person(p.ID); ok {
			p = q
		}
		if !seen[p.ID] && keep(p) {
			seen[p.ID] = true
			out = append(out, p)
		}
	}
	for _, p := range ps {
		add(p)
	}
	for _, g := range []*generation{&d.cur, &d.prev} {
		for _, id := range ids(g) {
			if p, ok := d.person(id); ok {
				add(p)
			}
		}
	}
	return out
}

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
