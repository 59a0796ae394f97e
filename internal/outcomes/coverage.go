package outcomes

import (
	"context"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/access"
)

// Tally counts young people of one group (an age group, a region, or all
// of them): registered, reached by any strand and by each, and with each
// outcome.
type Tally struct {
	Key        string       `json:"key"` // the age group or the region's code; "" for the total
	Registered int          `json:"registered"`
	Covered    int          `json:"covered"` // took part in at least one strand
	Mentoring  int          `json:"mentoring"`
	Leaders    int          `json:"leaders"`
	Creative   int          `json:"creative"`
	Outcomes   map[Code]int `json:"outcomes"`
}

// Recorded is how many of the group have an outcome recorded.
func (t Tally) Recorded() int {
	n := 0
	for _, v := range t.Outcomes {
		n += v
	}
	return n
}

// Report is the programme's coverage within a reader's scope.
type Report struct {
	Target     int     `json:"target"`
	Total      Tally   `json:"total"`
	ByAgeGroup []Tally `json:"by_age_group"` // 14-17, 18-24, 25-29
	ByRegion   []Tally `json:"by_region"`    // one level below the reader's region, by code
	// ByStrand is how many young people took part in each strand, in the
	// order of strands.Strands; one may count in several.
	ByStrand []StrandTally `json:"by_strand"`
}

// Share is how much of the target the covered young people make, in
// per cent.
func (r Report) Share() float64 {
	if r.Target <= 0 {
		return 0
	}
	return 100 * float64(r.Total.Covered) / float64(r.Target)
}

// AgeGroups are the programme's age groups, in order.
var AgeGroups = []string{"14-17", "18-24", "25-29"}

// Coverage reports the coverage of the young people within p's scope
// against the programme's target (the settings'), by age group, by region
// one level below p's own (the country's regions for a reader bound to
// none) and by strand, with the outcomes of each.
func (s *Service) Coverage(ctx context.Context, p access.Principal) (Report, error) {
	if err := access.Can(p, access.ViewOutcomes, p.Scope()); err != nil {
		return Report{}, err
	}
	rows, err := s.db.R.QueryContext(ctx, s.q.Coverage, p.ScopeArgs()...)
	if err != nil {
		return Report{}, err
	}
	defer rows.Close()
	r := Report{Target: s.target(ctx), Total: Tally{Outcomes: map[Code]int{}}}
	ages, regions := map[string]*Tally{}, map[string]*Tally{}
	for _, g := range AgeGroups {
		ages[g] = &Tally{Key: g, Outcomes: map[Code]int{}}
	}
	depth := max(len(segments(p.RegionPath)), 1)
	for rows.Next() {
		var age, path string
		var t Tally
		counts := make([]int, len(Codes()))
		dst := []any{&age, &path, &t.Registered, &t.Covered, &t.Mentoring, &t.Leaders, &t.Creative}
		for i := range counts {
			dst = append(dst, &counts[i])
		}
		if err := rows.Scan(dst...); err != nil {
			return Report{}, err
		}
		t.Outcomes = map[Code]int{}
		for i, c := range Codes() {
			t.Outcomes[c] = counts[i]
		}
		r.Total.add(t)
		if a, ok := ages[age]; ok {
			a.add(t)
		}
		key := regionAt(path, depth)
		if regions[key] == nil {
			regions[key] = &Tally{Key: key, Outcomes: map[Code]int{}}
		}
		regions[key].add(t)
	}
	if err := rows.Err(); err != nil {
		return Report{}, err
	}
	for _, g := range AgeGroups {
		r.ByAgeGroup = append(r.ByAgeGroup, *ages[g])
	}
	for _, t := range regions {
		r.ByRegion = append(r.ByRegion, *t)
	}
	slices.SortFunc(r.ByRegion, func(a, b Tally) int { return strings.Compare(a.Key, b.Key) })
	r.ByStrand = []StrandTally{{"mentoring", r.Total.Mentoring}, {"leaders", r.Total.Leaders}, {"creative", r.Total.Creative}}
	return r, nil
}

func (t *Tally) add(o Tally) {
	t.Registered += o.Registered
	t.Covered += o.Covered
	t.Mentoring += o.Mentoring
	t.Leaders += o.Leaders
	t.Creative += o.Creative
	for c, n := range o.Outcomes {
		t.Outcomes[c] += n
	}
}

// segments splits a region path ("/KZ/KZ-75/") into its codes.
func segments(path string) []string {
	return strings.FieldsFunc(path, func(r rune) bool { return r == '/' })
}

// regionAt is the code at depth (0 for the country) of region path, or
// its deepest when it is shallower: a young person registered at the
// level of the reader's own region is counted under it.
func regionAt(path string, depth int) string {
	seg := segments(path)
	if len(seg) == 0 {
		return ""
	}
	return seg[min(depth, len(seg)-1)]
}

// StrandTally is how many young people took part in one strand.
type StrandTally struct {
	Strand string `json:"strand"`
	Youth  int    `json:"youth"`
}
