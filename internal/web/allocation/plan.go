package allocation

import (
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/i18n"
)

// planView is a plan as the page shows it: its figures and its tables by
// warehouse, region and item, named in the reader's language, and how
// many lines wait for each reason.
type planView struct {
	*allocation.Plan
	Run        *allocation.Run // the run kept, when shown from the history
	Warehouses []warehouseRow
	Regions    []regionRow
	Items      []itemRow
	Reasons    []reasonRow
	MultiUnit  int // lines asking for more than one unit, left out
}

type warehouseRow struct {
	allocation.WarehouseTally
	Name string
}

type regionRow struct {
	allocation.RegionTally
	Name string
}

type itemRow struct {
	allocation.ItemTally
	Name string
}

type reasonRow struct {
	Reason string
	Lines  int
}

// planOf names plan p for the reader.
func planOf(rq *request, n *names, p *allocation.Plan) *planView {
	v := &planView{Plan: p}
	for _, w := range p.Warehouses {
		name := w.Name
		if name == "" {
			name = n.warehouse(w.WarehouseID)
		}
		v.Warehouses = append(v.Warehouses, warehouseRow{WarehouseTally: w, Name: name})
	}
	for _, r := range p.Regions {
		v.Regions = append(v.Regions, regionRow{RegionTally: r, Name: n.region(r.Region)})
	}
	for _, it := range p.Items {
		v.Items = append(v.Items, itemRow{ItemTally: it, Name: n.item(it.ItemID)})
	}
	count := map[allocation.Outcome]int{}
	for _, r := range p.Results {
		count[r.Outcome]++
	}
	v.MultiUnit = count[allocation.MultiUnit]
	for _, o := range outcomes {
		if count[o.outcome] > 0 {
			v.Reasons = append(v.Reasons, reasonRow{Reason: rq.L.T(o.Key), Lines: count[o.outcome]})
		}
	}
	return v
}

// outcomes are the reasons a line waits, in the order the page lists
// them, with their names.
var outcomes = []struct {
	outcome allocation.Outcome
	Key     string
}{
	{outcome: allocation.NoStock, Key: "allocation.outcome.no_stock"},
	{outcome: allocation.QuotaReached, Key: "allocation.outcome.quota"},
	{outcome: allocation.NoRoute, Key: "allocation.outcome.no_route"},
	{outcome: allocation.MultiUnit, Key: "allocation.outcome.multi_unit"},
}

// percent writes basis points as a percentage in the reader's way:
// 1250 is "12.5" in English, "12,5" in Russian.
func percent(rq *request, bp int64) string {
	s := rq.L.Number(bp / 100)
	if frac := bp % 100; frac != 0 {
		s += decimalSep(rq.L.Locale()) + strings.TrimSuffix(strconv.FormatInt(100+frac, 10)[1:], "0")
	}
	return s
}

// readPercent reads a percentage typed with a point or a comma and at
// most two decimals as basis points; ok is false for anything else.
func readPercent(s string) (int64, bool) {
	s = strings.ReplaceAll(strings.ReplaceAll(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%")), ",", "."),
		"\u066b", ".")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(frac) > 2 {
		return 0, false
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w < 0 || w > allocation.MaxShare/100 {
		return 0, false // above 100 %: refused here, before w*100 could wrap round into the range
	}
	f := int64(0)
	if frac != "" {
		if f, err = strconv.ParseInt((frac + "0")[:2], 10, 64); err != nil || f < 0 {
			return 0, false
		}
	}
	return w*100 + f, true
}

// decimalSep is the locale's decimal separator (CLDR).
func decimalSep(l i18n.Locale) string {
	switch l {
	case i18n.KK, i18n.RU, i18n.FR:
		return ","
	case i18n.FA:
		return "\u066b"
	}
	return "."
}
