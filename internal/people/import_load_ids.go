package people

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jolproject/jol/internal/store"
)

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
