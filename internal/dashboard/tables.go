package dashboard

import (
	"context"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/access"
)

// Outcomes group the requests' statuses for a report: delivered; in
// progress (approved or allocated, not yet handed over); waiting
// (submitted, under review, verified, waitlisted); not granted (rejected,
// withdrawn).
var Outcomes = []string{"delivered", "in_progress", "waiting", "not_granted"}

var outcomeOf = map[string]string{
	"delivered": "delivered", "approved": "in_progress", "allocated": "in_progress",
	"submitted": "waiting", "under_review": "waiting", "verified": "waiting", "waitlisted": "waiting",
	"rejected": "not_granted", "withdrawn": "not_granted",
}

// Tables are a campaign's counts crossed by region, the rows of every
// table being Regions (those of the dashboard, without one nested in
// another): children reached per item and per category, and requests per
// outcome (columns Outcomes). Their rows and columns add up to totals a
// report may publish.
type Tables struct {
	Regions    []RegionFigure
	Items      []ItemFigure
	Categories []CategoryFigure
	ByItem     [][]int64
	ByCategory [][]int64
	ByOutcome  [][]int64
}

// Report returns the dashboard of the whole of campaign id, from counts
// taken now, and its tables: the figures of the campaign's final report.
// It checks no principal: the report's producer is checked by the
// reports' domain, and a report covers the whole campaign whoever
// produces it.
func (s *Service) Report(ctx context.Context, id int64, locale string) (Dashboard, Tables, error) {
	if err := s.Refresh(ctx, id); err != nil {
		return Dashboard{}, Tables{}, err
	}
	d, err := s.Campaign(ctx, access.System, id, locale)
	if err != nil {
		return Dashboard{}, Tables{}, err
	}
	cells, _, err := s.snapshot(ctx, id)
	if err != nil {
		return Dashboard{}, Tables{}, err
	}
	t := Tables{Items: d.Items, Categories: d.Categories}
	for _, r := range d.Regions {
		nested := slices.ContainsFunc(d.Regions, func(o RegionFigure) bool {
			return o.Path != r.Path && strings.HasPrefix(r.Path, o.Path)
		})
		if !nested {
			t.Regions = append(t.Regions, r)
		}
	}
	items, cats := indexOf(len(t.Items), func(i int) int64 { return t.Items[i].ItemID }),
		indexOf(len(t.Categories), func(i int) int64 { return t.Categories[i].ID })
	t.ByItem, t.ByCategory, t.ByOutcome = grid(len(t.Regions), len(t.Items)), grid(len(t.Regions), len(t.Categories)),
		grid(len(t.Regions), len(Outcomes))
	for _, c := range cells {
		row := slices.IndexFunc(t.Regions, func(r RegionFigure) bool { return strings.HasPrefix(c.RegionPath, r.Path) })
		if row < 0 {
			continue
		}
		switch c.Family {
		case familyItem:
			if j, ok := items[c.KeyID]; ok && slices.Contains(reached, c.Status) {
				t.ByItem[row][j] += c.Requests
			}
		case familyCategory:
			if j, ok := cats[c.KeyID]; ok {
				t.ByCategory[row][j] += c.Requests
			}
		case familyStatus:
			if j := slices.Index(Outcomes, outcomeOf[c.Status]); j >= 0 {
				t.ByOutcome[row][j] += c.Requests
			}
		}
	}
	return d, t, nil
}

func indexOf(n int, key func(int) int64) map[int64]int {
	m := make(map[int64]int, n)
	for i := range n {
		m[key(i)] = i
	}
	return m
}

func grid(rows, cols int) [][]int64 {
	g := make([][]int64, rows)
	for i := range g {
		g[i] = make([]int64, cols)
	}
	return g
}
