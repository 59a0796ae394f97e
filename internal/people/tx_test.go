package people_test

import (
	"errors"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// TestTheRegistryInACallersTransaction: in a caller's transaction each
// operation sees what the ones before wrote (a child created, then found,
// given a guardian and a consent), and a rollback of the caller takes all
// of it back, change-log entries included.
func TestTheRegistryInACallersTransaction(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		var entries int
		count := func(table string) int {
			var n int
			if err := db.R.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		entries = count("audit_log")
		boom := errors.New("the caller's own write failed")
		err := db.Atomic(ctx, func(tx *store.Tx) error {
			r := w.s.In(tx)
			kid, err := r.Create(ctx, w.opA, child(w.a, "Омарова", "Айша", day(2016, 4, 4)))
			if err != nil {
				return err
			}
			ms, err := r.Matches(ctx, w.opA, people.Candidate{LastName: "Омарова", FirstName: "Айша", BirthDate: day(2016, 4, 4)})
			if err != nil || len(ms) != 1 || ms[0].Person.ID != kid.ID {
				t.Errorf("matches in the transaction: %v (%v), want the child just created", ms, err)
			}
			aunt, err := r.Create(ctx, w.opA, people.Input{LastName: "Омарова", FirstName: "Гүлнар", Phone: "+7 701 000 11 22",
				RegionCode: "KZ-75", OrgID: w.a.ID})
			if err != nil {
				return err
			}
			if found, err := r.Search(ctx, w.opA, "87010001122", 0); err != nil || len(found) != 1 || found[0].ID != aunt.ID {
				t.Errorf("search in the transaction: %v (%v)", found, err)
			}
			if _, err := r.AddGuardian(ctx, w.opA, kid.ID, people.GuardianInput{PersonID: aunt.ID, Relation: people.OtherCare}); err != nil {
				return err
			}
			if gs, err := r.Guardians(ctx, w.opA, kid.ID); err != nil || len(gs) != 1 {
				t.Errorf("guardians in the transaction: %v (%v)", gs, err)
			}
			if _, err := r.GiveConsent(ctx, w.opA, kid.ID, people.ConsentInput{Purpose: people.Processing,
				Method: people.Online, GivenByID: aunt.ID}); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("%v, want the caller's error", err)
		}
		for _, table := range []string{"persons", "guardianships", "consents"} {
			if n := count(table); n != 0 {
				t.Errorf("%d rows in %s after the rollback", n, table)
			}
		}
		if n := count("audit_log"); n != entries {
			t.Errorf("%d change-log entries after the rollback", n-entries)
		}
	})
}

// TestAProbeInACallersTransactionOutlivesItsRollback: an ID number held
// outside the scope fails the caller's transaction, and once it has been
// rolled back the probe is in the access log and the caller is given the
// refusal Create gives.
func TestAProbeInACallersTransactionOutlivesItsRollback(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		opA := withUser(t, w, w.opA)
		held := iin(t, day(2015, 2, 3), natid.Female, 5)
		w.mkPerson(t, w.opB, people.Input{LastName: "Бекова", FirstName: "Дана", BirthDate: day(2015, 2, 3), Sex: people.Female,
			NationalID: held, RegionCode: "KZ-75", OrgID: w.b.ID})
		err := db.Atomic(ctx, func(tx *store.Tx) error {
			in := child(w.a, "Бекова", "Дана", day(2015, 2, 3))
			in.Sex, in.NationalID = people.Female, held
			_, err := w.s.In(tx).Create(ctx, opA, in)
			return err
		})
		if e := errs.As(err); e == nil || e.Key != "error.id_elsewhere" {
			t.Fatalf("%v, want error.id_elsewhere", err)
		}
		if ps := probes(t, w); len(ps) != 1 || ps[0].UserID != opA.UserID {
			t.Errorf("probes %+v, want the one of this write", ps)
		}
	})
}
