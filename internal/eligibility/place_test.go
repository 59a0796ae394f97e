package eligibility_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// tied are requests of campaign "road" in Karaganda whose places only the
// request date, then the id, decide: all but one score 30 (low-income),
// several the same day, two within the same second (on SQLite a whole
// second's text sorts after the same second with a fraction, unless
// written with every digit), two at the same moment. In order of place:
// 21 (score 50), 26 (the day before), 22, 25 (.25 s later), 24 (.5 s),
// 23 (the same moment as 24, a higher id).
func tied(w *world) []applicant {
	at := time.Date(2026, 7, 2, 10, 0, 5, 0, time.UTC)
	valid := day("2026-12-31")
	mk := func(id int64, submitted time.Time, cats ...string) applicant {
		a := applicant{id: id, campaign: w.campaign, status: "submitted", region: karaganda, birth: day("2016-05-01"),
			grade: 4, children: 1, items: []int64{w.kit}, submitted: submitted, categories: map[string]time.Time{}}
		for _, c := range cats {
			a.categories[c] = valid
		}
		return a
	}
	return []applicant{
		mk(21, at.AddDate(0, 1, 0), "low-income", "large-family"),
		mk(22, at, "low-income"),
		mk(23, at.Add(500*time.Millisecond), "low-income"),
		mk(24, at.Add(500*time.Millisecond), "low-income"),
		mk(25, at.Add(250*time.Millisecond), "low-income"),
		mk(26, at.Add(-10*time.Hour-5*time.Second-100*time.Millisecond), "low-income"),
	}
}

var tiedOrder = []int64{21, 26, 22, 25, 23, 24}

// placesAre checks the place every request of order has, and that it is
// what Rank says of the requests ranked as stored.
func placesAre(t *testing.T, w *world, order []int64) {
	t.Helper()
	for i, id := range order {
		st, err := w.s.Current(ctx, w.coord, id)
		check(t, err)
		if want := (eligibility.Place{Rank: i + 1, Of: len(order)}); st.Place != want {
			t.Errorf("request %d: %+v, want %+v", id, st.Place, want)
		}
	}
	agreesWithRank(t, w)
}

// agreesWithRank checks that the place read of every ranked request of
// the campaign is the one Rank gives them all, so the tallies agree with
// the rows they count.
func agreesWithRank(t *testing.T, w *world) {
	t.Helper()
	rows, err := w.db.R.QueryContext(ctx, store.Rebind(w.db.Engine,
		"SELECT request_id, rank_region, score, requested_at FROM request_scores WHERE campaign_id = $1 AND ranked"), w.campaign)
	check(t, err)
	var entries []eligibility.Entry
	for rows.Next() {
		var e eligibility.Entry
		check(t, rows.Scan(&e.ID, &e.Region, &e.Score, &e.Requested))
		entries = append(entries, e)
	}
	check(t, rows.Close())
	for i, pl := range eligibility.Rank(entries) {
		st, err := w.s.Current(ctx, w.coord, entries[i].ID)
		check(t, err)
		if st.Place != pl {
			t.Errorf("request %d reads %+v, Rank says %+v", entries[i].ID, st.Place, pl)
		}
	}
}

// Ties are broken by the request's date, then its id: after a
// recalculation, and the same when each request was evaluated alone, in
// any order.
func TestTiesByDateThenID(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		w.load(t, tied(w))
		rules, weights := roadRules(w)
		must(w.s.SaveRuleSet(ctx, w.coord, w.campaign, rules, weights))
		shuffled := []int64{24, 21, 23, 26, 22, 25}
		rand.New(rand.NewPCG(3, 4)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		for n, id := range shuffled {
			st := must(w.s.EvaluateRequest(ctx, w.coord, id))
			if st.Place.Of != n+1 {
				t.Fatalf("evaluating %d, %d ranked: %+v", id, n+1, st.Place)
			}
		}
		placesAre(t, w, tiedOrder)
		sum := must(w.s.Rescore(ctx, w.coord, w.campaign))
		if sum.Changed != 0 || sum.Ranked != 6 {
			t.Errorf("recalculation with the same rules: %+v", sum)
		}
		placesAre(t, w, tiedOrder)
	})
}

