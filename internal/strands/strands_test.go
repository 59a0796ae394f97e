package strands_test

import (
	"errors"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/strands"
)

// TestCreateBadInput names every wrong field of an activity at once and
// keeps activities within the creator's scope.
func TestCreateBadInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		_, err := w.s.Create(ctx, w.CoordAlmaty, strands.Input{Strand: "mentoring", RegionCode: "KZ-99",
			StartsOn: today, EndsOn: today.AddDate(0, 0, -1), MinAge: 20, MaxAge: 16})
		want := []string{"name error.required", "strand error.invalid_choice_of", "ends_on error.activity_dates",
			"capacity error.activity_capacity", "min_age error.activity_ages", "org_id error.required",
			"region_code error.unknown_region"}
		if got := keys(err); !slices.Equal(got, want) {
			t.Errorf("bad activity:\n got %q\nwant %q", got, want)
		}
		_, err = w.s.Create(ctx, w.CoordAlmaty, strands.Input{Name: "Debate club", Strand: strands.Leaders, OrgID: w.Astana.ID,
			RegionCode: "KZ-71", StartsOn: today, EndsOn: today, Capacity: 5})
		if errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("an activity of another branch: %v", err)
		}
		if _, err := w.s.Create(ctx, w.Sponsor, strands.Input{}); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("a sponsor: %v", err)
		}
	})
}

// TestEnrolBadInput refuses a second enrolment, an unknown or
// out-of-scope young person, one outside the activity's ages or region,
// and a full activity.
func TestEnrolBadInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		a := w.activity(t, 2, func(in *strands.Input) { in.MinAge, in.MaxAge, in.LocalOnly = 16, 24, true })
		aruzhan := w.Young(t, "Aruzhan", 18, "KZ-75")
		if _, err := w.s.Enrol(ctx, w.CoordAlmaty, a.ID, aruzhan); err != nil {
			t.Fatal(err)
		}
		if _, err := w.s.Join(ctx, aruzhan, a.ID); errs.As(err) == nil || errs.As(err).Key != "error.activity_enrolled_already" {
			t.Errorf("enrolled twice: %v", err)
		}
		for name, c := range map[string]struct {
			youth int64
			want  string
		}{
			"unknown":      {999999, "youth_id error.youth_unknown"},
			"too young":    {w.Young(t, "Dana", 15, "KZ-75"), "youth_id error.activity_age"},
			"too old":      {w.Young(t, "Madina", 27, "KZ-75"), "youth_id error.activity_age"},
			"out of scope": {w.Young(t, "Tomiris", 20, "KZ-71"), "youth_id error.youth_unknown"},
		} {
			if got := keys(mustFail(w.s.Enrol(ctx, w.CoordAlmaty, a.ID, c.youth))); !slices.Equal(got, []string{c.want}) {
				t.Errorf("%s: %q", name, got)
			}
		}
		astanaYouth := w.Young(t, "Ainur", 20, "KZ-71")
		if got := keys(mustFail(w.s.Join(ctx, astanaYouth, a.ID))); !slices.Equal(got, []string{"youth_id error.activity_region"}) {
			t.Errorf("a local activity joined from another region: %q", got)
		}
		if _, err := w.s.Enrol(ctx, w.CoordAstana, a.ID, astanaYouth); !errors.Is(err, errs.ErrNotFound) {
			t.Errorf("another branch's activity: %v", err)
		}
		if _, err := w.s.Join(ctx, w.Young(t, "Zhanna", 20, "KZ-75"), a.ID); err != nil {
			t.Fatal(err)
		}
		e := errs.As(mustFail(w.s.Enrol(ctx, w.CoordAlmaty, a.ID, w.Young(t, "Alia", 20, "KZ-75"))))
		if e == nil || e.Key != "error.activity_full" || e.Code != errs.Conflict {
			t.Errorf("full: %v", e)
		}
		if a = must(w.s.Activity(ctx, w.CoordAlmaty, a.ID))(t); a.Enrolled != 2 || a.Free() != 0 {
			t.Errorf("places: %+v", a)
		}
	})
}

func mustFail(_ strands.Enrolment, err error) error { return err }

// TestCapacityHoldsUnderLoad enrols 100 young people at once on an
// activity of 30 places: exactly 30 get in, the rest are told it is full.
func TestCapacityHoldsUnderLoad(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		a := w.activity(t, 30, nil)
		ids := make([]int64, 100)
		for i := range ids {
			ids[i] = w.Young(t, "Y"+strconv.Itoa(i), 20, "KZ-75")
		}
		var wg sync.WaitGroup
		results := make([]error, len(ids))
		for i, id := range ids {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if i%2 == 0 {
					_, results[i] = w.s.Join(ctx, id, a.ID)
				} else {
					_, results[i] = w.s.Enrol(ctx, w.CoordAlmaty, a.ID, id)
				}
			}()
		}
		wg.Wait()
		var in, full int
		for _, err := range results {
			switch e := errs.As(err); {
			case err == nil:
				in++
			case e != nil && e.Key == "error.activity_full":
				full++
			default:
				t.Errorf("enrolment: %v", err)
			}
		}
		ps := must(w.s.Participants(ctx, w.CoordAlmaty, a.ID))(t)
		if in != 30 || full != 70 || len(ps) != 30 {
			t.Errorf("enrolled %d, full %d, participants %d", in, full, len(ps))
		}
		if a = must(w.s.Activity(ctx, admin, a.ID))(t); a.Enrolled != 30 {
			t.Errorf("places taken: %d", a.Enrolled)
		}
	})
}

