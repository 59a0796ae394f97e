package outcomes_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/outcomes"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/strands"
)

// TestSetBadInput refuses an unknown outcome, a date after today, a young
// person outside the recorder's scope, an unknown one, and a sponsor.
func TestSetBadInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		id := w.Young(t, "Aruzhan", 20, "KZ-75")
		_, err := w.o.Set(ctx, w.CoordAlmaty, id, outcomes.Input{Code: "married", On: today.AddDate(0, 0, 1)})
		if got := keys(err); !slices.Equal(got, []string{"outcome error.invalid_choice_of", "outcome_on error.outcome_future"}) {
			t.Errorf("bad outcome: %q", got)
		}
		good := outcomes.Input{Code: outcomes.Employed, On: today, Note: "Barista at a café"}
		if _, err := w.o.Set(ctx, w.CoordAstana, id, good); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("out of scope: %v", err)
		}
		if _, err := w.o.Set(ctx, w.CoordAlmaty, 999999, good); !errors.Is(err, errs.ErrNotFound) {
			t.Errorf("unknown young person: %v", err)
		}
		if _, err := w.o.Set(ctx, w.Sponsor, id, good); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("sponsor: %v", err)
		}
		if _, err := w.o.Get(ctx, w.Sponsor, id, "web"); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("sponsor reading: %v", err)
		}
		if _, err := w.o.Coverage(ctx, w.Sponsor); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("sponsor's coverage: %v", err)
		}
	})
}

// TestSetKeepsHistory keeps one current outcome, every one in the
// history and the change log, and logs each reading of the record.
func TestSetKeepsHistory(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		id := w.Young(t, "Aruzhan", 20, "KZ-75")
		must(w.o.Set(ctx, w.CoordAlmaty, id, outcomes.Input{Code: outcomes.NEET, On: today.AddDate(0, -1, 0)}))(t)
		must(w.o.Set(ctx, w.CoordAlmaty, id, outcomes.Input{Code: outcomes.Education, On: today, Note: "College, IT"}))(t)
		if _, err := w.o.Get(ctx, w.CoordAstana, id, "web"); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("another branch reading: %v", err)
		}
		r := must(w.o.Get(ctx, w.CoordAlmaty, id, "web"))(t)
		if r.Current == nil || r.Current.Code != outcomes.Education || r.Current.Recorder != "almaty" || len(r.History) != 2 ||
			r.History[1].Code != outcomes.NEET || r.Youth.Name != "Seitkali Aruzhan" || r.Youth.RegionCode != "KZ-75" {
			t.Errorf("record: %+v", r)
		}
		var changes, views int
		check(t, db.R.QueryRowContext(ctx, "SELECT count(*) FROM audit_log WHERE entity = 'youth_outcome' AND action = 'set_outcome'").Scan(&changes))
		check(t, db.R.QueryRowContext(ctx, "SELECT count(*) FROM access_log WHERE subject_kind = 'youth'").Scan(&views))
		if changes != 2 || views != 1 {
			t.Errorf("changes %d, views %d", changes, views)
		}
	})
}

// TestCoverage counts young people reached by each strand against the
// target, by age group and region, with their outcomes, within the
// reader's scope.
func TestCoverage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		teen, adult, old := w.Young(t, "Dana", 15, "KZ-75"), w.Young(t, "Aruzhan", 20, "KZ-75"), w.Young(t, "Madina", 27, "KZ-75")
		w.Young(t, "Alia", 20, "KZ-75") // registered, not reached
		astana := w.Young(t, "Tomiris", 20, "KZ-71")
		a := must(w.s.Create(ctx, w.CoordAlmaty, strands.Input{Name: "Dombra", Strand: strands.Creative, OrgID: w.Almaty.ID,
			RegionCode: "KZ-75", StartsOn: today, EndsOn: today.AddDate(0, 1, 0), Capacity: 10}))(t)
		l := must(w.s.Create(ctx, w.CoordAlmaty, strands.Input{Name: "Leaders", Strand: strands.Leaders, OrgID: w.Almaty.ID,
			RegionCode: "KZ-75", StartsOn: today, EndsOn: today.AddDate(0, 1, 0), Capacity: 10}))(t)
		must(w.s.Enrol(ctx, w.CoordAlmaty, a.ID, teen))(t)
		must(w.s.Enrol(ctx, w.CoordAlmaty, l.ID, adult))(t)
		must(w.s.Enrol(ctx, w.CoordAlmaty, a.ID, adult))(t)
		must(w.s.Enrol(ctx, admin, a.ID, astana))(t) // an activity open to other regions
		w.mentored(t, old)
		must(w.o.Set(ctx, w.CoordAlmaty, adult, outcomes.Input{Code: outcomes.Employed, On: today}))(t)
		must(w.o.Set(ctx, w.CoordAlmaty, teen, outcomes.Input{Code: outcomes.Education, On: today}))(t)

		r := must(w.o.Coverage(ctx, admin))(t)
		if r.Target != 10 || r.Total.Registered != 5 || r.Total.Covered != 4 || r.Share() != 40 {
			t.Errorf("total: %+v", r)
		}
		if r.Total.Mentoring != 1 || r.Total.Leaders != 1 || r.Total.Creative != 3 || r.Total.Recorded() != 2 {
			t.Errorf("strands: %+v", r.Total)
		}
		ages := map[string][2]int{}
		for _, g := range r.ByAgeGroup {
			ages[g.Key] = [2]int{g.Registered, g.Covered}
		}
		if ages["14-17"] != [2]int{1, 1} || ages["18-24"] != [2]int{3, 2} || ages["25-29"] != [2]int{1, 1} {
			t.Errorf("ages: %v", ages)
		}
		if len(r.ByRegion) != 2 || r.ByRegion[0].Key != "KZ-71" || r.ByRegion[0].Covered != 1 || r.ByRegion[1].Key != "KZ-75" ||
			r.ByRegion[1].Covered != 3 || r.ByRegion[1].Outcomes[outcomes.Employed] != 1 {
			t.Errorf("regions: %+v", r.ByRegion)
		}
		mine := must(w.o.Coverage(ctx, w.CoordAlmaty))(t)
		if mine.Total.Registered != 4 || mine.Total.Covered != 3 {
			t.Errorf("Almaty's coverage: %+v", mine.Total)
		}
	})
}
