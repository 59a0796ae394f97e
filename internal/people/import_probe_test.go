package people_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// TestImportTellsNoRecordOutsideTheScope: a list with a child's and a
// guardian's numbers registered by school B is rejected, in a dry run and
// in a real one, with the answer that names no record, and each probe is
// logged; once the probes are spent, the dry run rejects every row with a
// number not held within the scope alike, so it cannot be used as an
// oracle.
func TestImportTellsNoRecordOutsideTheScope(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		op := withUser(t, w, w.opA)
		held := make([]string, people.IDProbeLimit)
		for i := range held {
			held[i] = iin(t, day(2015, 2, 3), natid.Female, 100+10*i)
			in := child(w.b, "Бекова", "Дана", day(2015, 2, 3))
			in.Sex, in.NationalID = people.Female, held[i]
			w.mkPerson(t, w.opB, in)
		}
		adult := iin(t, day(1985, 1, 1), natid.Male, 3)
		w.mkPerson(t, w.opB, people.Input{LastName: "Беков", FirstName: "Арман", BirthDate: day(1985, 1, 1), Sex: people.Male,
			NationalID: adult, RegionCode: "KZ-75", OrgID: w.b.ID})
		withGuardian := kid(3, w.a.ID, "Беков", "Ali", day(2013, 4, 4), people.Male, "")
		withGuardian.HouseholdRef = "G-1"
		withGuardian.Guardian = &people.Input{LastName: "Беков", FirstName: "Арман", NationalID: adult}
		rows := []people.ImportRow{kid(2, w.a.ID, "Бекова", "Дана", day(2015, 2, 3), people.Female, held[0]), withGuardian}
		rejected := func(rerrs []people.RowError) []string {
			var got []string
			for _, e := range rerrs {
				got = append(got, fmt.Sprint(e.Line, " ", e.Field, " ", e.Key, " ", e.Args))
			}
			return got
		}
		want := []string{"2 national_id error.id_elsewhere []", "3 guardian_national_id error.id_elsewhere []"}
		for i, dry := range []bool{true, false} {
			_, rerrs, _ := runImport(t, w, op, people.ImportOptions{OrgID: w.a.ID, DryRun: dry}, rows)
			if got := rejected(rerrs); !slices.Equal(got, want) {
				t.Errorf("dry run %v: %q, want %q", dry, got, want)
			}
			if n := len(probes(t, w)); n != 2*(i+1) {
				t.Errorf("dry run %v: %d probes logged, want %d", dry, n, 2*(i+1))
			}
		}
		var vias []string
		for _, a := range probes(t, w) {
			vias = append(vias, a.Via)
		}
		if !slices.Equal(vias, []string{"dry_run", "dry_run", "import", "import"}) {
			t.Errorf("probes logged via %v", vias)
		}

		// 16 probes are left: a dry run of 19 numbers registered elsewhere,
		// one nobody holds and a row without a number.
		rows = nil
		for i, number := range held[1:] {
			rows = append(rows, kid(10+i, w.a.ID, "Бекова", "Дана", day(2015, 2, 3), people.Female, number))
		}
		rows = append(rows, kid(40, w.a.ID, "Новый", "Ученик", day(2016, 1, 1), people.Male, iin(t, day(2016, 1, 1), natid.Male, 7)),
			kid(41, w.a.ID, "Без", "Номера", day(2016, 1, 1), people.Male, ""))
		outs, rerrs, _ := runImport(t, w, op, people.ImportOptions{OrgID: w.a.ID, DryRun: true}, rows)
		count := map[string]int{}
		for _, e := range rerrs {
			count[e.Key]++
		}
		if count["error.id_elsewhere"] != people.IDProbeLimit-4 || count["error.id_checks_spent"] != 4 || outs[len(outs)-1] != people.Created {
			t.Errorf("after the limit: %v, last row %s", count, outs[len(outs)-1])
		}
		if rerrs[len(rerrs)-1].Line != 40 || rerrs[len(rerrs)-1].Key != "error.id_checks_spent" {
			t.Errorf("a number nobody holds after the limit: %+v", rerrs[len(rerrs)-1])
		}
		if n := len(probes(t, w)); n != people.IDProbeLimit {
			t.Errorf("%d probes logged, want %d", n, people.IDProbeLimit)
		}
	})
}
