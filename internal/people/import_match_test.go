package people_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestImportDryRunCountsWhatARealRunDoes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		rows, _ := schoolList(t, w)
		again := rows[0] // the same child later in the file, with a category more
		again.Line, again.Categories = 10, []string{"low-income"}
		batches := [][]people.ImportRow{rows[:4], append(rows[4:], again)}
		before := tables(t, db)
		dry, dryErrs, dryTot := runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID, DryRun: true}, batches...)
		if after := tables(t, db); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Fatalf("a dry run wrote rows: %v, was %v", after, before)
		}
		real, realErrs, realTot := runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID}, batches...)
		if !slices.Equal(dry, real) || dryTot != realTot || fmt.Sprint(dryErrs) != fmt.Sprint(realErrs) {
			t.Fatalf("dry run %v %+v, real run %v %+v", dry, dryTot, real, realTot)
		}
		if realTot != (people.Totals{Created: 4, Updated: 1, Rejected: 4}) || real[8] != people.Updated {
			t.Fatalf("real run %v %+v", real, realTot)
		}
	})
}

func TestImportScope(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		if _, err := w.s.BeginImport(ctx, w.opB, people.ImportOptions{OrgID: w.a.ID}); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("operator B imports into school A: %v", err)
		}
		if _, err := w.s.BeginImport(ctx, w.opA, people.ImportOptions{}); errs.CodeOf(err) != errs.Invalid {
			t.Fatalf("an import into no organisation: %v", err)
		}
		held := iin(t, day(2015, 2, 3), natid.Female, 5)
		w.mkPerson(t, w.opB, people.Input{LastName: "Бекова", FirstName: "Дана", BirthDate: day(2015, 2, 3), Sex: people.Female,
			NationalID: held, RegionCode: "KZ-75", OrgID: w.b.ID})
		rows := []people.ImportRow{
			kid(2, w.b.ID, "Омаров", "Тимур", day(2012, 9, 10), people.Male, ""),
			kid(3, w.a.ID, "Бекова", "Дана", day(2015, 2, 3), people.Female, held),
			kid(4, w.a.ID, "Бекова", "Дана", day(2015, 2, 3), people.Female, ""),
		}
		rows[1].Person.RegionCode = "IR-23"
		outs, rerrs, _ := runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID}, rows)
		var got []string
		for _, e := range rerrs {
			got = append(got, fmt.Sprint(e.Line, " ", e.Field, " ", e.Key))
		}
		// Line 4 is someone new to school A: B's pupil of that name is out of its sight.
		if !slices.Equal(outs, []people.Outcome{people.Rejected, people.Rejected, people.Created}) ||
			!slices.Equal(got, []string{"2 org_id error.org_out_of_scope", "3 region_code error.region_out_of_scope"}) {
			t.Fatalf("outcomes %v, errors %v", outs, got)
		}
		rows[1].Person.RegionCode = "KZ-75"
		_, rerrs, _ = runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID}, rows[1:2])
		if len(rerrs) != 1 || rerrs[0].Field != "national_id" || rerrs[0].Key != "error.id_elsewhere" || len(rerrs[0].Args) != 0 {
			t.Fatalf("an ID held outside the scope: %+v, want it refused without naming the record", rerrs)
		}
	})
}

func TestImportRefusesToGuess(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		first := w.mkPerson(t, w.opA, child(w.a, "Серіков", "Ерлан", day(2015, 3, 3)))
		w.mkPerson(t, w.opA, child(w.a, "Серіков", "Ерлан", day(2015, 3, 3)))
		h, err := w.s.CreateHousehold(ctx, w.opA, people.HouseholdInput{OrgID: w.a.ID, RegionCode: "KZ-75", ExternalRef: "F-9"})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.s.AddMember(ctx, w.opA, h.ID, people.MemberInput{PersonID: first.ID, Relation: people.Child}); err != nil {
			t.Fatal(err)
		}
		row := kid(2, w.a.ID, "Серіков", "Ерлан", day(2015, 3, 3), "", "")
		before := tables(t, db)
		outs, rerrs, _ := runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID}, []people.ImportRow{row})
		if outs[0] != people.Rejected || len(rerrs) != 1 || rerrs[0].Key != "error.ambiguous_match" || fmt.Sprint(rerrs[0].Args) != "[Count 2]" {
			t.Fatalf("two of that name and birth: %v, %+v", outs, rerrs)
		}
		row.HouseholdRef = "F-9"
		if outs, rerrs, _ = runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID}, []people.ImportRow{row}); outs[0] != people.Unchanged {
			t.Fatalf("the household tells them apart: %v, %+v", outs, rerrs)
		}
		if after := tables(t, db); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Fatalf("rows written: %v, was %v", after, before)
		}

		// Twins whose names share a key are two children, in this file and the next.
		twins := []people.ImportRow{kid(2, w.a.ID, "Karimi", "Hasan", day(2017, 6, 1), people.Male, ""),
			kid(3, w.a.ID, "Karimi", "Hossein", day(2017, 6, 1), people.Male, "")}
		for i, want := range []people.Totals{{Created: 2}, {Unchanged: 2}} {
			if _, _, tot := runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID}, twins); tot != want {
				t.Fatalf("twins, import %d: %+v", i+1, tot)
			}
		}
	})
}

func TestImportAddsIDsToThoseRegisteredWithout(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		birth := day(2013, 10, 11)
		row := inHome(kid(2, w.a.ID, "Жұмабаев", "Санжар", birth, people.Male, ""), "F-3", "", "", "")
		runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID}, []people.ImportRow{row})
		row.Person.NationalID = iin(t, birth, natid.Male, 42)
		if outs, rerrs, _ := runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID}, []people.ImportRow{row}); outs[0] != people.Updated {
			t.Fatalf("the same child with an IIN: %v, %+v", outs, rerrs)
		}
		if found, _ := w.s.Search(ctx, w.opA, row.Person.NationalID, 5); len(found) != 1 || found[0].LastName != "Жұмабаев" {
			t.Fatalf("by IIN: %+v", found)
		}
		row.HouseholdRef = "F-4"
		outs, rerrs, _ := runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID}, []people.ImportRow{row})
		if outs[0] != people.Rejected || len(rerrs) != 1 || rerrs[0].Field != "household_ref" || rerrs[0].Value != "F-4" ||
			rerrs[0].Key != "error.in_other_household" {
			t.Fatalf("a child of F-3 in F-4: %v, %+v", outs, rerrs)
		}
		if n := tables(t, db); n["persons"] != 1 || n["households"] != 1 {
			t.Fatalf("rows %v", n)
		}
	})
}
