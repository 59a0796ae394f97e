package api

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/stock"
)

// warehouseInput is the body of POST /warehouses.
type warehouseInput struct {
	Code       string              `json:"code"`
	Name       string              `json:"name"`
	Kind       stock.WarehouseKind `json:"kind"`
	OrgID      int64               `json:"org_id"`
	RegionCode string              `json:"region_code"`
	Address    string              `json:"address"`
	Active     *bool               `json:"active"`
}

func (a *API) listWarehouses(w http.ResponseWriter, r *http.Request, rq *request) error {
	list, err := a.svc.Stock.Warehouses(r.Context(), rq.p)
	if err != nil {
		return err
	}
	return writeList(w, list, "")
}

func (a *API) createWarehouse(w http.ResponseWriter, r *http.Request, rq *request) error {
	var in warehouseInput
	if err := decode(r, &in); err != nil {
		return err
	}
	wh, err := a.svc.Stock.CreateWarehouse(r.Context(), rq.p, stock.WarehouseInput{Code: in.Code, Name: in.Name,
		Kind: in.Kind, OrgID: in.OrgID, RegionCode: in.RegionCode, Address: in.Address, Active: in.Active == nil || *in.Active})
	if err != nil {
		return err
	}
	return created(w, Prefix+"/warehouses/"+strconv.FormatInt(wh.ID, 10), wh)
}

func (a *API) getWarehouse(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	wh, err := a.svc.Stock.Warehouse(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, wh)
}

// balancesOut is what a warehouse holds, by item and size and by lot.
type balancesOut struct {
	Balances []stock.Balance    `json:"balances"`
	Lots     []stock.LotBalance `json:"lots"`
}

func (a *API) listBalances(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var out balancesOut
	if out.Balances, err = a.svc.Stock.Balances(r.Context(), rq.p, id); err != nil {
		return err
	}
	if out.Lots, err = a.svc.Stock.LotBalances(r.Context(), rq.p, id); err != nil {
		return err
	}
	if out.Balances == nil {
		out.Balances = []stock.Balance{}
	}
	if out.Lots == nil {
		out.Lots = []stock.LotBalance{}
	}
	return writeJSON(w, http.StatusOK, jsonType, out)
}

func (a *API) listMovements(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	list, next, err := a.svc.Stock.History(r.Context(), rq.p, id, page(r))
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

func (a *API) listDevices(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	list, err := a.svc.Stock.Units(r.Context(), rq.p, id, r.URL.Query().Get("state"))
	if err != nil {
		return err
	}
	return writeList(w, list, "")
}

// movementInput is the body of POST /warehouses/{id}/movements: a
// document of any kind recorded at the warehouse; each kind reads the
// fields it needs.
type movementInput struct {
	Kind          stock.DocKind        `json:"kind"`
	DonorID       int64                `json:"donor_id"`
	Currency      string               `json:"currency"`
	ToWarehouseID int64                `json:"to_warehouse_id"`
	KitID         int64                `json:"kit_id"`
	Quantity      int64                `json:"quantity"`
	RequestID     int64                `json:"request_id"`
	Reference     string               `json:"reference"`
	Line          int                  `json:"line"`
	Serials       []string             `json:"serials"`
	OrgID         int64                `json:"org_id"`
	Reason        stock.WriteOffReason `json:"reason"`
	Lines         []stock.Line         `json:"lines"`
	Counted       []stock.Counted      `json:"counted"`
	Note          string               `json:"note"`
}

func (a *API) createMovement(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in movementInput
	if err := decode(r, &in); err != nil {
		return err
	}
	s, ctx, loc := a.svc.Stock, r.Context(), a.locale(r, rq)
	var d stock.Doc
	switch in.Kind {
	case stock.Donation, stock.Purchase:
		d, err = s.Receive(ctx, rq.p, stock.ReceiptInput{WarehouseID: id, Kind: in.Kind, DonorID: in.DonorID,
			Currency: in.Currency, Lines: in.Lines, Note: in.Note, Locale: loc})
	case stock.Transfer:
		d, err = s.Dispatch(ctx, rq.p, stock.TransferInput{FromID: id, ToID: in.ToWarehouseID, Lines: in.Lines, Note: in.Note,
			Locale: loc})
	case stock.Assembly:
		d, err = s.Assemble(ctx, rq.p, stock.AssembleInput{WarehouseID: id, KitID: in.KitID, Quantity: in.Quantity,
			Note: in.Note, Locale: loc})
	case stock.IssuePerson:
		d, err = s.Issue(ctx, rq.p, stock.IssueInput{WarehouseID: id, RequestID: in.RequestID, Reference: in.Reference,
			Line: in.Line, Serials: in.Serials, Note: in.Note, Locale: loc})
	case stock.IssueInstitution:
		d, err = s.IssueInstitution(ctx, rq.p, stock.InstitutionInput{WarehouseID: id, OrgID: in.OrgID, Lines: in.Lines,
			Note: in.Note, Locale: loc})
	case stock.WriteOff:
		d, err = s.WriteOff(ctx, rq.p, stock.WriteOffInput{WarehouseID: id, Reason: in.Reason, Lines: in.Lines,
			Note: in.Note, Locale: loc})
	case stock.Count:
		d, err = s.Count(ctx, rq.p, stock.CountInput{WarehouseID: id, Lines: in.Counted, Note: in.Note, Locale: loc})
	default:
		return errs.Validation(errs.Field("kind", "error.invalid_choice_of", "Choices",
			"donation, purchase, transfer, assembly, issue_person, issue_institution, write_off, count"))
	}
	if err != nil {
		return err
	}
	return created(w, Prefix+"/stock/docs/"+strconv.FormatInt(d.ID, 10), d)
}

func (a *API) getStockDoc(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	d, err := a.svc.Stock.Doc(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, d)
}

// completeInput is the body of POST /stock/docs/{id}/receive and
// /return: the lines that arrived or came back (none: everything sent
// arrived).
type completeInput struct {
	Lines []stock.Line `json:"lines"`
	Note  string       `json:"note"`
}

func (a *API) receiveTransfer(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in completeInput
	if err := decode(r, &in); err != nil {
		return err
	}
	d, err := a.svc.Stock.ReceiveTransfer(r.Context(), rq.p, stock.ArrivalInput{DocID: id, Lines: in.Lines, Note: in.Note,
		Locale: a.locale(r, rq)})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, d)
}

