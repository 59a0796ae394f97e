package dashboard

import (
	"math"
	"strings"

	"github.com/jolproject/jol/internal/chart"
	"github.com/jolproject/jol/internal/i18n"
)

// appealKinds stacks each kind's appeals: answered on time, answered late,
// still open; the on-time rate is the first over the first two.
func appealKinds(d Dashboard, l *i18n.Localizer) chart.Chart {
	c := chart.Chart{ID: "appeals", Kind: chart.Stacked, Title: l.T("dashboard.chart.appeals"), CategoryHead: l.T("dashboard.head.kind"),
		Desc: l.T("dashboard.on_time_rate", "Rate", l.Decimal(100*d.Appeals.Total.OnTimeRate(), 0))}
	onTime, late, open := series(l, "dashboard.series.on_time", 0), series(l, "dashboard.series.late", 0), series(l, "dashboard.series.open", 0)
	for _, k := range d.Appeals.ByKind {
		c.Categories = append(c.Categories, l.T("appealkind."+k.Key))
		onTime.Values = append(onTime.Values, float64(k.OnTime))
		late.Values = append(late.Values, float64(k.Answered-k.OnTime))
		open.Values = append(open.Values, float64(k.Open))
	}
	c.Series = []chart.Series{onTime, late, open}
	return c
}

// stockCover sets each item's available stock beside the units asked by
// requests not yet allocated.
func stockCover(d Dashboard, l *i18n.Localizer) chart.Chart {
	c := chart.Chart{ID: "stock", Title: l.T("dashboard.chart.stock"), CategoryHead: l.T("dashboard.head.item")}
	avail, open := series(l, "dashboard.series.available", 0), series(l, "dashboard.series.open_demand", 0)
	for _, it := range d.Items {
		c.Categories = append(c.Categories, it.Name)
		avail.Values = append(avail.Values, float64(max(it.Available, 0)))
		open.Values = append(open.Values, float64(it.Open))
	}
	c.Series = []chart.Series{avail, open}
	return c
}

func deliveryRisks(d Dashboard, l *i18n.Localizer) chart.Chart {
	c := chart.Chart{ID: "deliveries", Title: l.T("dashboard.chart.deliveries"), CategoryHead: l.T("dashboard.head.risk")}
	s := series(l, "dashboard.series.deliveries", 0)
	for _, r := range d.Deliveries.ByRisk {
		c.Categories = append(c.Categories, l.T("delivery.risk."+r.Risk))
		s.Values = append(s.Values, float64(r.Count))
	}
	c.Series = []chart.Series{s}
	return c
}

// cash is one chart per currency — amounts in different currencies are
// never added up, nor drawn against one axis: what was given, pledged,
// and of the pledged received, in whole units of the currency.
func cash(d Dashboard, l *i18n.Localizer) []chart.Chart {
	var out []chart.Chart
	for _, m := range d.Gifts.Money {
		scale := math.Pow10(m.Digits)
		c := chart.Chart{ID: "cash-" + strings.ToLower(m.Currency), Title: l.T("dashboard.chart.cash", "Currency", m.Currency),
			CategoryHead: l.T("dashboard.head.money"), Unit: m.Currency, Decimals: m.Digits,
			Categories: []string{l.T("dashboard.series.given"), l.T("dashboard.series.pledged"), l.T("dashboard.series.fulfilled")}}
		c.Series = []chart.Series{{Name: l.T("dashboard.series.amount"),
			Values: []float64{float64(m.Given) / scale, float64(m.Pledged) / scale, float64(m.Fulfilled) / scale}}}
		out = append(out, c)
	}
	return out
}

// pledges counts the pledges fulfilled, open and overdue.
func pledges(d Dashboard, l *i18n.Localizer) chart.Chart {
	g := d.Gifts
	c := chart.Chart{ID: "pledges", Title: l.T("dashboard.chart.pledges"), CategoryHead: l.T("dashboard.head.status")}
	if g.Pledges == 0 {
		return c
	}
	c.Categories = []string{l.T("dashboard.series.pledges_fulfilled"), l.T("dashboard.series.open"), l.T("dashboard.series.overdue")}
	c.Series = []chart.Series{{Name: l.T("dashboard.series.pledges"),
		Values: []float64{float64(g.PledgesFulfilled), float64(g.PledgesOpen - g.PledgesOverdue), float64(g.PledgesOverdue)}}}
	return c
}

func hours(d Dashboard, l *i18n.Localizer) chart.Chart {
	c := chart.Chart{ID: "hours", Title: l.T("dashboard.chart.hours"), CategoryHead: l.T("dashboard.head.skill"), Decimals: 1}
	s := series(l, "dashboard.series.hours", 0)
	for _, h := range d.Hours.BySkill {
		c.Categories = append(c.Categories, l.T("aftercare.skill."+h.Skill))
		s.Values = append(s.Values, h.Hours)
	}
	c.Series = []chart.Series{s}
	return c
}
