package outreach_test

import (
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/testworld"
)

func TestFlagIsIdempotentAndLeavesClosedCasesClosed(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Outreach
		coord, worker := w.Principal(access.Coordinator), w.Principal(access.Outreach)
		aru := w.Person(t, w.Child("Nurlanova", "Aru", testworld.Day(2015, 5, 1)))
		berik := w.Person(t, w.Child("Sadykov", "Berik", testworld.Day(2014, 2, 1)))
		list := []outreach.Flagged{flagged(w, aru, 0.9), flagged(w, berik, 0.8)}

		_, err := s.Flag(ctx, worker, list)
		wantKey(t, err, "error.forbidden")
		res, err := s.Flag(ctx, coord, list)
		must(t, err)
		if res.Created != 2 || res.Updated+res.Unchanged+res.Skipped+len(res.Refused) != 0 {
			t.Fatalf("first run %+v", res)
		}
		res, err = s.Flag(ctx, coord, list)
		must(t, err)
		if res.Unchanged != 2 || res.Created != 0 {
			t.Fatalf("same run again %+v", res)
		}
		q, _, err := s.Queue(ctx, worker, outreach.Filter{}, outreach.Page{})
		must(t, err)
		if len(q) != 2 || q[0].Step != outreach.Identified || q[0].Version != 1 {
			t.Fatalf("queue %+v", q)
		}
		// Seven days to contact, from the installation's day of the run.
		if want := testworld.Day(2026, 9, 8); !q[0].DueOn.Equal(want) {
			t.Fatalf("due %v, want %v", q[0].DueOn, want)
		}

		// A newer list: confidence and why change, the version stays.
		list[0].Confidence, list[0].Why, list[0].Category = 0.95, "no school since grade 3", outreach.NeverEnrolled
		res, err = s.Flag(ctx, coord, list)
		must(t, err)
		if res.Updated != 1 || res.Unchanged != 1 || res.Created != 0 {
			t.Fatalf("newer run %+v", res)
		}
		v, err := s.Get(ctx, worker, caseOf(t, w, aru.ID), "web")
		must(t, err)
		if v.Confidence != 0.95 || v.Why != "no school since grade 3" || v.Category != outreach.NeverEnrolled ||
			v.Version != 1 || v.Runs != 2 || len(v.Events) != 2 || v.Events[1].Kind != "reflagged" {
			t.Fatalf("reflagged case %+v", v)
		}
		if n := scalar(t, w, "SELECT count(*) FROM outreach_cases"); n != 2 {
			t.Fatalf("%d cases, want 2", n)
		}

		// A closed case is not reopened, nor a new one opened, until a
		// year after it closed.
		_, err = s.Close(ctx, worker, v.ID, v.Version, outreach.MovedAway)
		must(t, err)
		res, err = s.Flag(ctx, coord, list)
		must(t, err)
		if res.Skipped != 1 || res.Unchanged != 1 {
			t.Fatalf("after closing %+v", res)
		}
		w.Clock.Advance(outreach.ReflagAfter + 24*time.Hour)
		res, err = s.Flag(ctx, coord, list[:1])
		must(t, err)
		if res.Created != 1 {
			t.Fatalf("a year after closing %+v", res)
		}
		if n := scalar(t, w, "SELECT count(*) FROM outreach_cases WHERE person_id = $1", aru.ID); n != 2 {
			t.Fatalf("%d cases of Aru, want 2", n)
		}

		// Bad lines are refused with the reason, the others go on.
		stranger := w.Person(t, w.Child("Out", "Ofreach", testworld.Day(2015, 1, 1)))
		bad := []outreach.Flagged{flagged(w, stranger, 1.5), {PersonID: 999999, Category: outreach.DroppedOut,
			Visibility: outreach.Visible, Confidence: 0.5, OrgID: w.Centre.ID}, flagged(w, stranger, 0.7)}
		bad[0].Visibility = "hidden"
		res, err = s.Flag(ctx, coord, bad)
		must(t, err)
		if len(res.Refused) != 2 || res.Refused[0].Index != 0 || res.Refused[1].Index != 1 || res.Created != 1 {
			t.Fatalf("bad lines %+v", res)
		}
		wantKey(t, res.Refused[0].Err, "error.outreach_confidence")
		if !isNotFound(res.Refused[1].Err) {
			t.Fatalf("unknown person: %v", res.Refused[1].Err)
		}
		// The Tehran coordinator reaches no Kazakh child.
		res, err = s.Flag(ctx, w.Stranger.Principal(), list[1:])
		must(t, err)
		if len(res.Refused) != 1 {
			t.Fatalf("stranger's run %+v", res)
		}
	})
}

// caseOf is the id of person's open case.
func caseOf(t *testing.T, w *testworld.World, personID int64) int64 {
	t.Helper()
	return int64(scalar(t, w, "SELECT id FROM outreach_cases WHERE person_id = $1 AND step <> 'closed'", personID))
}
