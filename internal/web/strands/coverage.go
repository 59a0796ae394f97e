package strands

import (
	"html/template"
	"iter"
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/chart"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/outcomes"
	"github.com/jolproject/jol/internal/tabular"
	"github.com/jolproject/jol/internal/web/kit"
)

// coverageView is the coverage report: the total against the target, the
// tables by age group, region and strand, and a chart by age group.
type coverageView struct {
	Page
	Report outcomes.Report
	Codes  []outcomes.Code
	Region func(code string) string
	Chart  template.HTML // the age groups' chart; AgeTable holds its numbers
	// AgeTable and RegionTable are the report's two tables.
	AgeTable, RegionTable tallyTable
}

// tallyTable is one table of the report: a row per age group or region.
type tallyTable struct {
	L        *i18n.Localizer
	Codes    []outcomes.Code
	Region   func(code string) string
	ID, Head string
	Rows     []outcomes.Tally
	ByRegion bool
}

// Coverage shows the coverage of the young people within the reader's
// scope against the programme's target.
func (s *Server) Coverage(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	rep, err := s.svc.Outcomes.Coverage(ctx, rq.P)
	if err != nil {
		return err
	}
	v := coverageView{Page: s.Page(r, rq, "coverage.title"), Report: rep, Codes: outcomes.Codes(),
		Region: s.RegionNamer(ctx, s.svc.Geo, string(rq.L.Locale()))}
	v.AgeTable = tallyTable{L: rq.L, Codes: v.Codes, Region: v.Region, ID: "by-age", Head: rq.L.T("coverage.age_group"),
		Rows: rep.ByAgeGroup}
	v.RegionTable = tallyTable{L: rq.L, Codes: v.Codes, Region: v.Region, ID: "by-region", Head: rq.L.T("field.region"),
		Rows: rep.ByRegion, ByRegion: true}
	if rep.Total.Registered > 0 {
		c := ageChart(rq.L, rep)
		c.Width = chart.ScreenWidth
		if v.Chart, err = c.SVG(rq.L.Locale()); err != nil {
			return err
		}
	}
	s.Render(w, http.StatusOK, "coverage", &v)
	return nil
}

// ageChart draws the young people registered and reached by age group.
func ageChart(l *i18n.Localizer, rep outcomes.Report) chart.Chart {
	c := chart.Chart{ID: "coverage-age", Kind: chart.Bars, Title: l.T("coverage.by_age_group"),
		CategoryHead: l.T("coverage.age_group"), Unit: l.T("coverage.young_people"),
		Series: []chart.Series{{Name: l.T("coverage.registered"), Muted: true}, {Name: l.T("coverage.covered")}}}
	for _, t := range rep.ByAgeGroup {
		c.Categories = append(c.Categories, l.Digits(t.Key))
		c.Series[0].Values = append(c.Series[0].Values, float64(t.Registered))
		c.Series[1].Values = append(c.Series[1].Values, float64(t.Covered))
	}
	return c
}

// CoverageExport downloads the coverage report as ?format=csv or xlsx:
// one row per age group, region and strand. It holds counts only, no
// young person, so it writes no access log.
func (s *Server) CoverageExport(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	format := r.URL.Query().Get("format")
	if format != kit.CSV {
		format = kit.XLSX
	}
	rep, err := s.svc.Outcomes.Coverage(ctx, rq.P)
	if err != nil {
		return err
	}
	region := s.RegionNamer(ctx, s.svc.Geo, string(rq.L.Locale()))
	header := []string{rq.L.T("coverage.group"), rq.L.T("coverage.key"), rq.L.T("coverage.registered"), rq.L.T("coverage.covered"),
		rq.L.T("strand.mentoring"), rq.L.T("strand.leaders"), rq.L.T("strand.creative")}
	for _, c := range outcomes.Codes() {
		header = append(header, rq.L.T("outcome."+string(c)))
	}
	rows := func(yield func([]string) bool) {
		line := func(group, key string, t outcomes.Tally) bool {
			row := []string{group, key}
			for _, n := range []int{t.Registered, t.Covered, t.Mentoring, t.Leaders, t.Creative} {
				row = append(row, strconv.Itoa(n))
			}
			for _, c := range outcomes.Codes() {
				row = append(row, strconv.Itoa(t.Outcomes[c]))
			}
			return yield(row)
		}
		if !line(rq.L.T("coverage.total"), strconv.Itoa(rep.Target), rep.Total) {
			return
		}
		for _, t := range rep.ByAgeGroup {
			if !line(rq.L.T("coverage.age_group"), t.Key, t) {
				return
			}
		}
		for _, t := range rep.ByRegion {
			if !line(rq.L.T("field.region"), region(t.Key), t) {
				return
			}
		}
	}
	name := "coverage-" + s.Today(rq).Format("2006-01-02") + "." + format
	h := w.Header()
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store")
	var seq iter.Seq[[]string] = rows
	if format == kit.CSV {
		h.Set("Content-Type", "text/csv; charset=utf-8")
		return tabular.WriteCSV(w, header, seq)
	}
	h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	return tabular.WriteXLSX(w, rq.L.T("coverage.title"), header, seq, rq.L.Locale() == i18n.FA)
}
