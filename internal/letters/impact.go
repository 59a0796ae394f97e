package letters

import (
	"strings"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/sponsors"
)

// impactText tells where a sponsor's gifts in kind went, a line for each
// item and institution or region: "“Backpack”, 20 pcs., reached Children
// Support Centre No. 3 (Karaganda Region): 17 children in grades 1–4".
// Counts take their plural forms in the reader's language; no child is
// named, only counted.
func impactText(loc *i18n.Localizer, im sponsors.Impact) string {
	if len(im.Lines) == 0 {
		return loc.T("letters.impact_none")
	}
	lang := string(loc.Locale())
	lines := []string{loc.T("letters.impact_intro")}
	for _, l := range im.Lines {
		args := []any{"Item", l.Item.In(lang), "Units", loc.Number(l.Units), "Count", l.Children,
			"Region", l.Region.In(lang), "Grades", grades(loc, l.GradeMin, l.GradeMax)}
		key := "letters.impact_region"
		if l.Institution != "" {
			key = "letters.impact_institution"
			args = append(args, "Institution", l.Institution)
		}
		if l.Children == 0 {
			key += "_units"
		}
		lines = append(lines, "• "+strings.TrimSpace(loc.T(key, args...)))
	}
	return strings.Join(lines, "\n")
}

// grades is " in grades 1–4" in the reader's language, "" when unknown.
func grades(loc *i18n.Localizer, lo, hi int) string {
	switch {
	case lo == 0 && hi == 0:
		return ""
	case lo == 0 || lo == hi:
		return loc.T("letters.grade", "Grade", loc.Number(int64(max(lo, hi))))
	}
	return loc.T("letters.grades", "From", loc.Number(int64(lo)), "To", loc.Number(int64(hi)))
}

// giftsText sums the sponsor's cash gifts to the campaign per currency:
// "Your gifts to the campaign: 500 000,00 KZT and 1 200,00 USD." ("" when
// there are none).
func giftsText(loc *i18n.Localizer, gifts []sponsors.Gift, campaign int64) string {
	sums := map[sponsors.Currency]int64{}
	for _, g := range gifts {
		if g.CampaignID == campaign {
			sums[g.Currency] += g.Amount
		}
	}
	var parts []string
	for _, c := range sponsors.Currencies() {
		if n, ok := sums[c]; ok {
			parts = append(parts, money(loc, n, c))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return loc.T("letters.gifts", "Amounts", strings.Join(parts, loc.T("common.list_separator")))
}

// money writes n minor units of c in the reader's digits and grouping,
// the minor units shown only when there are some: "500 000 KZT",
// "1 200,50 USD".
func money(loc *i18n.Localizer, n int64, c sponsors.Currency) string {
	unit := int64(1)
	for range c.Digits() {
		unit *= 10
	}
	amount := loc.Number(n / unit)
	if n%unit != 0 {
		amount = loc.Decimal(float64(n)/float64(unit), c.Digits())
		if n%10 == 0 { // Decimal drops a trailing zero: 1 200,5 → 1 200,50
			amount += loc.Digits("0")
		}
	}
	return loc.T("letters.amount", "Amount", amount, "Currency", loc.T("letters.currency."+strings.ToLower(string(c))))
}
