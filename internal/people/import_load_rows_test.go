package people_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// tangled is a list of n rows of school A whose persons come back: every
// fourth row is the person of a row a few lines before (by ID number, or
// by name and date of birth without it, some with a new phone), so that
// in batches of 7 most come back in a later batch; households of three
// run across batches, with a guardian; some rows are refused.
func tangled(t testing.TB, w *world, n int) []people.ImportRow {
	lasts := []string{"Ахметов", "Серіков", "Иванов", "Нұрланов", "Оспанов", "Исаев", "Жақыпов"}
	firsts := []string{"Айбек", "Ерлан", "Данияр", "Тимур", "Нұрсұлтан", "Ильяс", "Арман", "Әлихан", "Марат"}
	rows := make([]people.ImportRow, 0, n)
	for i := 0; len(rows) < n; i++ {
		line := len(rows) + 2
		if i%4 == 3 && len(rows) > 12 {
			r := rows[len(rows)-3-i%9]
			r.Line = line
			if i%8 == 3 {
				r.Person.NationalID = ""
			}
			if i%3 == 0 {
				r.Person.Phone = fmt.Sprintf("+7 701 %07d", i)
			}
			rows = append(rows, r)
			continue
		}
		birth := day(2009, 1, 1).AddDate(0, 0, i%2000)
		r := kid(line, w.a.ID, lasts[i%len(lasts)], firsts[(i/len(lasts))%len(firsts)], birth, people.Male,
			iin(t, birth, natid.Male, i%9000))
		if i%5 < 3 {
			r = inHome(r, fmt.Sprintf("F-%d", i/5), "Жанна", lasts[i%len(lasts)]+"а", fmt.Sprintf("+7 702 %07d", i/5))
		}
		switch {
		case i%13 == 0:
			r.Categories = []string{"mars"}
		case i%11 == 0:
			r.Categories = []string{"low-income"}
		}
		rows = append(rows, r)
	}
	return rows
}

// batches cuts rows into batches of n.
func batches(rows []people.ImportRow, n int) [][]people.ImportRow {
	var out [][]people.ImportRow
	for len(rows) > 0 {
		k := min(n, len(rows))
		out, rows = append(out, rows[:k]), rows[k:]
	}
	return out
}

// registry is what an import left in the registry, without ids: one line
// per person, with their household's reference, relation and categories.
func registry(t testing.TB, db *store.DB) string {
	t.Helper()
	rs, err := db.R.QueryContext(ctx, `SELECT p.last_name, p.first_name, p.name_key, p.national_id, p.phone,
CAST(p.birth_date AS TEXT), COALESCE(h.external_ref, ''), COALESCE(h.phone, ''), COALESCE(m.relation, ''),
CASE WHEN m.is_head THEN 1 ELSE 0 END, (SELECT count(*) FROM person_categories c WHERE c.person_id = p.id)
FROM persons p LEFT JOIN households h ON h.id = p.household_id LEFT JOIN household_members m ON m.person_id = p.id
ORDER BY 1, 2, 3, 4, 5, 6, 7`)
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	var b strings.Builder
	for rs.Next() {
		v := make([]any, 11)
		ptrs := make([]any, len(v))
		for i := range v {
			ptrs[i] = &v[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(&b, v...)
	}
	if err := rs.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// indexes lists the indexes of the tables a load drops.
func indexes(t testing.TB, db *store.DB) []string {
	t.Helper()
	q := `SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
AND tbl_name IN ('households', 'persons', 'household_members', 'person_categories')`
	if db.Engine == store.Postgres {
		q = `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()
AND tablename IN ('households', 'persons', 'household_members', 'person_categories')`
	}
	rs, err := db.R.QueryContext(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	var out []string
	for rs.Next() {
		var n string
		if err := rs.Scan(&n); err != nil {
			t.Fatal(err)
		}
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// another is a new database of the engine of db.
func another(t *testing.T, db *store.DB) *store.DB {
	if db.Engine == store.Postgres {
		return storetest.Postgres(t)
	}
	return storetest.SQLite(t)
}
