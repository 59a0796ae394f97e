package eligibility_test

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/store"
)

// BenchmarkCurrent reads requests' current results with their places, as
// the request page, GET /api/v1/requests/{id} and the status page do
// (Current: the result, then its place counted from the tallies and the
// index), in the world of BenchmarkRescore (JOL_BENCH_REQUESTS requests,
// JOL_BENCH_DIR to keep it). Two rankings: the campaign's rules, which
// rank the eligible of Karaganda region (about 117,000 at a million), and
// rules that rank every request in one ranking of the whole country (a
// million at a million). Each iteration reads one request chosen at
// random among the ranked; p50 and p95 are reported.
func BenchmarkCurrent(b *testing.B) {
	w, _ := benchLoaded(b)
	rules, weights := roadRules(w)
	everyone := eligibility.Rules{All: eligibility.Criteria{Age: &eligibility.Range{Min: 0, Max: 99}}}
	wide := weights
	wide.RankDepth = 1
	for _, c := range []struct {
		name    string
		rules   eligibility.Rules
		weights eligibility.Weights
	}{{"karaganda", rules, weights}, {"country", everyone, wide}} {
		_, err := w.s.SaveRuleSet(ctx, w.coord, w.campaign, c.rules, c.weights)
		check(b, err)
		t0 := time.Now()
		sum, err := w.s.Rescore(ctx, w.coord, w.campaign)
		check(b, err)
		b.Logf("%s: %d ranked of %d, recalculated in %s", c.name, sum.Ranked, sum.Requests, time.Since(t0).Round(time.Millisecond))
		ids := rankedIDs(b, w)
		rng := rand.New(rand.NewPCG(5, 5))
		plan, err := w.s.PlacePlan(ctx, ids[len(ids)/2])
		check(b, err)
		b.Logf("%s: the plan of a place's query:\n%s", c.name, plan)
		b.Run(c.name, func(b *testing.B) {
			var took []time.Duration
			for b.Loop() {
				id := ids[rng.IntN(len(ids))]
				t0 := time.Now()
				st, err := w.s.Current(ctx, w.coord, id)
				took = append(took, time.Since(t0))
				if err != nil || st.Place.Rank == 0 {
					b.Fatalf("request %d: %v %+v", id, err, st.Place)
				}
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "p95-ms")
		})
	}
}

// rankedIDs are the ids of the campaign's ranked requests.
func rankedIDs(b *testing.B, w *world) []int64 {
	rows, err := w.db.R.QueryContext(ctx, store.Rebind(w.db.Engine,
		"SELECT request_id FROM request_scores WHERE campaign_id = $1 AND ranked"), w.campaign)
	check(b, err)
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		check(b, rows.Scan(&id))
		ids = append(ids, id)
	}
	check(b, rows.Err())
	return ids
}
