package eligibility_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// BenchmarkRescore recalculates a campaign of JOL_BENCH_REQUESTS requests
// (default 100,000; the figure in docs/benchmarks.md is for 1,000,000) on
// SQLite after a change of weights: each iteration saves new weights and
// recalculates every request, moving the previous results to the history.
// Each applicant has a household of one to four children, a school, two
// categories in three with evidence, some of it expired, and asks for a
// kit; one in ten received a kit earlier this year.
func BenchmarkRescore(b *testing.B) {
	w, n := benchLoaded(b)
	rules, weights := roadRules(w)
	_, err := w.s.SaveRuleSet(ctx, w.coord, w.campaign, rules, weights)
	check(b, err)
	t0 := time.Now()
	sum, err := w.s.Rescore(ctx, w.coord, w.campaign)
	check(b, err)
	b.Logf("first calculation (every result new) in %s: read %s, evaluate %s, write %s", time.Since(t0).Round(time.Millisecond),
		sum.Read.Round(time.Millisecond), sum.Evaluate.Round(time.Millisecond), sum.Write.Round(time.Millisecond))
	cpu := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		weights.Categories["low-income"]++
		_, err := w.s.SaveRuleSet(ctx, w.coord, w.campaign, rules, weights)
		check(b, err)
		sum, err := w.s.Rescore(ctx, w.coord, w.campaign)
		check(b, err)
		if sum.Requests != n {
			b.Fatalf("rescored %d of %d", sum.Requests, n)
		}
		b.Logf("read %s, evaluate %s, write %s (%d results changed)", sum.Read.Round(time.Millisecond),
			sum.Evaluate.Round(time.Millisecond), sum.Write.Round(time.Millisecond), sum.Changed)
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(n), "requests")
}

// benchLoaded is the world of the benchmarks at scale: JOL_BENCH_REQUESTS
// requests (default 100,000) in campaign "road", without results.
func benchLoaded(b *testing.B) (*world, int) {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("JOL_BENCH_REQUESTS")); err == nil && v > 0 {
		n = v
	}
	w, loaded := benchWorld(b, n)
	rng := rand.New(rand.NewPCG(1, 1))
	regions := []string{"/KZ/KZ-35/", "/KZ/KZ-71/", "/KZ/KZ-75/", "/KZ/KZ-11/", "/KZ/KZ-15/"}
	codes := []string{"low-income", "large-family", "orphan"}
	start := time.Now()
	const chunk = 50_000
	for lo := 1; lo <= n && !loaded; lo += chunk {
		var apps []applicant
		for id := lo; id < lo+chunk && id <= n; id++ {
			a := applicant{id: int64(id), campaign: w.campaign, status: "submitted", region: regions[rng.IntN(len(regions))],
				birth: day("2009-01-01").AddDate(0, 0, rng.IntN(14*365)), grade: rng.IntN(12),
				income: []string{"", "below_poverty_line", "low", "middle"}[rng.IntN(4)], incomplete: rng.IntN(6) == 0,
				children: 1 + rng.IntN(4), items: []int64{w.kit},
				submitted:  day("2026-07-01").Add(time.Duration(rng.IntN(60*86400)) * time.Second),
				categories: map[string]time.Time{}}
			for _, c := range codes {
				if rng.IntN(3) > 0 {
					a.categories[c] = day("2026-03-01").AddDate(0, rng.IntN(12), 0)
				}
			}
			apps = append(apps, a)
		}
		w.load(b, apps)
	}
	if !loaded {
		b.Logf("loaded %d requests in %s", n, time.Since(start).Round(time.Second))
	}
	return w, n
}

// benchWorld is a new world, or with JOL_BENCH_DIR the one kept there from
// an earlier run of the same size, its results and rule sets cleared
// (loaded is then true). With JOL_BENCH_ENGINE=postgres it is a new
// database on PostgreSQL.
func benchWorld(b *testing.B, n int) (w *world, loaded bool) {
	if os.Getenv("JOL_BENCH_ENGINE") == string(store.Postgres) {
		return setup(b, storetest.Postgres(b)), false
	}
	dir := os.Getenv("JOL_BENCH_DIR")
	if dir == "" {
		return setup(b, storetest.SQLite(b)), false
	}
	path := filepath.Join(dir, "rescore-"+strconv.Itoa(n)+".db")
	_, err := os.Stat(path)
	db, oerr := store.Open(ctx, path)
	check(b, oerr)
	b.Cleanup(func() { db.Close() })
	_, merr := db.Migrate(ctx)
	check(b, merr)
	if err != nil {
		return setup(b, db), false
	}
	w = attach(b, db)
	for _, t := range []string{"request_results", "request_scores", "request_rank_tallies", "eligibility_runs", "eligibility_rule_sets"} {
		_, err := db.W.ExecContext(ctx, "DELETE FROM "+t)
		check(b, err)
	}
	return w, true
}

// cpuTime is the processor time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
