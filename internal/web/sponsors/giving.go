package sponsors

import (
	"context"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/sponsors"
)

// readGiving reads sponsor id's giving for the reader, named in the
// reader's language.
func (s *Server) readGiving(ctx context.Context, rq *request, id int64) (giving, error) {
	var g giving
	var err error
	sv := s.svc.Sponsors
	gifts, err := sv.Gifts(ctx, rq.P, id)
	if err != nil {
		return g, err
	}
	for _, gf := range gifts {
		g.Gifts = append(g.Gifts, giftRow{Gift: gf, Sum: money(rq, gf.Amount, gf.Currency)})
	}
	pledges, err := sv.Pledges(ctx, rq.P, id)
	if err != nil {
		return g, err
	}
	items, err := s.svc.Campaigns.Items(ctx, access.System, true)
	if err != nil {
		return g, err
	}
	l := string(rq.L.Locale())
	name := map[int64]string{}
	for _, it := range items {
		name[it.ID] = it.Name(l)
	}
	for _, p := range pledges {
		r := pledgeRow{Pledge: p}
		if p.Kind == sponsors.Money {
			r.What = money(rq, p.Amount, p.Currency)
			r.Done = money(rq, p.Fulfilled, p.Currency)
		} else {
			r.What = rq.L.Number(p.Quantity) + " × " + name[p.ItemID]
			r.Done = rq.L.Number(p.Fulfilled)
		}
		g.Pledges = append(g.Pledges, r)
	}
	if g.Receipts, err = sv.Receipts(ctx, rq.P, id); err != nil {
		return g, err
	}
	byDoc := map[int64]string{}
	for _, r := range g.Receipts {
		if r.DocID != 0 {
			byDoc[r.DocID] = r.Code
		}
	}
	kind, err := sv.InKind(ctx, rq.P, id)
	if err != nil {
		return g, err
	}
	for _, d := range kind {
		var parts []string
		for _, ln := range d.Lines {
			parts = append(parts, rq.L.Number(ln.Quantity)+" × "+name[ln.ItemID])
		}
		g.InKind = append(g.InKind, inKindRow{DocID: d.DocID, Warehouse: d.WarehouseName, Day: d.At,
			Items: strings.Join(parts, rq.L.T("common.list_separator")), Receipt: byDoc[d.DocID]})
	}
	if g.Impact, err = sv.Impact(ctx, rq.P, id, 0); err != nil {
		return g, err
	}
	for _, ln := range g.Impact.Lines {
		r := impactRow{Item: ln.Item.In(l), Units: ln.Units, Children: ln.Children, Where: ln.Region.In(l)}
		if ln.Institution != "" {
			r.Where = ln.Institution + " · " + r.Where
		}
		if ln.GradeMin > 0 {
			r.Grades = rq.L.Number(int64(ln.GradeMin)) + "–" + rq.L.Number(int64(ln.GradeMax))
		}
		g.Lines = append(g.Lines, r)
	}
	return g, nil
}

// money shows minor units n of c as the reader writes an amount.
func money(rq *request, n int64, c sponsors.Currency) string {
	return sponsors.FormatMoney(rq.L, n, c)
}