func (a *API) returnStock(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in completeInput
	if err := decode(r, &in); err != nil {
		return err
	}
	d, err := a.svc.Stock.Return(r.Context(), rq.p, stock.ReturnInput{DocID: id, Lines: in.Lines, Note: in.Note,
		Locale: a.locale(r, rq)})
	if err != nil {
		return err
	}
	return created(w, Prefix+"/stock/docs/"+strconv.FormatInt(d.ID, 10), d)
}

// donorInput is the body of POST /donors.
type donorInput struct {
	Name       string          `json:"name"`
	Kind       stock.DonorKind `json:"kind"`
	DonorOrgID int64           `json:"donor_org_id"`
	Contact    string          `json:"contact"`
	OrgID      int64           `json:"org_id"`
}

func (a *API) listDonors(w http.ResponseWriter, r *http.Request, rq *request) error {
	list, err := a.svc.Stock.Donors(r.Context(), rq.p)
	if err != nil {
		return err
	}
	return writeList(w, list, "")
}

func (a *API) createDonor(w http.ResponseWriter, r *http.Request, rq *request) error {
	var in donorInput
	if err := decode(r, &in); err != nil {
		return err
	}
	d, err := a.svc.Stock.CreateDonor(r.Context(), rq.p, stock.DonorInput{Name: in.Name, Kind: in.Kind,
		DonorOrgID: in.DonorOrgID, Contact: in.Contact, OrgID: in.OrgID})
	if err != nil {
		return err
	}
	return created(w, Prefix+"/donors/"+strconv.FormatInt(d.ID, 10), d)
}

// donorEdit is the body of PUT /donors/{id}: the donor as it is to be;
// the recording organisation stays.
type donorEdit struct {
	Name       string          `json:"name"`
	Kind       stock.DonorKind `json:"kind"`
	DonorOrgID int64           `json:"donor_org_id"`
	Contact    string          `json:"contact"`
}

// updateDonor edits donor {id}: its gifts stay its own.
func (a *API) updateDonor(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in donorEdit
	if err := decode(r, &in); err != nil {
		return err
	}
	d, err := a.svc.Stock.EditDonor(r.Context(), rq.p, id, stock.DonorInput{Name: in.Name, Kind: in.Kind,
		DonorOrgID: in.DonorOrgID, Contact: in.Contact})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, d)
}

func (a *API) traceDonor(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	t, err := a.svc.Stock.Trace(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, t)
}

// locale is the language the caller reads, for the names of items in a
// refusal.
func (a *API) locale(r *http.Request, rq *request) string { return string(a.localizer(r, rq).Locale()) }