// TestSessionsAttendanceProgress records a session, who came to it and a
// participant's progress, and refuses a mark for someone not enrolled.
func TestSessionsAttendanceProgress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		a := w.activity(t, 10, nil)
		aruzhan, dana, other := w.Young(t, "Aruzhan", 18, "KZ-75"), w.Young(t, "Dana", 19, "KZ-75"), w.Young(t, "Alia", 19, "KZ-75")
		for _, id := range []int64{aruzhan, dana} {
			must(w.s.Enrol(ctx, w.CoordAlmaty, a.ID, id))(t)
		}
		_, err := w.s.AddSession(ctx, w.CoordAlmaty, a.ID, today.AddDate(1, 0, 0), "", "")
		want := []string{"topic error.required", "leader error.required", "held_on error.activity_session_outside"}
		if got := keys(err); !slices.Equal(got, want) {
			t.Errorf("bad session: %q", got)
		}
		se := must(w.s.AddSession(ctx, w.CoordAlmaty, a.ID, today.AddDate(0, 0, 8), "Kui of Kurmangazy", "Erlan Nurpeisov"))(t)
		err = w.s.RecordAttendance(ctx, w.CoordAlmaty, se.ID, []strands.Mark{{YouthID: aruzhan, Present: true}, {YouthID: other, Present: true}})
		if got := keys(err); !slices.Equal(got, []string{"youth_id error.activity_not_enrolled"}) {
			t.Errorf("a mark for someone not enrolled: %q", got)
		}
		check(t, w.s.RecordAttendance(ctx, w.CoordAlmaty, se.ID, []strands.Mark{{YouthID: aruzhan, Present: true}, {YouthID: dana}}))
		check(t, w.s.RecordAttendance(ctx, w.CoordAlmaty, se.ID, []strands.Mark{{YouthID: dana, Present: true}}))
		marks := must(w.s.Attendance(ctx, w.Operator, se.ID))(t)
		if len(marks) != 2 || !marks[0].Present || !marks[1].Present || !marks[1].Marked {
			t.Errorf("marks: %+v", marks)
		}
		if err := w.s.RecordAttendance(ctx, w.Operator, se.ID, nil); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("an operator recording: %v", err)
		}
		if got := keys(w.s.SetProgress(ctx, w.CoordAlmaty, a.ID, aruzhan, 101, "")); !slices.Equal(got, []string{"progress error.activity_progress"}) {
			t.Errorf("progress over 100: %q", got)
		}
		if got := keys(w.s.SetProgress(ctx, w.CoordAlmaty, a.ID, other, 50, "")); !slices.Equal(got, []string{"youth_id error.activity_not_enrolled"}) {
			t.Errorf("progress of someone not enrolled: %q", got)
		}
		check(t, w.s.SetProgress(ctx, w.CoordAlmaty, a.ID, aruzhan, 60, "Plays two kuis"))
		ps := must(w.s.Participants(ctx, w.CoordAlmaty, a.ID))(t)
		if len(ps) != 2 || ps[0].Name != "Seitkali Aruzhan" || ps[0].Progress != 60 || ps[0].Attended != 1 || ps[1].Attended != 1 {
			t.Errorf("participants: %+v", ps)
		}
		ss := must(w.s.Sessions(ctx, w.CoordAlmaty, a.ID))(t)
		if len(ss) != 1 || ss[0].Present != 2 || ss[0].Marked != 2 || ss[0].Leader != "Erlan Nurpeisov" {
			t.Errorf("sessions: %+v", ss)
		}
	})
}

// TestListsPerRegionAndScope lists activities by region and strand within
// the reader's scope; a sponsor sees nothing.
func TestListsPerRegionAndScope(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		w.activity(t, 10, nil)
		w.activity(t, 40, func(in *strands.Input) { in.Name, in.Strand = "Young leaders' school", strands.Leaders })
		must(w.s.Create(ctx, w.CoordAstana, strands.Input{Name: "Jaidarman games", Strand: strands.Creative, OrgID: w.Astana.ID,
			RegionCode: "KZ-71", StartsOn: today, EndsOn: today.AddDate(0, 1, 0), Capacity: 20}))(t)
		names := func(p access.Principal, f strands.Filter) []string {
			as, _ := must2(w.s.Activities(ctx, p, f, store.Page{Limit: 10}))(t)
			var out []string
			for _, a := range as {
				out = append(out, a.Name)
			}
			return out
		}
		if got := names(w.CoordAlmaty, strands.Filter{}); !slices.Equal(got, []string{"Young leaders' school", "Dombra for beginners"}) {
			t.Errorf("Almaty: %q", got)
		}
		if got := names(admin, strands.Filter{RegionPath: "/KZ/KZ-71/"}); !slices.Equal(got, []string{"Jaidarman games"}) {
			t.Errorf("admin, Astana region: %q", got)
		}
		if got := names(admin, strands.Filter{Strand: strands.Leaders}); !slices.Equal(got, []string{"Young leaders' school"}) {
			t.Errorf("leaders: %q", got)
		}
		if n := must(w.s.CountActivities(ctx, admin, strands.Filter{}))(t); n.N != 3 {
			t.Errorf("count: %+v", n)
		}
		if _, _, err := w.s.Activities(ctx, w.Sponsor, strands.Filter{}, store.Page{}); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("sponsor: %v", err)
		}
		counts := must(w.s.Counts(ctx, admin))(t)
		if len(counts) != 3 || counts[1].Activities != 1 || counts[1].Capacity != 40 || counts[2].Activities != 2 || counts[2].Capacity != 30 {
			t.Errorf("counts: %+v", counts)
		}
	})
}

func must2[A, B any](a A, b B, err error) func(testing.TB) (A, B) {
	return func(t testing.TB) (A, B) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return a, b
	}
}
