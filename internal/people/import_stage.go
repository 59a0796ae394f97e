package people

import (
	"context"

	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
)

// staged is what a batch has decided to create and not yet written: the
// rows that only add to the registry (a new person, with their new
// household, guardian, membership and categories), written together by
// flush in a few statements per table. A row that changes a registered
// person is written at once, after what is staged.
type staged struct {
	rows    []stagedRow
	tables  [stagedTables][][]any  // the rows of each table, in the order of importTables
	names   map[nameBirth][]Person // the staged persons, for matching later rows by name
	numbers []string               // their ID numbers, known to the session until flush
}

// stagedRow is a row of the file that staged writes, and its plan.
type stagedRow struct {
	i   int // in the batch
	row ImportRow
	pl  *rowPlan
}

// nameBirth is how a row is matched by name: the key of the last and
// first name, and the date of birth ("" when unknown).
type nameBirth struct{ key, birth string }

func nameBirthOf(p Person) nameBirth {
	return nameBirth{text.NameKey(p.LastName, p.FirstName, ""), dateText(p.BirthDate)}
}

// empty reports whether nothing is staged.
func (st *staged) empty() bool { return len(st.rows) == 0 }

// stage takes in a row whose person is new: their ids are reserved now, so
// later rows of the batch can join the household or find the person, and
// the rows of every table are kept for flush.
func (is *ImportSession) stage(ctx context.Context, i int, row ImportRow, pl *rowPlan) error {
	now, by := is.s.now().UTC(), store.NullID(is.p.UserID)
	st, h, rec := &is.staged, pl.home, &pl.rec
	var err error
	if pl.newHome {
		if h.id, err = is.reserve(ctx, households); err != nil {
			return err
		}
		st.add(households, h.id, store.NullID(is.o.OrgID), is.orgPath, pl.regionID, rec.RegionPath,
			rec.Address, pl.phone, pl.digits, "", false, false, false, "", h.ref, by, now, now)
	}
	var hid int64
	if h != nil {
		hid = h.id
	}
	if rec.ID, err = is.reserve(ctx, persons); err != nil {
		return err
	}
	rec.HouseholdID, rec.CreatedAt, rec.UpdatedAt = hid, now, now
	st.add(persons, personRow(*rec, pl.regionID, hid, by, now)...)
	if pl.join {
		st.add(members, rec.ID, hid, pl.relation, false)
	}
	if pl.gNew {
		g := pl.g
		if g.ID, err = is.reserve(ctx, persons); err != nil {
			return err
		}
		g.HouseholdID, g.CreatedAt, g.UpdatedAt = hid, now, now
		st.add(persons, personRow(*g, pl.gRegionID, hid, by, now)...)
		st.add(members, g.ID, hid, Guardian, pl.gHead)
		is.know(*g)
	}
	for _, c := range pl.cats {
		st.add(categories, rec.ID, c, by, now)
	}
	is.know(*rec)
	st.rows = append(st.rows, stagedRow{i, row, pl})
	is.settle(pl)
	return nil
}

// add keeps a row of table t; the id comes first where the table has one.
func (st *staged) add(t stagedTable, values ...any) {
	st.tables[t] = append(st.tables[t], values)
}

// know makes a staged person findable by later rows of the batch: by
// name, and as the holder of their ID number until flush writes them.
func (is *ImportSession) know(p Person) {
	st := &is.staged
	if st.names == nil {
		st.names = map[nameBirth][]Person{}
	}
	k := nameBirthOf(p)
	st.names[k] = append(st.names[k], p)
	if p.NationalID == "" {
		return
	}
	st.numbers = append(st.numbers, p.NationalID)
	if is.ids == nil {
		is.ids = map[string][]Person{}
	}
	is.ids[p.NationalID] = append(is.ids[p.NationalID], p)
}

// reset forgets what is staged.
func (st *staged) reset() { *st = staged{} }
