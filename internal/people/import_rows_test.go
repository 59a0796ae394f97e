package people_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

// runImport imports batches with a new session of p and returns the
// outcomes, the row errors and the totals.
func runImport(t testing.TB, w *world, p access.Principal, o people.ImportOptions, batches ...[]people.ImportRow) (
	[]people.Outcome, []people.RowError, people.Totals) {
	t.Helper()
	is, err := w.s.BeginImport(ctx, p, o)
	if err != nil {
		t.Fatalf("begin: %v", err)
	}
	defer is.Close(ctx)
	var outs []people.Outcome
	var rerrs []people.RowError
	for _, b := range batches {
		out, re, err := is.Batch(ctx, b)
		if err != nil {
			t.Fatalf("batch: %v", err)
		}
		outs, rerrs = append(outs, out...), append(rerrs, re...)
	}
	tot, err := is.Close(ctx)
	if err != nil {
		t.Fatalf("close: %v", err)
	}
	return outs, rerrs, tot
}

// tables counts the rows of every table an import writes.
func tables(t testing.TB, db *store.DB) map[string]int {
	t.Helper()
	n := map[string]int{}
	for _, tb := range []string{"persons", "households", "household_members", "person_categories", "audit_log"} {
		var c int
		if err := db.R.QueryRowContext(ctx, "SELECT count(*) FROM "+tb).Scan(&c); err != nil {
			t.Fatal(err)
		}
		n[tb] = c
	}
	return n
}

// iin makes a valid IIN or fails the test.
func iin(t testing.TB, birth time.Time, sex natid.Sex, serial int) string {
	n, err := natid.MakeIIN(birth, sex, serial)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// kid is a row of a pupil of org in Almaty.
func kid(line int, org int64, last, first string, birth time.Time, sex people.Sex, id string) people.ImportRow {
	return people.ImportRow{Line: line, Person: people.Input{LastName: last, FirstName: first, BirthDate: birth, Sex: sex,
		NationalID: id, RegionCode: "KZ-75", OrgID: org, Status: people.Pupil, Grade: 3}}
}

// inHome puts a row in household ref, with a guardian when last is not "".
func inHome(r people.ImportRow, ref, last, first, phone string) people.ImportRow {
	r.HouseholdRef = ref
	if last != "" {
		r.Guardian = &people.Input{LastName: last, FirstName: first, Phone: phone}
	}
	return r
}

// schoolList is a list of school A with good and bad rows, and what each
// row should become.
func schoolList(t testing.TB, w *world) ([]people.ImportRow, []people.Outcome) {
	good := iin(t, day(2014, 5, 6), natid.Male, 17)
	bad := good[:11] + fmt.Sprint((good[11]-'0'+1)%10)
	a := w.a.ID
	rows := []people.ImportRow{
		kid(2, a, "Серіков", "Айбек", day(2014, 5, 6), people.Male, good),
		kid(3, a, "Иванов", "Пётр", day(2013, 1, 2), people.Male, bad),
		kid(4, a, "Ким", "Дана", day(2027, 1, 1), people.Female, ""),
		inHome(kid(5, a, "Нұрланова", "Аружан", day(2016, 3, 4), people.Female, ""), "F-1", "Нұрланова", "Гүлнар", "+7 701 111 22 33"),
		inHome(kid(6, a, "Нұрланов", "Ерлан", day(2018, 7, 8), people.Male, ""), "F-1", "Нұрланова", "Гүлнар", "+7 701 111 22 33"),
		inHome(kid(7, a, "Ахметов", "Али", day(2021, 2, 3), people.Male, ""), "F-2", "", "", ""),
		inHome(kid(8, a, "Ахметова", "Алия", day(2019, 4, 5), people.Female, ""), "F-2", "Ахметов", "Али", ""),
		kid(9, a, "Омаров", "Тимур", day(2012, 9, 10), people.Male, ""),
	}
	rows[0].Categories = []string{"orphan"}
	rows[3].Person.Phone = "+7 705 555 00 01"
	rows[7].Categories = []string{"low-income", "mars"}
	// Line 8 gives the ID number of Али, a child of the household, as its
	// guardian's: a guardian is never a minor.
	rows[5].Person.NationalID = iin(t, day(2021, 2, 3), natid.Male, 18)
	rows[6].Guardian.NationalID = rows[5].Person.NationalID
	return rows, []people.Outcome{people.Created, people.Rejected, people.Rejected, people.Created, people.Created,
		people.Created, people.Rejected, people.Rejected}
}
