//go:build unix

package people_test

import (
	"fmt"
	"math/rand/v2"
	"syscall"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store/storetest"
)

// importBatch is how many rows the benchmark hands the import at once.
const importBatch = 5000

// importRows is a list of n pupils of school org: each with an IIN, about
// a third in households of 2 to 5 that share a reference and a guardian,
// some in categories, some with a phone.
func importRows(n int, org int64) []people.ImportRow {
	r := rand.New(rand.NewPCG(3, 4))
	rows := make([]people.ImportRow, n)
	var ref string
	var guardian *people.Input
	left := 0
	for i := range rows {
		sex := i % 2
		last, first := benchName(r, sex)
		birth := day(2008, 1, 1).AddDate(0, 0, i%6000)
		id, _ := natid.MakeIIN(birth, []natid.Sex{natid.Male, natid.Female}[sex], i/6000*10)
		row := people.ImportRow{Line: i + 2, Person: people.Input{LastName: last, FirstName: first, BirthDate: birth,
			Sex: []people.Sex{people.Male, people.Female}[sex], NationalID: id, RegionCode: "KZ-75", OrgID: org,
			Status: people.Pupil, Grade: 1 + r.IntN(11)}}
		if left == 0 && r.IntN(8) == 0 {
			gl, gf := benchName(r, 1)
			ref, left = fmt.Sprint("F-", i), 2+r.IntN(4)
			guardian = &people.Input{LastName: gl, FirstName: gf, Phone: fmt.Sprintf("+7 701 %07d", i)}
		}
		if left > 0 {
			row.HouseholdRef, row.Guardian = ref, guardian
			left--
		}
		switch {
		case i%25 == 0:
			row.Categories = []string{"low-income", "orphan"}
		case i%10 == 0:
			row.Categories = []string{"low-income"}
		}
		if i%3 == 0 {
			row.Person.Phone = fmt.Sprintf("8 702 %07d", i)
		}
		rows[i] = row
	}
	return rows
}

// importAll imports rows for school A in batches and returns the totals.
func importAll(b *testing.B, w *world, rows []people.ImportRow) people.Totals {
	is, err := w.s.BeginImport(ctx, w.opA, people.ImportOptions{OrgID: w.a.ID, Source: "bench.xlsx"})
	if err != nil {
		b.Fatal(err)
	}
	defer is.Close(ctx)
	for i := 0; i < len(rows); i += importBatch {
		if _, rerrs, err := is.Batch(ctx, rows[i:min(i+importBatch, len(rows))]); err != nil || len(rerrs) > 0 {
			b.Fatalf("batch at %d: %v %v", i, rerrs, err)
		}
	}
	tot, err := is.Close(ctx)
	if err != nil {
		b.Fatal(err)
	}
	return tot
}

// cpuTime is the processor time the process has used, user and system:
// on a shared machine rows per processor second vary less than rows per
// second.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// BenchmarkImportBatch imports benchPersons rows (100,000 by default) on
// SQLite in batches of 5,000 into an empty registry ("first"), and the
// same rows again ("again", all unchanged), reporting rows per second.
func BenchmarkImportBatch(b *testing.B) {
	n := benchPersons()
	for _, again := range []bool{false, true} {
		b.Run(map[bool]string{false: "first", true: "again"}[again], func(b *testing.B) {
			var took, cpu time.Duration
			runs := 0
			for b.Loop() {
				b.StopTimer()
				w := setup(b, storetest.SQLite(b))
				rows := importRows(n, w.a.ID)
				if again {
					importAll(b, w, rows)
				}
				b.StartTimer()
				start, cpu0 := time.Now(), cpuTime()
				tot := importAll(b, w, rows)
				took, cpu = took+time.Since(start), cpu+cpuTime()-cpu0
				runs++
				if want := n; again && tot.Unchanged != want || !again && tot.Created != want {
					b.Fatalf("totals %+v", tot)
				}
			}
			b.ReportMetric(float64(n*runs)/took.Seconds(), "rows/s")
			b.ReportMetric(float64(n*runs)/cpu.Seconds(), "rows/cpu-s")
		})
	}
}
