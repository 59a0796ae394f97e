package stock

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/web/kit"
)

// formKinds are the movements recorded from a warehouse's page; a
// transfer's arrival and a return are recorded from the document's page.
var formKinds = []stock.DocKind{stock.Donation, stock.Purchase, stock.Transfer, stock.Assembly, stock.IssuePerson,
	stock.IssueInstitution, stock.WriteOff, stock.Count}

// formLines is how many lines a movement form offers; a longer document
// is recorded in several, or through the API.
const formLines = 8

// movementFields are the fields of every movement form, in page order.
var movementFields = func() []string {
	out := []string{"kind", "donor_id", "currency", "to_warehouse_id", "kit_id", "quantity", "reference", "line",
		"serials", "org_id", "reason"}
	for i := range formLines {
		for _, f := range []string{"item", "size", "quantity", "serials", "unit_cost", "counted"} {
			out = append(out, lineName(i, f))
		}
	}
	return append(out, "note")
}()

func lineName(i int, field string) string { return "lines." + strconv.Itoa(i) + "." + field }

// movementView is the form of one kind of movement at a warehouse.
type movementView struct {
	Page
	Warehouse stock.Warehouse
	Kind      stock.DocKind
	Form      *form
	Rows      []lineRow
	Donors    []option
	Dests     []option
	Kits      []option
	Orgs      []option
	Reasons   []option
}

// lineRow is one line of the form, with its field names.
type lineRow struct {
	N                                            int
	Item, Size, Quantity, Serials, Cost, Counted string
	Items                                        []option
}

// MovementForm shows the form of the movement ?kind= at the {id}
// warehouse.
func (s *Server) MovementForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, movementFields...)
	f.Values["kind"], f.Values["line"] = r.URL.Query().Get("kind"), "1"
	return s.renderMovement(w, r, rq, f, http.StatusOK)
}

func (s *Server) renderMovement(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	wh, err := s.svc.Stock.Warehouse(ctx, rq.P, id)
	if err != nil {
		return err
	}
	if err := access.Can(rq.P, access.MoveStock, wh.Target()); err != nil {
		return err
	}
	kind := stock.DocKind(f.Values["kind"])
	if !slices.Contains(formKinds, kind) {
		kind = stock.Donation
		f.Values["kind"] = string(kind)
	}
	cat, err := s.catalogue(ctx, rq)
	if err != nil {
		return err
	}
	v := movementView{Page: s.Page(r, rq, "stock.doc."+string(kind)), Warehouse: wh, Kind: kind, Form: f}
	for i := range formLines {
		v.Rows = append(v.Rows, lineRow{N: i + 1, Item: lineName(i, "item"), Size: lineName(i, "size"),
			Quantity: lineName(i, "quantity"), Serials: lineName(i, "serials"), Cost: lineName(i, "unit_cost"),
			Counted: lineName(i, "counted"), Items: cat.options(f.Values[lineName(i, "item")], false)})
	}
	switch kind {
	case stock.Donation:
		donors, err := s.svc.Stock.Donors(ctx, rq.P)
		if err != nil {
			return err
		}
		v.Donors = []option{{Value: "", Label: "—"}}
		for _, d := range donors {
			id := kit.Itoa(d.ID)
			v.Donors = append(v.Donors, option{Value: id, Label: d.Name, Selected: id == f.Values["donor_id"]})
		}
	case stock.Transfer:
		list, err := s.svc.Stock.Warehouses(ctx, rq.P)
		if err != nil {
			return err
		}
		v.Dests = []option{{Value: "", Label: "—"}}
		for _, d := range list {
			if d.ID != wh.ID && d.Active {
				id := kit.Itoa(d.ID)
				v.Dests = append(v.Dests, option{Value: id, Label: d.Name, Selected: id == f.Values["to_warehouse_id"]})
			}
		}
	case stock.Assembly:
		v.Kits = cat.options(f.Values["kit_id"], true)
	case stock.IssueInstitution:
		if v.Orgs, err = kit.OrgOptions(ctx, s.svc.Orgs, rq.P, f.Values["org_id"], "—", 0); err != nil {
			return err
		}
	case stock.WriteOff:
		v.Reasons = kit.Choices(stock.WriteOffReasons(), f.Values["reason"], "—", kit.Key[stock.WriteOffReason](rq.L, "stock.reason."))
	}
	s.Render(w, status, "movement", &v)
	return nil
}

