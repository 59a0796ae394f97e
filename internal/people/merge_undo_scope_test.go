package people_test

import (
	"fmt"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// TestUnmergeNamesNoRecordOutsideTheScope: a merge of two of school A's
// records gave the kept one the dropped one's IIN; the kept record's IIN
// was corrected since, and school B has registered a child with the old
// one. Undoing the merge cannot give the IIN back: A's administrator is
// told it is registered and whom to ask, and the probe is logged; an
// administrator of the whole registry is told which record holds it.
func TestUnmergeNamesNoRecordOutsideTheScope(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		birth := day(2014, 5, 6)
		keep := w.mkPerson(t, w.opA, child(w.a, "Омаров", "Тимур", birth))
		in := child(w.a, "Омаров", "Тимур", birth)
		in.Sex, in.NationalID = people.Male, iin(t, birth, natid.Male, 7)
		drop := w.mkPerson(t, w.opA, in)
		m, err := w.s.Merge(ctx, w.opA, keep.ID, drop.ID)
		if err != nil {
			t.Fatal(err)
		}
		in.NationalID = iin(t, birth, natid.Male, 8)
		if _, err := w.s.Update(ctx, w.opA, keep.ID, in); err != nil {
			t.Fatal(err)
		}
		other := child(w.b, "Омаров", "Тимур", birth)
		other.Sex, other.NationalID = people.Male, drop.NationalID
		holder := w.mkPerson(t, w.opB, other)

		adminA := withUser(t, w, access.Principal{UserID: 50, Name: "Admin A", Role: access.Admin, OrgID: w.a.ID, OrgPath: w.a.Path})
		err = w.s.Unmerge(ctx, adminA, m.ID)
		if e := errs.As(err); e == nil || e.Code != errs.Conflict || e.Key != "error.id_elsewhere" || len(e.Args) != 0 {
			t.Fatalf("undo by A's administrator: %v, want the holder unnamed", err)
		}
		if ps := probes(t, w); len(ps) != 1 || ps[0].Via != "unmerge" || ps[0].UserID != adminA.UserID {
			t.Fatalf("probes %+v", ps)
		}
		err = w.s.Unmerge(ctx, admin, m.ID)
		if e := errs.As(err); e == nil || e.Key != "error.duplicate_id" || fmt.Sprint(e.Args) != fmt.Sprint([]any{"ID", fmt.Sprint(holder.ID)}) {
			t.Fatalf("undo by the registry's administrator: %v, want the holder named", err)
		}
		if d, _ := w.s.Get(ctx, admin, drop.ID, people.ViaWeb); d.MergedInto != keep.ID {
			t.Fatalf("a refused undo changed the dropped record: %+v", d)
		}
	})
}
