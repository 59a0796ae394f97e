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
		shared(t, w, keep, drop)
		keepRows, dropRows := rows(t, db, keep.ID), rows(t, db, drop.ID)
		keepBefore, dropBefore := stateOf(t, w, keep.ID), stateOf(t, w, drop.ID)
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
		if len(m.Moved.Evidence) != 3 || !m.Moved.Photo || len(m.Moves) != 0 {
			t.Errorf("moved %+v, by hooks %v", m.Moved, m.Moves)
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
		shared(t, w, keep, drop)
		m, err := w.s.Merge(ctx, w.opA, keep.ID, drop.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.s.Assign(ctx, w.opA, keep.ID, "disability", people.Evidence{DocType: "Новое заключение", DocNumber: "2026/99"}); err != nil {
			t.Fatal(err)
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
