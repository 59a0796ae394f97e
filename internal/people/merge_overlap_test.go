package people_test

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestMergeSettlesSharedRowsAndUnmergeRestores(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		keep, drop, _ := twins(t, w)
		coord, o1, o2 := shared(t, w, keep, drop)
		keepRows, dropRows := rows(t, db, keep.ID), rows(t, db, drop.ID)
		keepBefore, dropBefore := stateOf(t, w, keep.ID), stateOf(t, w, drop.ID)
		if used(t, w, coord, o1) != 2 {
			t.Fatalf("offer 1 before: %d used", used(t, w, coord, o1))
		}
		dropEv := evidence(t, w, drop.ID)

		m, err := w.s.Merge(ctx, w.opA, keep.ID, drop.ID)
		if err != nil {
			t.Fatal(err)
		}
		ev := evidence(t, w, keep.ID)
		for _, code := range []string{"disability", "incomplete-family", "veteran-family"} {
			got, want := ev[code], dropEv[code]
			if got.DocNumber != want.DocNumber || !got.ExpiresOn.Equal(want.ExpiresOn) || got.VerifiedBy != want.VerifiedBy {
				t.Errorf("%s: kept %+v, want the dropped record's %+v", code, got, want)
			}
		}
		if got := ev["large-family"]; got.VerifiedBy != w.opA.UserID || got.DocNumber != "" {
			t.Errorf("large-family: the kept record's better evidence was replaced: %+v", got)
		}
		if len(m.Moved.Evidence) != 3 || len(m.Moved.Outcomes) != 1 || !m.Moved.Photo {
			t.Errorf("moved %+v", m.Moved)
		}
		if got := outcomes(t, w, keep.ID); got[o1.ID] != people.Admitted || got[o2.ID] != people.Finished {
			t.Errorf("kept outcomes %v", got)
		}
		// The dropped record's placement on offer 1 no longer takes a place
		// nor shows among the offer's children.
		if n := used(t, w, coord, o1); n != 1 {
			t.Errorf("offer 1 after the merge: %d used, want 1", n)
		}
		ls, err := w.s.Placements(ctx, coord, o1.ID)
		if err != nil || len(ls) != 1 || ls[0].PersonID != keep.ID {
			t.Errorf("placements on offer 1: %+v, %v", ls, err)
		}
		if photo, err := w.s.Photo(ctx, w.opA, keep.ID); err != nil || !bytes.Equal(photo, png) {
			t.Errorf("kept photo: %d bytes, %v", len(photo), err)
		}

		if err := w.s.Unmerge(ctx, admin, m.ID); err != nil {
			t.Fatal(err)
		}
		if k, d := rows(t, db, keep.ID), rows(t, db, drop.ID); k != keepRows || d != dropRows {
			t.Errorf("rows after unmerge:\n%s\n%s\nwant\n%s\n%s", k, d, keepRows, dropRows)
		}
		if k, d := stateOf(t, w, keep.ID), stateOf(t, w, drop.ID); !reflect.DeepEqual(k, keepBefore) || !reflect.DeepEqual(d, dropBefore) {
			t.Errorf("after unmerge:\n%+v\n%+v\nwant\n%+v\n%+v", k, d, keepBefore, dropBefore)
		}
		if n := used(t, w, coord, o1); n != 2 {
			t.Errorf("offer 1 after the undo: %d used, want 2", n)
		}
		if _, err := w.s.Photo(ctx, w.opA, keep.ID); errs.CodeOf(err) != errs.NotFound {
			t.Errorf("kept photo after the undo: %v", err)
		}
		if photo, err := w.s.Photo(ctx, w.opA, drop.ID); err != nil || !bytes.Equal(photo, png) {
			t.Errorf("dropped photo after the undo: %d bytes, %v", len(photo), err)
		}
	})
}

// What was changed on the record kept after the merge stays as it is when
// the merge is undone.
func TestUnmergeKeepsLaterChanges(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		keep, drop, _ := twins(t, w)
		coord, o1, _ := shared(t, w, keep, drop)
		m, err := w.s.Merge(ctx, w.opA, keep.ID, drop.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.s.Assign(ctx, w.opA, keep.ID, "disability", people.Evidence{DocType: "Новое заключение", DocNumber: "2026/99"}); err != nil {
			t.Fatal(err)
		}
		ls, _ := w.s.PlacementsOf(ctx, admin, keep.ID)
		for _, l := range ls {
			if l.OfferID == o1.ID {
				if _, err := w.s.SetPlacementOutcome(ctx, coord, l.ID, people.Finished); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := w.s.SetPhoto(ctx, w.opA, keep.ID, webp); err != nil {
			t.Fatal(err)
		}
		if err := w.s.Unmerge(ctx, admin, m.ID); err != nil {
			t.Fatal(err)
		}
		if got := evidence(t, w, keep.ID)["disability"]; got.DocNumber != "2026/99" {
			t.Errorf("evidence given after the merge: %+v", got)
		}
		if got := evidence(t, w, keep.ID)["incomplete-family"]; !got.ExpiresOn.Equal(day(2026, 12, 31)) {
			t.Errorf("evidence the merge replaced, unchanged since: %+v", got)
		}
		if got := outcomes(t, w, keep.ID)[o1.ID]; got != people.Finished {
			t.Errorf("outcome set after the merge: %v", got)
		}
		if per, _ := w.s.Get(ctx, admin, keep.ID, people.ViaWeb); !per.HasPhoto {
			t.Error("a photo set after the merge was removed by the undo")
		}
	})
}

// A consent to photos withdrawn on the record kept, after the one given on
// the record dropped, is the one in force: the photo does not come over.
func TestMergeLeavesPhotoWithoutConsent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		keep, drop, _ := twins(t, w)
		shared(t, w, keep, drop)
		if _, err := w.s.GiveConsent(ctx, w.opA, keep.ID, people.ConsentInput{Purpose: people.Photos,
			GivenByName: "Серікова Гүлнар", Method: people.OnPaper}); err != nil {
			t.Fatal(err)
		}
		if err := w.s.Withdraw(ctx, w.opA, keep.ID, people.Photos); err != nil {
			t.Fatal(err)
		}
		m, err := w.s.Merge(ctx, w.opA, keep.ID, drop.ID)
		if err != nil {
			t.Fatal(err)
		}
		if per, _ := w.s.Get(ctx, admin, keep.ID, people.ViaWeb); per.HasPhoto || m.Moved.Photo {
			t.Errorf("photo copied without a consent in force: %v, %+v", per.HasPhoto, m.Moved)
		}
	})
}