// MovementCreate records the movement the form at the {id} warehouse
// describes and shows its document.
func (s *Server) MovementCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, movementFields...)
	lines, rows := formLinesOf(rq, f)
	counted := make([]stock.Counted, len(lines))
	for i, l := range lines {
		counted[i] = stock.Counted{ItemID: l.ItemID, Size: l.Size, Counted: kit.Number(rq, f, lineName(rows[i], "counted"))}
	}
	quantity, line := kit.Number(rq, f, "quantity"), kit.Number(rq, f, "line")
	if len(f.FieldErrs) > 0 {
		return s.renderMovement(w, r, rq, f, http.StatusUnprocessableEntity)
	}
	ctx, loc := r.Context(), string(rq.L.Locale())
	note := f.Values["note"]
	var d stock.Doc
	switch kind := stock.DocKind(f.Values["kind"]); kind {
	case stock.Donation, stock.Purchase:
		d, err = s.svc.Stock.Receive(ctx, rq.P, stock.ReceiptInput{WarehouseID: id, Kind: kind,
			DonorID: kit.FilterID(rq, f, "donor_id"), Currency: f.Values["currency"], Lines: lines, Note: note, Locale: loc})
	case stock.Transfer:
		d, err = s.svc.Stock.Dispatch(ctx, rq.P, stock.TransferInput{FromID: id, ToID: kit.FilterID(rq, f, "to_warehouse_id"),
			Lines: lines, Note: note, Locale: loc})
	case stock.Assembly:
		d, err = s.svc.Stock.Assemble(ctx, rq.P, stock.AssembleInput{WarehouseID: id, KitID: kit.FilterID(rq, f, "kit_id"),
			Quantity: quantity, Note: note, Locale: loc})
	case stock.IssuePerson:
		d, err = s.svc.Stock.Issue(ctx, rq.P, stock.IssueInput{WarehouseID: id, Reference: f.Values["reference"],
			Line: int(line), Serials: serials(f.Values["serials"]), Note: note, Locale: loc})
	case stock.IssueInstitution:
		d, err = s.svc.Stock.IssueInstitution(ctx, rq.P, stock.InstitutionInput{WarehouseID: id,
			OrgID: kit.FilterID(rq, f, "org_id"), Lines: lines, Note: note, Locale: loc})
	case stock.WriteOff:
		d, err = s.svc.Stock.WriteOff(ctx, rq.P, stock.WriteOffInput{WarehouseID: id,
			Reason: stock.WriteOffReason(f.Values["reason"]), Lines: lines, Note: note, Locale: loc})
	case stock.Count:
		d, err = s.svc.Stock.Count(ctx, rq.P, stock.CountInput{WarehouseID: id, Lines: counted, Note: note, Locale: loc})
	default:
		return kit.SeeOther(w, r, "/warehouses/"+kit.Itoa(id))
	}
	if err == nil {
		s.Flash(r, "stock.recorded")
		return kit.SeeOther(w, r, "/stock/docs/"+kit.Itoa(d.ID))
	}
	if !f.Absorb(rq.L, err) {
		return err
	}
	renumber(f, rows)
	return s.renderMovement(w, r, rq, f, http.StatusUnprocessableEntity)
}

// formLinesOf reads the form's filled lines, and the row each came from.
func formLinesOf(rq *request, f *form) ([]stock.Line, []int) {
	var lines []stock.Line
	var rows []int
	for i := range formLines {
		item, qty, sns := f.Values[lineName(i, "item")], f.Values[lineName(i, "quantity")], f.Values[lineName(i, "serials")]
		counted := f.Values[lineName(i, "counted")]
		if item == "" && qty == "" && sns == "" && counted == "" {
			continue
		}
		lines = append(lines, stock.Line{ItemID: kit.FilterID(rq, f, lineName(i, "item")), Size: f.Values[lineName(i, "size")],
			Quantity: kit.Number(rq, f, lineName(i, "quantity")), Serials: serials(sns), UnitCost: minor(rq, f, lineName(i, "unit_cost"))})
		rows = append(rows, i)
	}
	return lines, rows
}

// renumber moves the errors of the document's lines ("lines.2.size", the
// third line given) beside the form's rows they came from.
func renumber(f *form, rows []int) {
	moved := map[string]string{}
	for k, msg := range f.FieldErrs {
		rest, ok := strings.CutPrefix(k, "lines.")
		n, field, ok2 := strings.Cut(rest, ".")
		j, err := strconv.Atoi(n)
		if !ok || !ok2 || err != nil || j >= len(rows) {
			continue
		}
		delete(f.FieldErrs, k)
		moved[lineName(rows[j], field)] = msg
	}
	for k, msg := range moved {
		f.FieldErrs[k] = msg
	}
}
