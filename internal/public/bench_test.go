package public_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

// BenchmarkApply: one application after another, each for a new child
// with a new mother, written in its one transaction (see Apply).
func BenchmarkApply(b *testing.B) {
	for _, engine := range []string{"sqlite", "postgres"} {
		b.Run(engine, func(b *testing.B) {
			db := storetest.SQLite(b)
			if engine == "postgres" {
				db = storetest.Postgres(b)
			}
			f := setup(b, testworld.New(b, db))
			base := f.application(b)
			i := 0
			for b.Loop() {
				a := base
				a.BirthDate = time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%3000)
				iin, err := natid.MakeIIN(a.BirthDate, natid.Female, 2*(i/3000))
				if err != nil {
					b.Fatal(err)
				}
				a.NationalID, a.GuardianPhone = iin, fmt.Sprintf("+7 701 %07d", i)
				a.ChildAssent = true
				if _, err := f.s.Apply(ctx, "road", fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255), a, false); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
