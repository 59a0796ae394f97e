package dashboard

import (
	"slices"

	"github.com/jolproject/jol/internal/chart"
	"github.com/jolproject/jol/internal/i18n"
)

// YearFigure sets one programme's campaigns of this year against those of
// last year (the year a campaign starts in): children reached and
// delivered within the reader's region subtree, and how many campaigns.
type YearFigure struct {
	Programme     string `json:"programme"`
	Year          int    `json:"year"`
	Campaigns     int    `json:"campaigns"`
	Reached       int64  `json:"reached"`
	Delivered     int64  `json:"delivered"`
	LastCampaigns int    `json:"last_campaigns"`
	LastReached   int64  `json:"last_reached"`
	LastDelivered int64  `json:"last_delivered"`
}

// years groups the campaigns' totals by programme, this year (year) and
// the one before; programmes with no campaign in either year are left
// out. Programmes come in the order their first campaign is listed.
func years(campaigns []CampaignFigure, year int) []YearFigure {
	var out []YearFigure
	at := map[string]int{}
	for _, c := range campaigns {
		if c.Year != year && c.Year != year-1 {
			continue
		}
		i, ok := at[c.Programme]
		if !ok {
			i = len(out)
			at[c.Programme] = i
			out = append(out, YearFigure{Programme: c.Programme, Year: year})
		}
		f := &out[i]
		if c.Year == year {
			f.Campaigns++
			f.Reached += c.Reached
			f.Delivered += c.Delivered
		} else {
			f.LastCampaigns++
			f.LastReached += c.Reached
			f.LastDelivered += c.Delivered
		}
	}
	slices.SortStableFunc(out, func(a, b YearFigure) int { return compareProgrammes(a.Programme, b.Programme) })
	return out
}

// programmes is the order programmes are shown in.
var programmes = []string{"kits", "devices", "delivery", "out_of_school", "mentoring"}

func compareProgrammes(a, b string) int {
	ia, ib := slices.Index(programmes, a), slices.Index(programmes, b)
	if ia < 0 {
		ia = len(programmes)
	}
	if ib < 0 {
		ib = len(programmes)
	}
	return ia - ib
}

// yearChart sets each programme's children reached this year beside last
// year's.
func yearChart(d Dashboard, l *i18n.Localizer) chart.Chart {
	c := chart.Chart{ID: "years", Kind: chart.Columns, Title: l.T("dashboard.chart.years"), CategoryHead: l.T("dashboard.head.programme"),
		Unit: l.T("dashboard.series.children")}
	now, before := series(l, "dashboard.series.this_year", len(d.Years)), series(l, "dashboard.series.last_year", len(d.Years))
	before.Muted = true
	for _, y := range d.Years {
		c.Categories = append(c.Categories, l.T("campaign.programme."+y.Programme))
		now.Values = append(now.Values, float64(y.Reached))
		before.Values = append(before.Values, float64(y.LastReached))
	}
	c.Series = []chart.Series{now, before}
	return c
}
