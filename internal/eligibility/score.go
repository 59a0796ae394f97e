package eligibility

import (
	"cmp"
	"slices"
	"time"
)

// terms are the parts of an applicant's score, the largest first; a
// circumstance worth no points is left out.
func (w Weights) terms(f Facts, day time.Time) []Term {
	var ts []Term
	add := func(t Term) {
		if t.Points != 0 {
			ts = append(ts, t)
		}
	}
	for _, h := range f.Categories {
		if p, ok := w.Categories[h.Code]; ok && h.ValidOn(day) {
			add(Term{Kind: TermCategory, Code: h.Code, Points: p})
		}
	}
	if f.Income != "" {
		add(Term{Kind: TermIncome, Code: f.Income, Points: w.Income[f.Income]})
	}
	if n := f.Children - w.ChildrenFrom; n > 0 {
		add(Term{Kind: TermChildren, Count: f.Children, Points: n * w.PerChild})
	}
	if f.Disability {
		add(Term{Kind: TermDisability, Points: w.Disability})
	}
	if f.SingleGuardian {
		add(Term{Kind: TermSingleGuardian, Points: w.SingleGuardian})
	}
	if f.DistanceKnown {
		if i := farthestBand(w.Distance, f.DistanceKm); i >= 0 {
			add(Term{Kind: TermDistance, Km: f.DistanceKm, Points: w.Distance[i].Points})
		}
	}
	// Largest first, then in a fixed order so equal results read alike.
	slices.SortStableFunc(ts, func(a, b Term) int {
		return cmp.Or(cmp.Compare(b.Points, a.Points), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Code, b.Code))
	})
	return ts
}

// farthestBand returns the index of the last band km reaches, or -1.
func farthestBand(bands []Band, km float64) int {
	i := -1
	for j, b := range bands {
		if km >= b.FromKm {
			i = j
		}
	}
	return i
}
