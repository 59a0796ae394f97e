package people_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// The candidates of a batch's names are read by probing the index on
// (name_key, birth_date) twice per name, never by reading every person:
// at a million persons a scan per batch would be the whole import.
func TestImportReadsNamesThroughTheIndex(t *testing.T) {
	db := storetest.SQLite(t)
	w := setup(t, db)
	args := []any{"akhmetova madina", "akhmetova madina ", "akhmetova madina \uffff", time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC)}
	rows, err := db.R.QueryContext(ctx, "EXPLAIN QUERY PLAN "+people.NamesQuery(w.s, 1), args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	all := strings.Join(plan, "\n")
	if strings.Count(all, "persons_name_birth") != 2 || strings.Contains(all, "SCAN p ") || strings.HasSuffix(all, "SCAN p") {
		t.Fatalf("plan:\n%s", all)
	}
}

// A batch matches a row without an ID number to the person an earlier
// batch registered under the same name and date of birth, on both engines.
func TestImportMatchesNamesReadAhead(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		a := w.a.ID
		is, err := w.s.BeginImport(ctx, w.opA, people.ImportOptions{OrgID: a})
		if err != nil {
			t.Fatal(err)
		}
		defer is.Close(ctx)
		first := []people.ImportRow{
			{Line: 2, Person: kid(2, a, "Ахметова", "Мадина", day(2012, 3, 4), people.Female, "").Person},
			{Line: 3, Person: kid(3, a, "Ахметова", "Мадина", day(2013, 3, 4), people.Female, "").Person},
		}
		if outs, rerrs, err := is.Batch(ctx, first); err != nil || len(rerrs) > 0 || outs[0] != people.Created || outs[1] != people.Created {
			t.Fatalf("first: %v %v %v", outs, rerrs, err)
		}
		again := first[0]
		again.Person.Patronymic, again.Line = "Ериковна", 4
		outs, rerrs, err := is.Batch(ctx, []people.ImportRow{again, first[1]})
		if err != nil || len(rerrs) > 0 || outs[0] != people.Updated || outs[1] != people.Unchanged {
			t.Fatalf("again: %v %v %v", outs, rerrs, err)
		}
		if tot, err := is.Close(ctx); err != nil || tot.Created != 2 || tot.Updated != 1 || tot.Unchanged != 1 {
			t.Fatalf("totals %+v, %v", tot, err)
		}
	})
}
