package stock

import (
	"net/http"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/web/kit"
)

// warehouseFields are the fields of the form that opens or edits a
// warehouse, in page order.
var warehouseFields = []string{"code", "name", "kind", "org_id", "region", "address", "active"}

// warehousesView lists the warehouses in the user's scope.
type warehousesView struct {
	Page
	listing
	Warehouses []stock.Warehouse
	CanManage  bool
	Form       *form
	Kinds      []option
	Orgs       []option
	// Region names a region code in the reader's language.
	Region func(code string) string
}

// Warehouses lists the warehouses and distribution points the user may
// see, with their totals, and the form that opens one.
func (s *Server) Warehouses(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, warehouseFields...)
	f.Values["active"], f.Values["kind"] = "on", string(stock.Store)
	return s.renderWarehouses(w, r, rq, f, http.StatusOK)
}

func (s *Server) renderWarehouses(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	ctx := r.Context()
	n, err := s.svc.Stock.WarehousesCount(ctx, rq.P)
	if err != nil {
		return err
	}
	pg := kit.PagingOf(r).Fit(n)
	list, next, err := s.svc.Stock.WarehousePage(ctx, rq.P, pg.Store())
	if err != nil {
		return err
	}
	v := warehousesView{Page: s.Page(r, rq, "stock.warehouses"), listing: pg.Listing(r, next, n), Warehouses: list, Form: f,
		CanManage: access.Allowed(rq.P, access.ManageWarehouses), Region: s.RegionNamer(ctx, s.svc.Geo, string(rq.L.Locale()))}
	if v.CanManage {
		v.Kinds = kit.Choices(stock.WarehouseKinds(), f.Values["kind"], "", kit.Key[stock.WarehouseKind](rq.L, "stock.kind."))
		if v.Orgs, err = kit.OrgOptions(ctx, s.svc.Orgs, rq.P, f.Values["org_id"], "—", 0); err != nil {
			return err
		}
	}
	s.Render(w, status, "warehouses", &v)
	return nil
}

// WarehouseCreate opens a warehouse.
func (s *Server) WarehouseCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, warehouseFields...)
	in := warehouseInput(rq, f)
	if len(f.FieldErrs) == 0 {
		wh, err := s.svc.Stock.CreateWarehouse(r.Context(), rq.P, in)
		if err == nil {
			s.Flash(r, "stock.warehouse_created")
			return kit.SeeOther(w, r, "/warehouses/"+kit.Itoa(wh.ID))
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	return s.renderWarehouses(w, r, rq, f, http.StatusUnprocessableEntity)
}

func warehouseInput(rq *request, f *form) stock.WarehouseInput {
	return stock.WarehouseInput{Code: f.Values["code"], Name: f.Values["name"], Kind: stock.WarehouseKind(f.Values["kind"]),
		OrgID: kit.FilterID(rq, f, "org_id"), RegionCode: kit.NormRegion(f.Values["region"]), Address: f.Values["address"],
		Active: f.Values["active"] != ""}
}

// warehouseView is a warehouse's page: its balances, lots and transfers
// on their way, with links to its movements.
type warehouseView struct {
	Page
	Warehouse stock.Warehouse
	Balances  []balanceRow
	Lots      []lotRow
	Transit   []transitRow
	CanMove   bool
	CanManage bool
	Links     []kindLink
	Form      *form
	Kinds     []option
	Orgs      []option
	// Region names a region code in the reader's language.
	Region func(code string) string
}

type balanceRow struct {
	stock.Balance
	Name string
}

type lotRow struct {
	stock.LotBalance
	Name string
	Cost string // the unit cost of a purchase, in the currency's units, as the reader writes numbers
}

// transitRow is a transfer on its way, with the units it carries.
type transitRow struct {
	stock.Entry
	Units int64
}

// kindLink is a link to the form of one kind of movement.
type kindLink struct {
	Kind  stock.DocKind
	Label string
}

// Warehouse shows the {id} warehouse.
func (s *Server) Warehouse(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderWarehouse(w, r, rq, nil, http.StatusOK)
}

func (s *Server) renderWarehouse(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	wh, err := s.svc.Stock.Warehouse(ctx, rq.P, id)
	if err != nil {
		return err
	}
	cat, err := s.catalogue(ctx, rq)
	if err != nil {
		return err
	}
	v := warehouseView{Page: s.Page(r, rq, "stock.warehouse"), Warehouse: wh,
		CanMove:   access.Can(rq.P, access.MoveStock, wh.Target()) == nil && wh.Active,
		CanManage: access.Can(rq.P, access.ManageWarehouses, wh.Target()) == nil,
		Region:    s.RegionNamer(ctx, s.svc.Geo, string(rq.L.Locale()))}
	v.Title = wh.Name
	bs, err := s.svc.Stock.Balances(ctx, rq.P, id)
	if err != nil {
		return err
	}
	for _, b := range bs {
		v.Balances = append(v.Balances, balanceRow{b, cat.name(b.ItemID)})
	}
	lots, err := s.svc.Stock.LotBalances(ctx, rq.P, id)
	if err != nil {
		return err
	}
	for _, l := range lots {
		v.Lots = append(v.Lots, lotRow{l, cat.name(l.ItemID), rq.L.Decimal(float64(l.UnitCost)/100, 2)})
	}
	transit, err := s.svc.Stock.InTransitTo(ctx, rq.P, id)
	if err != nil {
		return err
	}
	for _, e := range transit {
		v.Transit = append(v.Transit, transitRow{e, -e.Net})
	}
	for _, k := range formKinds {
		v.Links = append(v.Links, kindLink{k, rq.L.T("stock.doc." + string(k))})
	}
	if v.CanManage {
		if f == nil {
			f = kit.NewForm(nil, warehouseFields...)
			f.Values["code"], f.Values["name"], f.Values["kind"] = wh.Code, wh.Name, string(wh.Kind)
			f.Values["org_id"], f.Values["region"], f.Values["address"] = kit.Itoa(wh.OrgID), wh.RegionCode, wh.Address
			if wh.Active {
				f.Values["active"] = "on"
			}
		}
		v.Form = f
		v.Kinds = kit.Choices(stock.WarehouseKinds(), f.Values["kind"], "", kit.Key[stock.WarehouseKind](rq.L, "stock.kind."))
		if v.Orgs, err = kit.OrgOptions(ctx, s.svc.Orgs, rq.P, f.Values["org_id"], "—", 0); err != nil {
			return err
		}
	}
	s.Render(w, status, "warehouse", &v)
	return nil
}

// WarehouseUpdate edits the {id} warehouse.
func (s *Server) WarehouseUpdate(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, warehouseFields...)
	in := warehouseInput(rq, f)
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.Stock.UpdateWarehouse(r.Context(), rq.P, id, in)
		if err == nil {
			s.Flash(r, "stock.warehouse_saved")
			return kit.SeeOther(w, r, "/warehouses/"+kit.Itoa(id))
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	return s.renderWarehouse(w, r, rq, f, http.StatusUnprocessableEntity)
}
