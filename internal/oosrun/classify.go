package oosrun

import (
	"time"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/linkage"
	"github.com/jolproject/jol/internal/linkage/names"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/people"
)

// Lists are what a run classifies: the population list's rows and the
// enrolment rows of the school year run for and of earlier years.
type Lists struct {
	Population     []Row
	Current, Older []Row
	Year           int // the school year's first calendar year
	MinAge, MaxAge int // school age on 1 September of Year
	// L writes the why lines; English when nil.
	L *i18n.Localizer
}

// Finding is a school-age child of the population list no enrolment
// list has as attending.
type Finding struct {
	Child      Row
	Category   outreach.Category
	Visibility outreach.Visibility
	Confidence float64
	School     int64 // the catchment school; 0 when no list says
	Closest    *Row  // the enrolment row the finding rests on, or the closest candidate
	Weight     float64
	Why        string
}

// Counts are what a run found, before its cases are made.
type Counts struct {
	Population int `json:"population"`
	SchoolAge  int `json:"school_age"`
	Matched    int `json:"matched"`     // linked to an enrolment row that says attending
	Review     int `json:"review_band"` // left with only a candidate of the clerical-review band
	// Attending lists the ids of the children matched as attending.
	Attending []int64 `json:"-"`
}

// Classify links the lists and returns the school-age children of the
// population list that no enrolment list of the year has as attending:
//   - linked to a row of the year that says not attending or left:
//     visible (in both lists, not attending);
//   - otherwise linked to a row of an earlier year, or only a candidate
//     of the clerical-review band: semi-invisible;
//   - no trace in any enrolment list: invisible.
//
// A child is dropped out when the year's lists have them enrolled but
// not attending or left, or a row of an earlier year has them; never
// enrolled otherwise. Confidence is the posterior
// the engine gives of the row a visible child is linked to, and for the
// others 1 minus that of their closest candidate among the year's rows.
func Classify(l Lists) ([]Finding, Counts) {
	if l.L == nil {
		cat, _ := i18n.New() // nil on error: the why lines are then message keys
		l.L = cat.Localizer(i18n.EN)
	}
	lex := linkage.NewLexicon()
	left := dataset(lex, l.Population)
	cur := link(left, dataset(lex, l.Current))
	cur.again(lex, l.Population, l.Current)
	var old *linked
	if len(l.Older) > 0 {
		old = link(left, dataset(lex, l.Older))
	}
	catch := newCatchments(l.Current)
	on := time.Date(l.Year, time.September, 1, 0, 0, 0, 0, time.UTC)
	var out []Finding
	c := Counts{Population: len(l.Population)}
	for i, ch := range l.Population {
		if ch.PersonID == 0 || !schoolAge(ch.Birth, on, l.MinAge, l.MaxAge) {
			continue
		}
		c.SchoolAge++
		f := Finding{Child: ch, Category: outreach.NeverEnrolled}
		if j, ok := cur.link[i]; ok {
			row := &l.Current[j]
			if row.Status == Attending || row.Status == "" {
				c.Matched++
				c.Attending = append(c.Attending, ch.PersonID)
				continue
			}
			f.Visibility, f.Closest, f.Weight = outreach.Visible, row, cur.weight[i]
			f.Confidence, f.School = cur.posterior(f.Weight), row.SchoolID
			f.Category = outreach.DroppedOut // enrolled, so not "never enrolled"
			out = append(out, finish(f, l.Year, l.L))
			continue
		}
		f.Visibility, f.Confidence = outreach.Invisible, 1
		if j, ok := cur.best[i]; ok {
			f.Visibility, f.Closest, f.Weight = outreach.SemiInvisible, &l.Current[j], cur.bestW[i]
			f.Confidence = 1 - cur.posterior(f.Weight)
			c.Review++
		}
		if j, ok := old.linkOf(i); ok {
			f.Category, f.Visibility = outreach.DroppedOut, outreach.SemiInvisible
			if f.Closest == nil {
				f.Closest, f.Weight = &l.Older[j], old.weight[i]
			}
			f.School = l.Older[j].SchoolID
		} else if j, ok := old.bestOf(i); ok && f.Closest == nil {
			f.Visibility, f.Closest, f.Weight = outreach.SemiInvisible, &l.Older[j], old.bestW[i]
		}
		if f.School == 0 {
			f.School = catch.of(ch.Place, ch.RegionPath)
		}
		out = append(out, finish(f, l.Year, l.L))
	}
	return out, c
}

// schoolAge reports whether a child born on birth is min to max years
// old on day on; a child without a birth date is not counted.
func schoolAge(birth, on time.Time, min, max int) bool {
	if birth.IsZero() {
		return false
	}
	age := on.Year() - birth.Year()
	if on.Month() < birth.Month() || on.Month() == birth.Month() && on.Day() < birth.Day() {
		age--
	}
	return age >= min && age <= max
}

// dataset reads rows into the engine's compact form.
func dataset(lex *linkage.Lexicon, rows []Row) *linkage.Dataset {
	d := linkage.NewDataset(lex)
	for _, r := range rows {
		in := linkage.Input{Last: r.Last, First: r.First, Patronymic: r.Patronymic, Region: r.Place,
			NatID: names.Digits(r.NationalID)}
		if in.Region == "" {
			in.Region = r.RegionCode
		}
		if !r.Birth.IsZero() {
			in.Birth = linkage.MakeDate(r.Birth.Year(), int(r.Birth.Month()), r.Birth.Day())
		}
		switch r.Sex {
		case people.Male:
			in.Sex = linkage.SexMale
		case people.Female:
			in.Sex = linkage.SexFemale
		}
		d.Add(in)
	}
	return d
}
