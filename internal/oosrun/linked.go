package oosrun

import (
	"strings"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/linkage"
	"github.com/jolproject/jol/internal/linkage/names"
	"github.com/jolproject/jol/internal/outreach"
)

// maxRest is the largest product of the unlinked rows of both sides
// again compares: about a quarter of it is compared (birth years at most
// one apart), some seconds of work.
const maxRest = 100_000_000

// linked is what linking the population with one set of enrolment rows
// gave, by population row: the row each is linked to, with its weight,
// and the best candidate of the clerical-review band of the others.
type linked struct {
	model         *linkage.Model
	link, best    map[int]int
	weight, bestW map[int]float64
}

// link links left with right, right being enrolment rows.
func link(left, right *linkage.Dataset) *linked {
	k := &linked{link: map[int]int{}, best: map[int]int{}, weight: map[int]float64{}, bestW: map[int]float64{}}
	if right.Len() == 0 || left.Len() == 0 {
		return k
	}
	res := linkage.LinkLists(left, right)
	k.model = res.Model
	for _, l := range res.Links {
		k.link[l.Left], k.weight[l.Left] = l.Right, l.Weight
	}
	for _, l := range res.Review {
		if w, ok := k.bestW[l.Left]; !ok || l.Weight > w {
			k.best[l.Left], k.bestW[l.Left] = l.Right, l.Weight
		}
	}
	return k
}

// again links the rows of left and right that k left unlinked with each
// other (see linkage.LinkRest), and adds the links it finds to k, and
// the best candidate of the review band of each row still unlinked.
func (k *linked) again(lex *linkage.Lexicon, left, right []Row) {
	if k.model == nil {
		return
	}
	usedR := map[int]bool{}
	for _, j := range k.link {
		usedR[j] = true
	}
	var li, ri []int
	var lrows, rrows []Row
	for i, r := range left {
		if _, ok := k.link[i]; !ok {
			li, lrows = append(li, i), append(lrows, r)
		}
	}
	for j, r := range right {
		if !usedR[j] {
			ri, rrows = append(ri, j), append(rrows, r)
		}
	}
	if len(lrows) == 0 || len(rrows) == 0 || len(lrows)*len(rrows) > maxRest {
		return
	}
	res := linkage.LinkRest(dataset(lex, lrows), dataset(lex, rrows), k.model)
	for _, l := range res.Links {
		i, j := li[l.Left], ri[l.Right]
		k.link[i], k.weight[i] = j, l.Weight
		delete(k.best, i)
	}
	for _, l := range res.Review {
		i, j := li[l.Left], ri[l.Right]
		if w, ok := k.bestW[i]; !ok || l.Weight > w {
			k.best[i], k.bestW[i] = j, l.Weight
		}
	}
}

// linkOf returns the row population row i is linked to; k may be nil.
func (k *linked) linkOf(i int) (int, bool) {
	if k == nil {
		return 0, false
	}
	j, ok := k.link[i]
	return j, ok
}

// bestOf returns the best review candidate of population row i; k may be nil.
func (k *linked) bestOf(i int) (int, bool) {
	if k == nil {
		return 0, false
	}
	j, ok := k.best[i]
	return j, ok
}

// posterior is the probability the engine gives that a pair of weight w
// is one child.
func (k *linked) posterior(w float64) float64 {
	if k.model == nil {
		return 0
	}
	return k.model.Posterior(w)
}

// catchments counts the enrolment rows of each school by the place the
// rows name, as written, and by the region they lie in.
type catchments map[string]map[int64]int

func newCatchments(rows []Row) catchments {
	c := catchments{}
	add := func(key string, school int64) {
		if c[key] == nil {
			c[key] = map[int64]int{}
		}
		c[key][school]++
	}
	for _, r := range rows {
		if r.SchoolID == 0 {
			continue
		}
		if k := placeKey(r.Place); k != "" {
			add(k, r.SchoolID)
		}
		if r.RegionPath != "" {
			add(r.RegionPath, r.SchoolID)
		}
	}
	return c
}

// placeKey is the key of a place as written: "" for none.
func placeKey(place string) string {
	if k := names.Key(place); k != "" {
		return "place:" + k
	}
	return ""
}

// of returns the catchment school of a child of place, in the region at
// path: the school with the most enrolment rows naming the same place,
// else in the region, else in the nearest region above it with any,
// below the country; 0 when there is none. Ties go to the lower id, so a
// run is repeatable.
func (c catchments) of(place, path string) int64 {
	keys := []string{placeKey(place)}
	for p := path; strings.Count(p, "/") > 2; p = parent(p) {
		keys = append(keys, p)
	}
	for _, k := range keys {
		best, most := int64(0), 0
		for id, n := range c[k] {
			if n > most || n == most && id < best {
				best, most = id, n
			}
		}
		if best != 0 {
			return best
		}
	}
	return 0
}

// parent returns the path of the place above the one at p ("/A/B/" → "/A/").
func parent(p string) string {
	t := strings.TrimSuffix(p, "/")
	return t[:strings.LastIndex(t, "/")+1]
}

// finish writes why f was flagged, in a line, in l's language.
func finish(f Finding, year int, l *i18n.Localizer) Finding {
	y := l.Digits(YearLabel(year))
	var parts []string
	switch {
	case f.Visibility == outreach.Visible:
		parts = append(parts, l.T("oos.why_visible", "Year", y, "Status", l.T("oos.status_"+f.Closest.Status)))
	case f.Category == outreach.DroppedOut:
		parts = append(parts, l.T("oos.why_dropped", "Year", y))
	default:
		parts = append(parts, l.T("oos.why_none", "Year", y))
	}
	if r := f.Closest; r != nil {
		about := []string{strings.TrimSpace(r.Last + " " + r.First)}
		if !r.Birth.IsZero() {
			about = append(about, l.Digits(r.Birth.Format("2006-01-02")))
		}
		if r.SchoolName != "" {
			about = append(about, r.SchoolName)
		}
		if r.SchoolYear != 0 && r.SchoolYear != year {
			about = append(about, l.Digits(YearLabel(r.SchoolYear)))
		}
		about = append(about, l.T("oos.why_weight", "Weight", l.Locale().Decimal(f.Weight, 1)))
		parts = append(parts, l.T("oos.why_closest", "Record", strings.Join(about, l.T("common.list_separator"))))
	} else {
		parts = append(parts, l.T("oos.why_no_record"))
	}
	f.Why = strings.Join(parts, l.T("oos.why_separator"))
	if len(f.Why) > outreach.MaxWhy {
		f.Why = strings.ToValidUTF8(f.Why[:outreach.MaxWhy], "")
	}
	return f
}
