package people

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
)

// homeCache keeps the households an import has looked up or created, by
// reference and by id, for the batch being imported and the depth batches
// before it (one in a real run; a dry run keeps more, see dryDepth). The
// rows of a household are almost always close to one another in a file,
// so keeping every household of a million-row list until the end would
// only grow the import; one that has aged out is read again from the
// database, which holds the same. One looked up again moves to the
// current batch.
type homeCache struct {
	refs  map[string]int64 // household reference → id; 0 when there is none yet
	homes map[int64]*home
	older []homeGen // the batches before, newest first
	depth int
}

// homeGen is what one batch kept.
type homeGen struct {
	refs  map[string]int64
	homes map[int64]*home
}

func newHomeCache(depth int) homeCache {
	return homeCache{refs: map[string]int64{}, homes: map[int64]*home{}, depth: depth}
}

// rotate starts a generation: what the batch depth+1 batches ago used is
// forgotten.
func (c *homeCache) rotate() {
	c.older = append([]homeGen{{c.refs, c.homes}}, c.older...)[:min(len(c.older)+1, c.depth)]
	c.refs, c.homes = make(map[string]int64, len(c.refs)), make(map[int64]*home, len(c.homes))
}

// reset forgets everything.
func (c *homeCache) reset() { *c = newHomeCache(c.depth) }

// ref returns the household id of reference r, and whether it is known.
func (c *homeCache) ref(r string) (int64, bool) {
	if id, ok := c.refs[r]; ok {
		return id, true
	}
	for _, g := range c.older {
		if id, ok := g.refs[r]; ok {
			c.refs[r] = id
			return id, true
		}
	}
	return 0, false
}

// home returns the household with id, nil when it is not kept.
func (c *homeCache) home(id int64) *home {
	if h := c.homes[id]; h != nil {
		return h
	}
	for _, g := range c.older {
		if h := g.homes[id]; h != nil {
			c.homes[id] = h
			return h
		}
	}
	return nil
}

// idChunk is how many ID numbers one query of holders asks for.
const idChunk = 500

// prefetchIDs reads in a few queries the live persons holding the ID
// numbers of the rows' persons and guardians, so that planning a row asks
// the database only about numbers written since. A number that does not
// parse is left out: the row asks about it, as before.
func (is *ImportSession) prefetchIDs(ctx context.Context, rows []ImportRow) error {
	is.ids = make(map[string][]Person, len(rows))
	numbers := make([]any, 0, len(rows))
	add := func(in *Input) {
		if in == nil || strings.TrimSpace(in.NationalID) == "" {
			return
		}
		_, n, _ := checkID(in.IDKind, in.NationalID, time.Time{}, SexUnknown)
		if n == "" {
			return
		}
		if _, seen := is.ids[n]; !seen {
			is.ids[n] = nil
			numbers = append(numbers, n)
		}
	}
	for i := range rows {
		add(&rows[i].Person)
		add(rows[i].Guardian)
	}
	if is.load != nil {
		return is.loadHolders(ctx, numbers)
	}
	return is.eachIn(ctx, numbers, idChunk, is.holdersQuery, nil, func(rs *sql.Rows) error {
		p, err := scanPerson(rs)
		is.ids[p.NationalID] = append(is.ids[p.NationalID], p)
		return err
	})
}

// holdersQuery is ImportByID for n numbers at once, of any kind.
func (is *ImportSession) holdersQuery(n int) string {
	return inQuery(is.s.db.Engine, "SELECT p.* FROM person_rows p WHERE p.national_id IN (", n,
		") AND p.national_id <> '' AND p.merged_into IS NULL")
}

// byID returns the live person holding ID number of kind, sql.ErrNoRows
// when nobody does: from what the batch read ahead when it knows the
// number, else from the database; in a dry run, as the run left them.
func (is *ImportSession) byID(ctx context.Context, number, kind string) (Person, error) {
	p, err := is.storedByID(ctx, number, kind)
	if is.dry == nil || err != nil && !errors.Is(err, sql.ErrNoRows) {
		return p, err
	}
	var ps []Person
	if err == nil {
		ps = []Person{p}
	}
	ps = is.dry.fresh(ps, func(g *generation) []int64 { return g.numbers[number] },
		func(q Person) bool { return q.NationalID == number && q.IDKind == kind })
	if len(ps) == 0 {
		return Person{}, sql.ErrNoRows
	}
	return ps[0], nil
}

func (is *ImportSession) storedByID(ctx context.Context, number, kind string) (Person, error) {
	if hs, ok := is.ids[number]; ok {
		for _, h := range hs {
			if h.IDKind == kind {
				return h, nil
			}
		}
		return Person{}, sql.ErrNoRows
	}
	if is.load != nil {
		return is.loadByID(ctx, number, kind)
	}
	return scanPerson(is.row(ctx, is.s.q.ImportByID, number, kind))
}

// forgetIDs makes later rows ask the database about the numbers of
// persons a row wrote.
func (is *ImportSession) forgetIDs(pl *rowPlan) {
	delete(is.ids, pl.rec.NationalID)
	delete(is.ids, pl.old.NationalID)
	if pl.g != nil {
		delete(is.ids, pl.g.NationalID)
	}
}
