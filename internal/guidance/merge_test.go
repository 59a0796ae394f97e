package guidance_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/jolproject/jol/internal/guidance"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// rows dumps, as stored, the assessments and placements of person id:
// what an undo must give back exactly.
func rows(t *testing.T, db *store.DB, id int64) string {
	t.Helper()
	out := ""
	for _, q := range []string{
		`SELECT id, org_id, instrument, taken_on, recommendation FROM assessments WHERE person_id = $1 ORDER BY id`,
		`SELECT id, offer_id, outcome, decided_on, notes, created_at, updated_at FROM placements WHERE person_id = $1 ORDER BY id`,
	} {
		rs, err := db.R.QueryContext(ctx, store.Rebind(db.Engine, q), id)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rs.Columns()
		for rs.Next() {
			vals := make([]any, len(cols))
			for i := range vals {
				vals[i] = new(any)
			}
			if err := rs.Scan(vals...); err != nil {
				t.Fatal(err)
			}
			for _, v := range vals {
				out += fmt.Sprintf("%v|", *v.(*any))
			}
			out += "\n"
		}
		rs.Close()
	}
	return out
}

// twins are two records of one pupil of school A, each placed on the
// same two offers of the centre (keep proposed and finished, drop admitted
// and proposed), drop alone on a third, and drop assessed once.
type twins struct {
	keep, drop people.Person
	o1, o2, o3 guidance.Offer
}

func mkTwins(t *testing.T, w *world) twins {
	t.Helper()
	var tw twins
	tw.keep = w.mkPerson(t, w.opA, child(w.a, "Серіков", "Айбек", day(2014, 5, 6)))
	tw.drop = w.mkPerson(t, w.opA, child(w.a, "Сериков", "Айбек", day(2014, 5, 6)))
	offer := func(quota int) guidance.Offer {
		o, err := w.s.CreateOffer(ctx, w.coord, guidance.OfferInput{OrgID: w.centre.ID, Year: 2026, Quota: quota})
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	place := func(o guidance.Offer, id int64, outcome guidance.PlacementOutcome) {
		l, err := w.s.Place(ctx, w.coord, o.ID, id)
		if err == nil && outcome != guidance.Proposed {
			_, err = w.s.SetPlacementOutcome(ctx, w.coord, l.ID, outcome)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	tw.o1, tw.o2, tw.o3 = offer(2), offer(5), offer(5)
	place(tw.o1, tw.keep.ID, guidance.Proposed)
	place(tw.o1, tw.drop.ID, guidance.Admitted)
	place(tw.o2, tw.keep.ID, guidance.Finished)
	place(tw.o2, tw.drop.ID, guidance.Proposed)
	place(tw.o3, tw.drop.ID, guidance.Admitted)
	if _, err := w.s.RecordAssessment(ctx, w.opA, tw.drop.ID, guidance.AssessmentInput{Instrument: "RIASEC",
		TakenOn: day(2026, 8, 1)}); err != nil {
		t.Fatal(err)
	}
	return tw
}

// outcomes returns a person's placement outcomes by offer.
func outcomes(t *testing.T, w *world, id int64) map[int64]guidance.PlacementOutcome {
	t.Helper()
	ls, err := w.s.PlacementsOf(ctx, admin, id)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]guidance.PlacementOutcome{}
	for _, l := range ls {
		out[l.OfferID] = l.Outcome
	}
	return out
}

// used returns how many places of offer o are taken.
func used(t *testing.T, w *world, o guidance.Offer) int {
	t.Helper()
	got, err := w.s.Offer(ctx, w.coord, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got.Used
}

func TestMergeMovesGuidanceAndUnmergeRestores(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		tw := mkTwins(t, w)
		keepRows, dropRows := rows(t, db, tw.keep.ID), rows(t, db, tw.drop.ID)
		if used(t, w, tw.o1) != 2 {
			t.Fatalf("offer 1 before: %d used", used(t, w, tw.o1))
		}

		m, err := w.reg.Merge(ctx, w.opA, tw.keep.ID, tw.drop.ID)
		if err != nil {
			t.Fatal(err)
		}
		var moved struct {
			Placements []int64
			Outcomes   []guidance.PlacementRow
		}
		if err := json.Unmarshal(m.Moves[guidance.PlacementHook], &moved); err != nil || len(moved.Placements) != 1 ||
			len(moved.Outcomes) != 1 || moved.Outcomes[0].Outcome != guidance.Proposed {
			t.Errorf("placements moved %s (%v)", m.Moves[guidance.PlacementHook], err)
		}
		if as, err := w.s.Assessments(ctx, admin, tw.keep.ID); err != nil || len(as) != 1 || len(m.Moves[guidance.AssessmentHook]) == 0 {
			t.Errorf("kept assessments %+v, %v; moved %s", as, err, m.Moves[guidance.AssessmentHook])
		}
		// The record kept takes the outcome further on; the offer alone
		// the dropped record was on moves over.
		if got := outcomes(t, w, tw.keep.ID); got[tw.o1.ID] != guidance.Admitted || got[tw.o2.ID] != guidance.Finished ||
			got[tw.o3.ID] != guidance.Admitted {
			t.Errorf("kept outcomes %v", got)
		}
		// The dropped record's placement on offer 1 no longer takes a place
		// nor shows among the offer's children.
		if n := used(t, w, tw.o1); n != 1 {
			t.Errorf("offer 1 after the merge: %d used, want 1", n)
		}
		ls, err := w.s.Placements(ctx, w.coord, tw.o1.ID)
		if err != nil || len(ls) != 1 || ls[0].PersonID != tw.keep.ID {
			t.Errorf("placements on offer 1: %+v, %v", ls, err)
		}
		if ms, err := w.reg.Merges(ctx, admin, tw.keep.ID); err != nil || len(ms) != 1 || !reflect.DeepEqual(ms[0].Moves, m.Moves) {
			t.Errorf("merges %+v, %v", ms, err)
		}

		if err := w.reg.Unmerge(ctx, admin, m.ID); err != nil {
			t.Fatal(err)
		}
		if k, d := rows(t, db, tw.keep.ID), rows(t, db, tw.drop.ID); k != keepRows || d != dropRows {
			t.Errorf("rows after unmerge:\n%s\n%s\nwant\n%s\n%s", k, d, keepRows, dropRows)
		}
		if n := used(t, w, tw.o1); n != 2 {
			t.Errorf("offer 1 after the undo: %d used, want 2", n)
		}
	})
}

// An outcome set on the record kept after the merge stays when the merge
// is undone.
func TestUnmergeKeepsLaterOutcome(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		tw := mkTwins(t, w)
		m, err := w.reg.Merge(ctx, w.opA, tw.keep.ID, tw.drop.ID)
		if err != nil {
			t.Fatal(err)
		}
		ls, _ := w.s.PlacementsOf(ctx, admin, tw.keep.ID)
		for _, l := range ls {
			if l.OfferID == tw.o1.ID {
				if _, err := w.s.SetPlacementOutcome(ctx, w.coord, l.ID, guidance.Finished); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := w.reg.Unmerge(ctx, admin, m.ID); err != nil {
			t.Fatal(err)
		}
		if got := outcomes(t, w, tw.keep.ID)[tw.o1.ID]; got != guidance.Finished {
			t.Errorf("outcome set after the merge: %v", got)
		}
	})
}
