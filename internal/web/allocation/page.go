package allocation

import (
	"net/http"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/web/kit"
)

// pageView is a campaign's allocation page: its settings with their
// forms, the plan of a dry run just made, and the history of runs.
type pageView struct {
	Page
	C         campaign.Campaign
	Name      string
	CanManage bool
	Open      bool // runs are allowed
	CanChange bool // CanManage, and the campaign is not closed: its settings change
	Version   int
	Quotas    []quotaRow
	Routes    []routeRow
	Defaults  []defaultRow // warehouses serving their own region by default
	QuotaForm *form
	RouteForm *form
	Items     []option
	Kinds     []option
	Stores    []option
	Runs      []runRow
	Plan      *planView
	kit.Listing
}

type quotaRow struct {
	ID           int64
	Region, Item string
	Amount       string // "1,200" or "12.5 % of need"
}

type routeRow struct {
	WarehouseID       int64
	Warehouse, Region string
	RegionCode        string
	Cost              int64
}

type defaultRow struct{ Warehouse, Region string }

type runRow struct {
	allocation.Run
	Kind string
}

// quotaFields and routeFields are the settings' forms.
var (
	quotaFields = []string{"region", "item_id", "kind", "amount"}
	routeFields = []string{"warehouse_id", "region", "cost"}
)

// Allocation shows the {id} campaign's allocation page.
func (s *Server) Allocation(w http.ResponseWriter, r *http.Request, rq *request) error {
	c, err := s.campaignOf(r, rq)
	if err != nil {
		return err
	}
	v, err := s.view(r, rq, c, nil, nil)
	if err != nil {
		return err
	}
	s.Render(w, http.StatusOK, "allocation", v)
	return nil
}

// view builds the page of campaign c with the forms as posted (nil:
// empty).
func (s *Server) view(r *http.Request, rq *request, c campaign.Campaign, quota, route *form) (*pageView, error) {
	ctx := r.Context()
	st, err := s.svc.Allocation.Settings(ctx, rq.P, c.ID)
	if err != nil {
		return nil, err
	}
	n, err := s.names(ctx, rq)
	if err != nil {
		return nil, err
	}
	loc := string(rq.L.Locale())
	v := &pageView{Page: s.Page(r, rq, "allocation.title"), C: c, Name: c.Text(loc).Name, Version: st.Version,
		CanManage: access.Can(rq.P, allocation.ManageAction, c.Target()) == nil, Open: c.Status == campaign.Open,
		CanChange: access.Can(rq.P, allocation.ManageAction, c.Target()) == nil && c.Status != campaign.Closed &&
			c.Status != campaign.Reported,
		QuotaForm: quota, RouteForm: route}
	v.Title = rq.L.T("allocation.title_of", "Name", v.Name)
	if v.QuotaForm == nil {
		v.QuotaForm = kit.NewForm(nil, quotaFields...)
		v.QuotaForm.Values["kind"] = string(allocation.Fixed)
	}
	if v.RouteForm == nil {
		v.RouteForm = kit.NewForm(nil, routeFields...)
	}
	for _, q := range st.Quotas {
		row := quotaRow{ID: q.ID, Region: n.region(q.Region), Item: rq.L.T("allocation.every_item"),
			Amount: rq.L.Number(q.Amount)}
		if q.ItemID != 0 {
			row.Item = n.item(q.ItemID)
		}
		if q.Kind == allocation.Share {
			row.Amount = rq.L.T("allocation.share_of_need", "Share", percent(rq, q.Amount))
		}
		v.Quotas = append(v.Quotas, row)
	}
	whs, err := s.svc.Allocation.Warehouses(ctx, rq.P, c.ID)
	if err != nil {
		return nil, err
	}
	routable, err := s.svc.Allocation.RouteWarehouses(ctx, rq.P, c.ID)
	if err != nil {
		return nil, err
	}
	for _, w := range routable {
		v.Stores = append(v.Stores, option{Value: kit.Itoa(w.ID), Label: w.Name,
			Selected: v.RouteForm.Values["warehouse_id"] == kit.Itoa(w.ID)})
	}
	for _, w := range whs {
		n.warehouses[w.ID] = w.Name
		if w.Routes == nil {
			v.Defaults = append(v.Defaults, defaultRow{Warehouse: w.Name, Region: n.region(w.Region)})
		}
		for _, rt := range w.Routes {
			v.Routes = append(v.Routes, routeRow{WarehouseID: w.ID, Warehouse: w.Name, Region: n.region(rt.Region),
				RegionCode: rt.RegionCode, Cost: rt.Cost})
		}
	}
	v.Items = []option{{Value: "0", Label: rq.L.T("allocation.every_item"), Selected: v.QuotaForm.Values["item_id"] == "0"}}
	for _, it := range c.Items {
		v.Items = append(v.Items, option{Value: kit.Itoa(it.ItemID), Label: n.item(it.ItemID),
			Selected: v.QuotaForm.Values["item_id"] == kit.Itoa(it.ItemID)})
	}
	v.Kinds = kit.Choices(allocation.QuotaKinds(), v.QuotaForm.Values["kind"], "",
		kit.Key[allocation.QuotaKind](rq.L, "allocation.kind."))
	count, err := s.svc.Allocation.RunsCount(ctx, rq.P, c.ID)
	if err != nil {
		return nil, err
	}
	pg := kit.PagingOf(r).Fit(count)
	runs, next, err := s.svc.Allocation.RunPage(ctx, rq.P, c.ID, pg.Store())
	if err != nil {
		return nil, err
	}
	// The pager links to the campaign's page, also when a refused form
	// posted elsewhere shows it again.
	at := r.Clone(ctx)
	at.URL.Path = "/campaigns/" + kit.Itoa(c.ID) + "/allocation"
	v.Listing = pg.Listing(at, next, count)
	for _, x := range runs {
		v.Runs = append(v.Runs, runRow{Run: x, Kind: rq.L.T(runKind(x))})
	}
	return v, nil
}

// runKind is the message key naming what a run was.
func runKind(r allocation.Run) string {
	switch {
	case !r.Committed:
		return "allocation.run.dry"
	case r.Kind == allocation.KindWaitlist:
		return "allocation.run.waitlist"
	}
	return "allocation.run.committed"
}
