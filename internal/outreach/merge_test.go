package outreach_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/testworld"
)

// Two records of one child, each with an open case, are merged: the case
// further on stays open for the record kept, the other is closed as
// merged (both timelines say so) and the funnel counts the child once.
// Undoing the merge gives each record its open case back as it stood,
// whichever record's case was closed.
func TestMergingTwoRecordsWithOpenCases(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s, reg := t.Context(), w.Services.Outreach, w.Services.People
		coord, worker, admin := w.Principal(access.Coordinator), w.Principal(access.Outreach), w.Principal(access.Admin)
		keep := w.Person(t, w.Child("Nurlanova", "Aru", testworld.Day(2015, 5, 1)))
		drop := w.Person(t, w.Child("Nurlanova", "Ary", testworld.Day(2015, 5, 1)))
		_, err := s.Flag(ctx, coord, []outreach.Flagged{flagged(w, keep, 0.8), flagged(w, drop, 0.9)})
		must(t, err)
		keptCase, droppedCase := caseOf(t, w, keep.ID), caseOf(t, w, drop.ID)
		// The dropped record's case is further on: contacted.
		_, err = s.Contact(ctx, worker, droppedCase, 0, outreach.ContactInput{Mode: outreach.Visit, Reason: outreach.Work})
		must(t, err)

		m, err := reg.Merge(ctx, admin, keep.ID, drop.ID)
		must(t, err)
		if got := caseOf(t, w, keep.ID); got != droppedCase {
			t.Fatalf("the open case of the record kept is %d, want the one further on %d", got, droppedCase)
		}
		closed, err := s.Get(ctx, worker, keptCase, "web")
		must(t, err)
		if closed.Step != outreach.Closed || closed.Outcome != outreach.Merged || closed.PersonID != keep.ID ||
			closed.Events[len(closed.Events)-1].Kind != "merged" {
			t.Fatalf("the other case %+v", closed)
		}
		open, err := s.Get(ctx, worker, droppedCase, "web")
		must(t, err)
		if open.Step != outreach.Contacted || open.PersonID != keep.ID || open.Events[len(open.Events)-1].Kind != "merged" {
			t.Fatalf("the case kept %+v", open)
		}
		fn, err := s.Funnel(ctx, coord, false)
		must(t, err)
		if len(fn) != 1 || fn[0].Flagged != 1 || fn[0].Lost != 0 {
			t.Fatalf("funnel after the merge %+v", fn)
		}

		must(t, reg.Unmerge(ctx, admin, m.ID))
		if got := caseOf(t, w, keep.ID); got != keptCase {
			t.Fatalf("after the undo the record kept has case %d, want %d", got, keptCase)
		}
		if got := caseOf(t, w, drop.ID); got != droppedCase {
			t.Fatalf("after the undo the record dropped has case %d, want %d", got, droppedCase)
		}
		back, err := s.Get(ctx, worker, keptCase, "web")
		must(t, err)
		if back.Step != outreach.Identified || back.Outcome != "" || !back.ClosedAt.IsZero() ||
			back.Events[len(back.Events)-1].Kind != "unmerged" {
			t.Fatalf("reopened %+v", back)
		}

		// The other way round: the record kept's case is now further on,
		// so the dropped record's case moves over closed, and comes back
		// open with the undo.
		v, err := s.Get(ctx, worker, keptCase, "web")
		must(t, err)
		_, err = s.Contact(ctx, worker, keptCase, v.Version, outreach.ContactInput{Mode: outreach.Call, Reason: outreach.Poverty})
		must(t, err)
		v, err = s.Get(ctx, worker, keptCase, "web")
		must(t, err)
		_, err = s.AddNeeds(ctx, worker, keptCase, v.Version, []outreach.NeedNote{{Need: outreach.NeedDevice}})
		must(t, err)
		m, err = reg.Merge(ctx, admin, keep.ID, drop.ID)
		must(t, err)
		if got := caseOf(t, w, keep.ID); got != keptCase {
			t.Fatalf("the open case of the record kept is %d, want its own %d", got, keptCase)
		}
		if n := scalar(t, w, "SELECT count(*) FROM outreach_cases WHERE person_id = $1 AND outcome = 'merged'", keep.ID); n != 1 {
			t.Fatalf("%d merged cases on the record kept, want the dropped one's", n)
		}
		must(t, reg.Unmerge(ctx, admin, m.ID))
		if got := caseOf(t, w, drop.ID); got != droppedCase {
			t.Fatalf("the dropped record's case %d, want %d", got, droppedCase)
		}
		if n := scalar(t, w, "SELECT count(*) FROM outreach_cases WHERE step <> 'closed'"); n != 2 {
			t.Fatalf("%d open cases after the second undo, want 2", n)
		}
	})
}
