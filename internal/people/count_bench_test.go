package people_test

import (
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

// BenchmarkListCounted reads a page of the list as the people page does:
// the bounded count first, then the page (the first, or a jump as deep as
// a jump goes), for an unscoped administrator and for an operator of one
// school of twenty; page1-uncounted is the first page alone, to compare.
func BenchmarkListCounted(b *testing.B) {
	w, op, _, _ := benchRegistry(b)
	for _, f := range []struct {
		name string
		f    people.Filter
	}{
		{"created", people.Filter{}},
		{"name", people.Filter{Sort: people.SortName}},
		{"pupils-aged-10-14", people.Filter{Status: people.Pupil, MinAge: 10, MaxAge: 14, Sort: people.SortName}},
	} {
		for _, who := range []struct {
			name string
			p    access.Principal
		}{{"admin", admin}, {"school", op}} {
			for _, jump := range []struct {
				name  string
				skip  int
				count bool
			}{{"page1-uncounted", 0, false}, {"page1", 0, true}, {"deepest", store.JumpCap, true}} {
				b.Run(f.name+"/"+who.name+"/"+jump.name, func(b *testing.B) {
					var ds []time.Duration
					var n store.Count
					for b.Loop() {
						start := time.Now()
						if jump.count {
							var err error
							if n, err = w.s.ListCount(ctx, who.p, f.f); err != nil {
								b.Fatal(err)
							}
						}
						if _, _, err := w.s.List(ctx, who.p, f.f, people.Page{Limit: 50, Skip: jump.skip}); err != nil {
							b.Fatal(err)
						}
						ds = append(ds, time.Since(start))
					}
					b.ReportMetric(float64(n.N), "counted")
					p95(b, ds)
				})
			}
		}
	}
}

// BenchmarkSearchCounted searches as the people page does: the first
// SearchLimit persons and how many matched, up to SearchCountCap, for a
// full name and for a first name alone (shared by thousands).
func BenchmarkSearchCounted(b *testing.B) {
	w, op, names, _ := benchRegistry(b)
	for _, kind := range []string{"name", "first-name"} {
		for _, c := range []struct {
			name string
			p    access.Principal
		}{{"admin", admin}, {"school", op}} {
			b.Run(kind+"/"+c.name, func(b *testing.B) {
				var ds []time.Duration
				var found store.Count
				i := 0
				for b.Loop() {
					n := names[i%len(names)]
					q := n[0] + " " + n[1]
					if kind == "first-name" {
						q = n[1]
					}
					start := time.Now()
					var err error
					if _, found, err = w.s.SearchCounted(ctx, c.p, q); err != nil {
						b.Fatal(err)
					}
					ds = append(ds, time.Since(start))
					i++
				}
				b.ReportMetric(float64(found.N), "counted")
				p95(b, ds)
			})
		}
	}
}
