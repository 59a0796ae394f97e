package dashboard

import (
	"strconv"

	"github.com/jolproject/jol/internal/chart"
	"github.com/jolproject/jol/internal/i18n"
)

// Charts are d's charts in l's language, in the page's order; a section
// with nothing to show (no appeals, no stock figures, no gifts) has none.
// The web page draws them with their tables; a printed report may draw
// the same charts.
func Charts(d Dashboard, l *i18n.Localizer) []chart.Chart {
	var out []chart.Chart
	add := func(c chart.Chart) {
		if len(c.Categories) > 0 {
			out = append(out, c)
		}
	}
	// A section's chart of nothing but zeros (no deliveries in a kits
	// campaign) is left out: an empty drawing says less than no drawing.
	addSome := func(c chart.Chart) {
		if !zeros(c) {
			add(c)
		}
	}
	add(funnel(d, l))
	add(regions(d, l))
	if len(d.Items) > 1 {
		for i := range d.Items {
			add(regionItem(d, i, l))
		}
	}
	add(items(d, l))
	add(categories(d, l))
	if d.Previous != nil {
		add(compare(d, l))
	}
	if len(d.Campaigns) > 0 {
		add(campaigns(d, l))
	}
	if len(d.Years) > 0 {
		add(yearChart(d, l))
	}
	if d.Appeals != nil {
		addSome(appealKinds(d, l))
	}
	if d.Stock {
		addSome(stockCover(d, l))
	}
	if d.Deliveries != nil {
		addSome(deliveryRisks(d, l))
	}
	if d.Gifts != nil {
		for _, c := range cash(d, l) {
			addSome(c)
		}
		addSome(pledges(d, l))
	}
	if d.Hours != nil {
		addSome(hours(d, l))
	}
	return out
}

// zeros reports whether every value of c is zero.
func zeros(c chart.Chart) bool {
	for _, s := range c.Series {
		for _, v := range s.Values {
			if v != 0 {
				return false
			}
		}
	}
	return true
}

func series(l *i18n.Localizer, key string, n int) chart.Series {
	return chart.Series{Name: l.T(key), Values: make([]float64, 0, n)}
}

func funnel(d Dashboard, l *i18n.Localizer) chart.Chart {
	c := chart.Chart{ID: "funnel", Kind: chart.Funnel, Title: l.T("dashboard.chart.funnel"), CategoryHead: l.T("dashboard.head.step")}
	s := series(l, "dashboard.series.requests", len(d.Funnel))
	for _, st := range d.Funnel {
		c.Categories = append(c.Categories, l.T("requeststatus."+st.Status))
		s.Values = append(s.Values, float64(st.Requests))
	}
	c.Series = []chart.Series{s}
	return c
}

func regions(d Dashboard, l *i18n.Localizer) chart.Chart {
	c := chart.Chart{ID: "regions", Title: l.T("dashboard.chart.regions"), CategoryHead: l.T("dashboard.head.region"),
		TargetLabel: l.T("dashboard.series.target")}
	s := series(l, "dashboard.series.children", len(d.Regions))
	var targets []float64
	hasTarget := false
	for _, r := range d.Regions {
		c.Categories = append(c.Categories, r.Name)
		s.Values = append(s.Values, float64(r.Reached))
		targets = append(targets, float64(r.Target))
		hasTarget = hasTarget || r.Target > 0
	}
	if hasTarget {
		c.Targets = targets
	}
	c.Series = []chart.Series{s}
	return c
}

// regionItem sets the units of the i-th item reached in each region
// against the campaign's target for that item there.
func regionItem(d Dashboard, i int, l *i18n.Localizer) chart.Chart {
	it := d.Items[i]
	c := chart.Chart{ID: "regions-item-" + strconv.FormatInt(it.ItemID, 10), Title: l.T("dashboard.chart.region_item", "Item", it.Name),
		CategoryHead: l.T("dashboard.head.region"), TargetLabel: l.T("dashboard.series.target")}
	s := series(l, "dashboard.series.units", len(d.Regions))
	hasTarget := false
	for _, r := range d.Regions {
		for _, ri := range r.Items {
			if ri.ItemID == it.ItemID {
				c.Categories = append(c.Categories, r.Name)
				s.Values = append(s.Values, float64(ri.Reached))
				c.Targets = append(c.Targets, float64(ri.Target))
				hasTarget = hasTarget || ri.Target > 0
			}
		}
	}
	if !hasTarget {
		c.Targets = nil
	}
	c.Series = []chart.Series{s}
	return c
}

func items(d Dashboard, l *i18n.Localizer) chart.Chart {
	c := chart.Chart{ID: "items", Title: l.T("dashboard.chart.items"), CategoryHead: l.T("dashboard.head.item"),
		TargetLabel: l.T("dashboard.series.target")}
	reached, delivered := series(l, "dashboard.series.reached", len(d.Items)), series(l, "dashboard.series.delivered", len(d.Items))
	for _, it := range d.Items {
		c.Categories = append(c.Categories, it.Name)
		reached.Values = append(reached.Values, float64(it.Reached))
		delivered.Values = append(delivered.Values, float64(it.Delivered))
		c.Targets = append(c.Targets, float64(it.Target))
	}
	c.Series = []chart.Series{reached, delivered}
	return c
}

func categories(d Dashboard, l *i18n.Localizer) chart.Chart {
	c := chart.Chart{ID: "categories", Title: l.T("dashboard.chart.categories"), CategoryHead: l.T("dashboard.head.category")}
	s := series(l, "dashboard.series.children", len(d.Categories))
	for _, x := range d.Categories {
		c.Categories = append(c.Categories, x.Name)
		s.Values = append(s.Values, float64(x.Children))
	}
	c.Series = []chart.Series{s}
	return c
}

func compare(d Dashboard, l *i18n.Localizer) chart.Chart {
	c := chart.Chart{ID: "compare", Kind: chart.Columns, Title: l.T("dashboard.chart.compare"), CategoryHead: l.T("dashboard.head.item")}
	now, before := series(l, "dashboard.series.this", len(d.Items)), chart.Series{Name: d.Previous.Name, Muted: true}
	for _, it := range d.Items {
		if it.Previous < 0 {
			continue
		}
		c.Categories = append(c.Categories, it.Name)
		now.Values = append(now.Values, float64(it.Whole))
		before.Values = append(before.Values, float64(it.Previous))
	}
	c.Series = []chart.Series{now, before}
	return c
}

func campaigns(d Dashboard, l *i18n.Localizer) chart.Chart {
	c := chart.Chart{ID: "campaigns", Title: l.T("dashboard.chart.campaigns"), CategoryHead: l.T("dashboard.head.campaign")}
	reached, delivered := series(l, "dashboard.series.reached", len(d.Campaigns)), series(l, "dashboard.series.delivered", len(d.Campaigns))
	for _, x := range d.Campaigns {
		c.Categories = append(c.Categories, x.Name)
		reached.Values = append(reached.Values, float64(x.Reached))
		delivered.Values = append(delivered.Values, float64(x.Delivered))
	}
	c.Series = []chart.Series{reached, delivered}
	return c
}
