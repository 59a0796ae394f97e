package stock

import (
	"net/http"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/web/kit"
)

// historyView is a warehouse's documents, a page at a time.
type historyView struct {
	Page
	listing
	Warehouse stock.Warehouse
	Entries   []stock.Entry
}

// History lists the documents of the {id} warehouse, newest first.
func (s *Server) History(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	wh, err := s.svc.Stock.Warehouse(ctx, rq.P, id)
	if err != nil {
		return err
	}
	n, err := s.svc.Stock.HistoryCount(ctx, rq.P, id)
	if err != nil {
		return err
	}
	pg := kit.PagingOf(r).Fit(n)
	list, next, err := s.svc.Stock.History(ctx, rq.P, id, pg.Store())
	if err != nil {
		return err
	}
	v := historyView{Page: s.Page(r, rq, "stock.history"), listing: pg.Listing(r, next, n), Warehouse: wh, Entries: list}
	v.Title = wh.Name + " · " + rq.L.T("stock.history")
	s.Render(w, http.StatusOK, "history", &v)
	return nil
}

// devicesView lists a page of a warehouse's devices, newest first.
type devicesView struct {
	Page
	listing
	Warehouse stock.Warehouse
	Units     []deviceRow
	States    []option
	Filter    *form
}

type deviceRow struct {
	stock.Unit
	Name string
}

// deviceStates are the states a device list filters by.
var deviceStates = []string{stock.UnitInStock, stock.UnitInTransit, stock.UnitIssued, stock.UnitWrittenOff}

// Devices lists the devices of the {id} warehouse in the state ?state=
// (in stock by default; every state when "all").
func (s *Server) Devices(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	wh, err := s.svc.Stock.Warehouse(ctx, rq.P, id)
	if err != nil {
		return err
	}
	f := kit.QueryForm(r, "state")
	state := f.Values["state"]
	if state == "" {
		state, f.Values["state"] = stock.UnitInStock, stock.UnitInStock
	}
	if state == "all" {
		state = ""
	}
	n, err := s.svc.Stock.UnitsCount(ctx, rq.P, id, state)
	if err != nil {
		return err
	}
	pg := kit.PagingOf(r).Fit(n)
	units, next, err := s.svc.Stock.UnitPage(ctx, rq.P, id, state, pg.Store())
	if err != nil {
		return err
	}
	cat, err := s.catalogue(ctx, rq)
	if err != nil {
		return err
	}
	v := devicesView{Page: s.Page(r, rq, "stock.devices"), listing: pg.Listing(r, next, n), Warehouse: wh, Filter: f}
	v.Title = wh.Name + " · " + rq.L.T("stock.devices")
	v.States = kit.Choices(append(deviceStates, "all"), f.Values["state"], "", kit.Key[string](rq.L, "stock.unit."))
	for _, u := range units {
		v.Units = append(v.Units, deviceRow{u, cat.name(u.ItemID)})
	}
	s.Render(w, http.StatusOK, "devices", &v)
	return nil
}

// docView is one document with its moves, and the form that completes it
// (a transfer's arrival, a handover's return) when the user may.
type docView struct {
	Page
	Doc        stock.Doc
	Kind       stock.DocKind // the columns of the form's lines
	Moves      []moveRow
	From, To   string
	Donor      string // the donor's name, when the user may see the donor
	Form       *form
	CanReceive bool
	CanReturn  bool
	Rows       []lineRow
}

type moveRow struct {
	stock.Move
	Name string
}

// DocPage shows the {id} document.
func (s *Server) DocPage(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderDoc(w, r, rq, kit.NewForm(nil, movementFields...), http.StatusOK)
}

func (s *Server) renderDoc(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	d, err := s.svc.Stock.Doc(ctx, rq.P, id)
	if err != nil {
		return err
	}
	cat, err := s.catalogue(ctx, rq)
	if err != nil {
		return err
	}
	v := docView{Page: s.Page(r, rq, "stock.doc."+string(d.Kind)), Doc: d, Kind: d.Kind, Form: f}
	v.Title = rq.L.T("stock.doc."+string(d.Kind)) + " № " + rq.L.Digits(kit.Itoa(d.ID))
	for _, m := range d.Moves {
		v.Moves = append(v.Moves, moveRow{m, cat.name(m.ItemID)})
	}
	if from, err := s.svc.Stock.Warehouse(ctx, rq.P, d.WarehouseID); err == nil {
		v.From = from.Name
		v.CanReturn = (d.Kind == stock.IssuePerson || d.Kind == stock.IssueInstitution) &&
			access.Can(rq.P, access.MoveStock, from.Target()) == nil
	}
	if d.DonorID != 0 {
		if dn, err := s.svc.Stock.Donor(ctx, rq.P, d.DonorID); err == nil {
			v.Donor = dn.Name
		}
	}
	if d.ToWarehouseID != 0 {
		if to, err := s.svc.Stock.Warehouse(ctx, rq.P, d.ToWarehouseID); err == nil {
			v.To = to.Name
			v.CanReceive = d.Status == stock.InTransit && access.Can(rq.P, access.MoveStock, to.Target()) == nil
		}
	}
	if v.CanReceive || v.CanReturn {
		for i := range formLines {
			v.Rows = append(v.Rows, lineRow{N: i + 1, Item: lineName(i, "item"), Size: lineName(i, "size"),
				Quantity: lineName(i, "quantity"), Serials: lineName(i, "serials"), Items: cat.options(f.Values[lineName(i, "item")], false)})
		}
	}
	s.Render(w, status, "doc", &v)
	return nil
}

// Receive records the arrival of the {id} transfer: everything sent when
// the form names no line, otherwise what its lines say.
func (s *Server) Receive(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.complete(w, r, rq, func(id int64, lines []stock.Line, f *form) (stock.Doc, error) {
		return s.svc.Stock.ReceiveTransfer(r.Context(), rq.P, stock.ArrivalInput{DocID: id, Lines: lines, Note: f.Values["note"],
			Locale: string(rq.L.Locale())})
	})
}

// Return records the return of what the {id} handover gave.
func (s *Server) Return(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.complete(w, r, rq, func(id int64, lines []stock.Line, f *form) (stock.Doc, error) {
		return s.svc.Stock.Return(r.Context(), rq.P, stock.ReturnInput{DocID: id, Lines: lines, Note: f.Values["note"],
			Locale: string(rq.L.Locale())})
	})
}

func (s *Server) complete(w http.ResponseWriter, r *http.Request, rq *request,
	do func(id int64, lines []stock.Line, f *form) (stock.Doc, error)) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, movementFields...)
	lines, rows := formLinesOf(rq, f)
	if len(f.FieldErrs) == 0 {
		d, err := do(id, lines, f)
		if err == nil {
			s.Flash(r, "stock.recorded")
			return kit.SeeOther(w, r, "/stock/docs/"+kit.Itoa(d.ID))
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
		renumber(f, rows)
	}
	return s.renderDoc(w, r, rq, f, http.StatusUnprocessableEntity)
}
