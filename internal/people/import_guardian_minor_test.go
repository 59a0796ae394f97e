package people_test

import (
	"testing"

	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// A mother whose name folds like her daughter's (Айгерім, Әйгерім) is
// registered as the guardian, not matched to the child.
func TestImportNeverMatchesAGuardianToAMinor(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		for _, dry := range []bool{true, false} {
			rows := []people.ImportRow{
				inHome(kid(2, w.a.ID, "Сапарова", "Айгерім", day(2014, 3, 1), people.Female, ""), "S-1", "", "", ""),
				inHome(kid(3, w.a.ID, "Сапаров", "Нұрлан", day(2016, 5, 2), people.Male, ""), "S-1", "Сапарова", "Әйгерім", "+77011234567"),
			}
			_, rerrs, tot := runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID, DryRun: dry}, rows)
			if len(rerrs) != 0 || tot.Rejected != 0 {
				t.Fatalf("dry %v: a guardian named like a child was refused: %+v", dry, rerrs)
			}
		}
	})
}

// A guardian's ID number held by a child of the household is refused
// with its own reason: the child is not made a guardian.
func TestImportRefusesAGuardianIDOfAMinor(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		childID := iin(t, day(2014, 3, 1), natid.Female, 7)
		first := inHome(kid(2, w.a.ID, "Сапарова", "Айгерім", day(2014, 3, 1), people.Female, childID), "S-1", "", "", "")
		second := inHome(kid(3, w.a.ID, "Сапаров", "Нұрлан", day(2016, 5, 2), people.Male, ""), "S-1", "Сапарова", "Әйгерім", "")
		second.Guardian.NationalID = childID
		_, rerrs, _ := runImport(t, w, w.opA, people.ImportOptions{OrgID: w.a.ID}, []people.ImportRow{first, second})
		if len(rerrs) != 1 || rerrs[0].Key != "error.guardian_minor" {
			t.Fatalf("a child's ID number as the guardian's: %+v", rerrs)
		}
	})
}
