package campaigns

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/text"
)

// fillBands puts the distance bands into their rows, with one empty row
// after them for another.
func fillBands(v *rulesView, bands []eligibility.Band) {
	v.setBands(len(bands) + 1)
	for i, b := range bands {
		if i < len(v.Bands) {
			v.Form.Values[v.Bands[i].From] = strconv.FormatFloat(b.FromKm, 'f', -1, 64)
			v.Form.Values[v.Bands[i].Points] = strconv.Itoa(b.Points)
		}
	}
}

// readBands reads the rows of distance bands: an empty row is skipped, a
// row with only one of its two fields, a distance that is not one or
// points that are not a number is a mistake beside the field. The bands
// come back sorted by distance, with the form's row of each.
func readBands(rq *request, v *rulesView) ([]eligibility.Band, []int) {
	f := v.Form
	type row struct {
		band eligibility.Band
		at   int
	}
	var rows []row
	for i, b := range v.Bands {
		from, points := f.Values[b.From], f.Values[b.Points]
		switch {
		case from == "" && points == "":
			continue
		case from == "":
			f.Fail(rq.L, b.From, "error.band_incomplete")
			continue
		case points == "":
			f.Fail(rq.L, b.Points, "error.band_incomplete")
			continue
		}
		km, ok := text.ParseDecimal(from)
		if !ok || km < 0 {
			f.Fail(rq.L, b.From, "error.band_from")
		}
		p, okP := ruleInt(rq, f, b.Points)
		if ok && km >= 0 && okP {
			rows = append(rows, row{eligibility.Band{FromKm: km, Points: p}, i})
		}
	}
	slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(a.band.FromKm, b.band.FromKm) })
	var bands []eligibility.Band
	var at []int
	for _, r := range rows {
		bands, at = append(bands, r.band), append(at, r.at)
	}
	return bands, at
}

// addBand gives the form one more empty row of bands.
func (v *rulesView) addBand() {
	v.setBands(len(v.Bands) + 1)
}

// removeBand drops row i of the bands, moving the rows below it up.
func (v *rulesView) removeBand(i int) {
	f, n := v.Form, len(v.Bands)
	if i < 0 || i >= n {
		return
	}
	for k := i; k+1 < n; k++ {
		f.Values[v.Bands[k].From], f.Values[v.Bands[k].Points] = f.Values[v.Bands[k+1].From], f.Values[v.Bands[k+1].Points]
	}
	delete(f.Values, v.Bands[n-1].From)
	delete(f.Values, v.Bands[n-1].Points)
	v.setBands(n - 1)
}
