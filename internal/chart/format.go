package chart

import "github.com/jolproject/jol/internal/i18n"

// formatter writes a chart's values in its locale.
type formatter struct {
	loc i18n.Locale
	c   *Chart
}

// value writes v with the chart's decimals, and its unit when that is a
// percent sign (the Arabic percent sign in Persian).
func (f formatter) value(v float64) string {
	s := f.loc.Decimal(v, f.c.Decimals)
	if f.c.Unit == "%" {
		if f.loc == i18n.FA {
			return s + "٪"
		}
		return s + "%"
	}
	return s
}

// share writes part as a whole percentage of whole.
func (f formatter) share(part, whole float64) string {
	if whole <= 0 {
		return ""
	}
	pct := "%"
	if f.loc == i18n.FA {
		pct = "٪"
	}
	return f.loc.Decimal(100*part/whole, 0) + pct
}