// A recalculation that changes results keeps each previous one in the
// request's history with the place it held; a withdrawal takes the
// request out of the ranking at the next evaluation without a new result.
func TestHistoryKeepsPlaces(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		w.load(t, tied(w))
		rules, weights := roadRules(w)
		must(w.s.SaveRuleSet(ctx, w.coord, w.campaign, rules, weights))
		must(w.s.Rescore(ctx, w.coord, w.campaign))
		// Large families now count for nothing: 21 falls to 30 and, made
		// last, to the last place.
		weights.Categories["large-family"] = 0
		must(w.s.SaveRuleSet(ctx, w.coord, w.campaign, rules, weights))
		if sum := must(w.s.Rescore(ctx, w.coord, w.campaign)); sum.Changed != 1 {
			t.Fatalf("changed %d, want 1", sum.Changed)
		}
		placesAre(t, w, []int64{26, 22, 25, 23, 24, 21})
		hist := must(w.s.History(ctx, w.coord, 21))
		if len(hist) != 1 || hist[0].Result.Score != 50 || hist[0].Place != (eligibility.Place{Rank: 1, Of: 6}) {
			t.Fatalf("history of 21: %+v", hist)
		}
		if hist := must(w.s.History(ctx, w.coord, 22)); len(hist) != 0 {
			t.Errorf("22's result did not change, yet it has a history: %+v", hist)
		}
		// 25 withdraws: its result stays, without a place, and the others
		// close up behind it.
		_, err := db.W.ExecContext(ctx, "UPDATE requests SET status = 'withdrawn' WHERE id = 25")
		check(t, err)
		if sum := must(w.s.Rescore(ctx, w.coord, w.campaign)); sum.Changed != 0 || sum.Ranked != 5 {
			t.Fatalf("after the withdrawal: %+v", sum)
		}
		st := must(w.s.Current(ctx, w.coord, 25))
		if st.Place != (eligibility.Place{}) || st.Result.Score != 30 || st.Version != 1 {
			t.Errorf("withdrawn: %+v", st)
		}
		placesAre(t, w, []int64{26, 22, 23, 24, 21})
		// Evaluated alone, 25 (withdrawn) stays out; 23 does not move.
		must(w.s.EvaluateRequest(ctx, w.coord, 25))
		must(w.s.EvaluateRequest(ctx, w.coord, 23))
		placesAre(t, w, []int64{26, 22, 23, 24, 21})
	})
}

// A request withdrawn, then taken up again, leaves the ranking and comes
// back as soon as Moved hears of it, without a recalculation and without
// a new result.
func TestMovedTakesOrLeavesThePlace(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		w.load(t, tied(w))
		rules, weights := roadRules(w)
		must(w.s.SaveRuleSet(ctx, w.coord, w.campaign, rules, weights))
		must(w.s.Rescore(ctx, w.coord, w.campaign))
		status := func(s string) {
			_, err := db.W.ExecContext(ctx, store.Rebind(db.Engine, "UPDATE requests SET status = $1 WHERE id = 22"), s)
			check(t, err)
			w.s.Moved(22)
			if failed := w.s.Settle(); failed != 0 {
				t.Fatalf("%d failed", failed)
			}
		}
		status("withdrawn")
		placesAre(t, w, []int64{21, 26, 25, 23, 24})
		if st := must(w.s.Current(ctx, w.coord, 22)); st.Place != (eligibility.Place{}) || st.Result.Score != 30 {
			t.Errorf("withdrawn: %+v", st)
		}
		status("under_review")
		placesAre(t, w, tiedOrder)
		if hist := must(w.s.History(ctx, w.coord, 22)); len(hist) != 0 {
			t.Errorf("a change of status wrote a result: %+v", hist)
		}
	})
}
