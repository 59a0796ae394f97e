package people

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// stagedTable is a table an import writes in bulk.
type stagedTable int

// The tables in the order they are written: what a row refers to first.
const (
	households stagedTable = iota
	persons
	members
	categories
	stagedTables
)

// importTables names each table and the columns its staged rows fill.
var importTables = [stagedTables]struct {
	name    string
	columns []string
}{
	households: {"households", []string{"id", "org_id", "org_path", "region_id", "region_path", "address", "phone",
		"phone_digits", "income_category", "low_income", "incomplete", "dysfunctional", "notes", "external_ref",
		"created_by", "created_at", "updated_at"}},
	persons: {"persons", []string{"id", "last_name", "first_name", "patronymic", "name_key", "birth_date", "sex",
		"id_kind", "national_id", "phone", "phone_digits", "region_id", "region_path", "address", "languages",
		"org_id", "org_path", "grade", "status", "disability", "special_needs", "notes", "household_id",
		"created_by", "created_at", "updated_at"}},
	members:    {"household_members", []string{"person_id", "household_id", "relation", "is_head"}},
	categories: {"person_categories", []string{"person_id", "category_id", "assigned_by", "assigned_at"}},
}

// personRow is the staged row of a new person with id rec.ID.
func personRow(rec Person, regionID, householdID int64, by sql.NullInt64, now time.Time) []any {
	return append([]any{rec.ID}, personArgs(rec, regionID, store.NullID(householdID), by, now, now)...)
}

// flush writes what is staged, table by table, inside a savepoint: all of
// it or, when a statement fails, none of it. It then adds the persons and
// households created to the batch's log.
func (is *ImportSession) flush(ctx context.Context, b *batchLog) error {
	st := &is.staged
	if st.empty() {
		return nil
	}
	start := time.Now()
	err := is.savepoint(ctx, func() error {
		for t := range stagedTables {
			if err := is.bulk(ctx, t, st.tables[t]); err != nil {
				return fmt.Errorf("%s: %w", importTables[t].name, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	is.timeFlush(len(st.rows), time.Since(start))
	for _, r := range st.rows {
		b.created(r.pl)
	}
	for _, n := range st.numbers {
		delete(is.ids, n) // read again from the database, with everything stored
	}
	for k, ps := range st.names {
		// The candidates read ahead for a name now include the persons
		// written: the rows after them in the batch find them there, as
		// they would in the database.
		if have, ok := is.names[k]; ok {
			is.names[k] = append(have, ps...)
		}
	}
	st.reset()
	return nil
}

// bulk writes rows into table t.
func (is *ImportSession) bulk(ctx context.Context, t stagedTable, rows [][]any) error {
	return store.Bulk(ctx, is.conn, importTables[t].name, importTables[t].columns, rows)
}
