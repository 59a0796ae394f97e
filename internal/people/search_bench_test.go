package people_test

import (
	"slices"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/people"
)

// p95 reports the 95th percentile of ds, in milliseconds.
func p95(b *testing.B, ds []time.Duration) {
	slices.Sort(ds)
	if len(ds) > 0 {
		b.ReportMetric(float64(ds[len(ds)*95/100].Microseconds())/1000, "p95-ms")
	}
}

func BenchmarkSearchByName(b *testing.B) {
	w, op, names, _ := benchRegistry(b)
	for _, c := range []struct {
		name string
		p    access.Principal
	}{{"admin", admin}, {"school", op}} {
		b.Run(c.name, func(b *testing.B) {
			var ds []time.Duration
			i := 0
			for b.Loop() {
				n := names[i%len(names)]
				q := n[0] + " " + n[1] // "last first"; every third is typed first-name first
				if i%3 == 0 {
					q = n[1] + " " + n[0]
				}
				start := time.Now()
				if _, err := w.s.Search(ctx, c.p, q, 20); err != nil {
					b.Fatal(err)
				}
				ds = append(ds, time.Since(start))
				i++
			}
			p95(b, ds)
		})
	}
}

// BenchmarkSearchByFirstName types a first name alone, in the script it
// was registered in: each is shared by one person in twenty or more, so
// the search stops at its limit among thousands of matches.
func BenchmarkSearchByFirstName(b *testing.B) {
	w, op, names, _ := benchRegistry(b)
	for _, c := range []struct {
		name string
		p    access.Principal
	}{{"admin", admin}, {"school", op}} {
		b.Run(c.name, func(b *testing.B) {
			var ds []time.Duration
			i := 0
			for b.Loop() {
				q := names[i%len(names)][1]
				start := time.Now()
				got, err := w.s.Search(ctx, c.p, q, 20)
				if err != nil || len(got) == 0 {
					b.Fatalf("%s: %d found, %v", q, len(got), err)
				}
				ds = append(ds, time.Since(start))
				i++
			}
			p95(b, ds)
		})
	}
}

func BenchmarkSearchByID(b *testing.B) {
	w, _, _, iins := benchRegistry(b)
	var ds []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		got, err := w.s.Search(ctx, admin, iins[i%len(iins)], 20)
		if err != nil || len(got) != 1 {
			b.Fatalf("%s: %d found, %v", iins[i%len(iins)], len(got), err)
		}
		ds = append(ds, time.Since(start))
		i++
	}
	p95(b, ds)
}

// BenchmarkList reads the first page of each order, for an unscoped
// administrator and for an operator of one school of twenty.
func BenchmarkList(b *testing.B) {
	w, op, _, _ := benchRegistry(b)
	for _, f := range []struct {
		name string
		f    people.Filter
	}{
		{"name", people.Filter{Sort: people.SortName}},
		{"birth", people.Filter{Sort: people.SortBirth}},
		{"created", people.Filter{}},
		{"pupils-aged-10-14", people.Filter{Status: people.Pupil, MinAge: 10, MaxAge: 14, Sort: people.SortName}},
	} {
		for _, who := range []struct {
			name string
			p    access.Principal
		}{{"admin", admin}, {"school", op}} {
			b.Run(f.name+"/"+who.name, func(b *testing.B) {
				var ds []time.Duration
				for b.Loop() {
					start := time.Now()
					if _, _, err := w.s.List(ctx, who.p, f.f, people.Page{Limit: 50}); err != nil {
						b.Fatal(err)
					}
					ds = append(ds, time.Since(start))
				}
				p95(b, ds)
			})
		}
	}
}
