package strands_test

import (
	"errors"
	"strconv"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/strands"
)

// TestOpenFor offers a young person the activities of their region that
// are not over, saying which they joined, and none of another region.
func TestOpenFor(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		dombra := w.activity(t, 5, nil)
		w.activity(t, 5, func(in *strands.Input) {
			in.Name, in.StartsOn, in.EndsOn = "Summer debate camp", today.AddDate(0, -3, 0), today.AddDate(0, 0, -1)
		})
		astana := must(w.s.Create(ctx, w.CoordAstana, strands.Input{Name: "Astana leaders", Strand: strands.Leaders,
			OrgID: w.Astana.ID, RegionCode: "KZ-71", StartsOn: today, EndsOn: today.AddDate(0, 2, 0), Capacity: 5}))(t)
		aruzhan := w.Young(t, "Aruzhan", 18, "KZ-75")
		got := must(w.s.OpenFor(ctx, aruzhan))(t)
		if len(got) != 1 || got[0].ID != dombra.ID || got[0].Joined {
			t.Fatalf("offered %+v, want the dombra class only", got)
		}
		check(t, func() error { _, err := w.s.Join(ctx, aruzhan, dombra.ID); return err }())
		if got = must(w.s.OpenFor(ctx, aruzhan))(t); len(got) != 1 || !got[0].Joined || got[0].Enrolled != 1 {
			t.Fatalf("after joining %+v", got)
		}
		ainur := w.Young(t, "Ainur", 20, "KZ-71")
		if got = must(w.s.OpenFor(ctx, ainur))(t); len(got) != 1 || got[0].ID != astana.ID {
			t.Fatalf("Astana's young person offered %+v", got)
		}
		if got = must(w.s.OpenFor(ctx, 999999))(t); len(got) != 0 {
			t.Fatalf("an unknown young person offered %+v", got)
		}
	})
}

// TestJoinOnlyWhatIsOffered: a young person joins from their page only
// what OpenFor offers them. An activity of another region (whose
// coordinator would then read their name among the participants) and one
// already over are unknown to them, whatever id their page posts.
func TestJoinOnlyWhatIsOffered(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		astana := must(w.s.Create(ctx, w.CoordAstana, strands.Input{Name: "Astana leaders", Strand: strands.Leaders,
			OrgID: w.Astana.ID, RegionCode: "KZ-71", StartsOn: today, EndsOn: today.AddDate(0, 2, 0), Capacity: 5}))(t)
		over := w.activity(t, 5, func(in *strands.Input) {
			in.Name, in.StartsOn, in.EndsOn = "Summer debate camp", today.AddDate(0, -3, 0), today.AddDate(0, 0, -1)
		})
		aruzhan := w.Young(t, "Aruzhan", 18, "KZ-75")
		for name, id := range map[string]int64{"another region's": astana.ID, "an ended": over.ID} {
			if _, err := w.s.Join(ctx, aruzhan, id); !errors.Is(err, errs.ErrNotFound) {
				t.Errorf("joining %s activity: %v, want not found", name, err)
			}
		}
		if ps := must(w.s.Participants(ctx, w.CoordAstana, astana.ID))(t); len(ps) != 0 {
			t.Errorf("Astana's coordinator reads %+v", ps)
		}
	})
}

// The change log names a young person who joins by their record, as
// every part of the programme does: "youth #12".
func TestJoinIsLoggedAsTheYoungPerson(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		a := w.activity(t, 5, nil)
		id := w.Young(t, "Aruzhan", 18, "KZ-75")
		must(w.s.Join(ctx, id, a.ID))(t)
		var actor string
		check(t, db.R.QueryRowContext(ctx, "SELECT actor FROM audit_log WHERE entity = 'activity_enrolment'").Scan(&actor))
		if want := "youth #" + strconv.FormatInt(id, 10); actor != want {
			t.Errorf("actor %q, want %q", actor, want)
		}
	})
}
