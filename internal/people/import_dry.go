package people

import (
	"fmt"
	"strconv"

	"github.com/jolproject/jol/internal/errs"
)

// A dry run writes nothing. It plans every row as a real run does and
// keeps in memory what the rows would have written: the persons they
// create or change, under made-up negative ids, and their categories.
// Later rows find them there as they would find them in the database.
// What a batch made up is kept for dryDepth batches after it, like the
// session's households, then forgotten, so a dry run of any length holds
// a bounded amount; a row that repeats a person from further back counts
// as new. Reading in a read-only transaction per batch, a dry run never
// holds the write lock, which on SQLite would stop every other writer.
type dryRun struct {
	gens  []generation // newest first: the batch being planned, then those before
	depth int
	last  int64 // the last id made up; they count down from -1
}

// dryDepth is how many batches before the current one a dry run
// remembers: with batches of 10,000 rows, a list of about 50,000 rows is
// counted exactly as its import will count it. Each batch remembered
// costs some 30 MB at the peak (a dry run of a million rows peaked at
// 310 MB with four, 471 MB with nine).
const dryDepth = 4

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

func newDryRun(depth int) *dryRun { return &dryRun{gens: []generation{newGeneration()}, depth: depth} }

// rotate starts a batch: what the batch depth+1 batches ago made up is gone.
func (d *dryRun) rotate() {
	d.gens = append([]generation{newGeneration()}, d.gens...)[:min(len(d.gens)+1, d.depth+1)]
}

// id makes up an id for what the row of line makes.
func (d *dryRun) id(line int) int64 {
	d.last--
	d.gens[0].lines[d.last] = line
	return d.last
}

// line returns the line of the row that made up id, 0 when forgotten.
func (d *dryRun) line(id int64) int {
	for _, g := range d.gens {
		if n, ok := g.lines[id]; ok {
			return n
		}
	}
	return 0
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
	g := &d.gens[0]
	g.persons[p.ID], g.cats[p.ID] = p, cats
	if p.NationalID != "" {
		g.numbers[p.NationalID] = append(g.numbers[p.NationalID], p.ID)
	}
	k := nameBirthOf(p)
	g.names[k] = append(g.names[k], p.ID)
}

// person returns the dry run's latest version of the person with id.
func (d *dryRun) person(id int64) (Person, bool) {
	for _, g := range d.gens {
		if p, ok := g.persons[id]; ok {
			return p, true
		}
	}
	return Person{}, false
}

// categories returns the categories of the person with id as the dry run
// left them, and whether it changed or made up that person.
func (d *dryRun) categories(id int64) ([]int64, bool) {
	for _, g := range d.gens {
		if c, ok := g.cats[id]; ok {
			return c, true
		}
	}
	return nil, false
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
	for i := range d.gens {
		for _, id := range ids(&d.gens[i]) {
			if p, ok := d.person(id); ok {
				add(p)
			}
		}
	}
	return out
}
