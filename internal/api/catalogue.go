package api

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/campaign"
)

// itemOut is a catalogue entry with the sizes a request may ask for it in.
type itemOut struct {
	campaign.Item
	Sizes []string `json:"sizes,omitempty"`
}

func outItems(items []campaign.Item, kitsOnly bool) []itemOut {
	out := make([]itemOut, 0, len(items))
	for _, it := range items {
		if !kitsOnly || it.IsKit {
			out = append(out, itemOut{Item: it, Sizes: it.Sizes()})
		}
	}
	return out
}

// listItems lists the catalogue: the active entries, or every one with
// ?all=true.
func (a *API) listItems(w http.ResponseWriter, r *http.Request, rq *request) error {
	items, err := a.svc.Campaigns.Items(r.Context(), rq.p, r.URL.Query().Get("all") == "true")
	if err != nil {
		return err
	}
	return writeList(w, outItems(items, false), "")
}

// listKits lists the active kits with their bills of materials.
func (a *API) listKits(w http.ResponseWriter, r *http.Request, rq *request) error {
	items, err := a.svc.Campaigns.Items(r.Context(), rq.p, false)
	if err != nil {
		return err
	}
	return writeList(w, outItems(items, true), "")
}

func (a *API) getItem(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	it, err := a.svc.Campaigns.Item(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, itemOut{Item: it, Sizes: it.Sizes()})
}

// itemInput is the body of POST /catalogue/items and PUT
// /catalogue/items/{id}; a component names its entry by item_id or code.
type itemInput struct {
	Code          string               `json:"code"`
	IsKit         bool                 `json:"is_kit"`
	Sizing        campaign.Sizing      `json:"sizing"`
	SerialTracked bool                 `json:"serial_tracked"`
	GradeMin      int                  `json:"grade_min"`
	GradeMax      int                  `json:"grade_max"`
	Unit          string               `json:"unit"`
	Names         campaign.Names       `json:"names"`
	Active        *bool                `json:"active"`
	Sort          int                  `json:"sort"`
	Components    []campaign.Component `json:"components"`
}

func (in itemInput) item() campaign.Item {
	it := campaign.Item{Code: in.Code, IsKit: in.IsKit, Sizing: in.Sizing, SerialTracked: in.SerialTracked,
		GradeMin: in.GradeMin, GradeMax: in.GradeMax, Unit: in.Unit, Names: in.Names, Active: true, Sort: in.Sort,
		Components: in.Components}
	if in.Active != nil {
		it.Active = *in.Active
	}
	return it
}

func (a *API) createItem(w http.ResponseWriter, r *http.Request, rq *request) error {
	var body itemInput
	if err := decode(r, &body); err != nil {
		return err
	}
	it, err := a.svc.Campaigns.CreateItem(r.Context(), rq.p, body.item())
	if err != nil {
		return err
	}
	return created(w, Prefix+"/catalogue/items/"+strconv.FormatInt(it.ID, 10), itemOut{Item: it, Sizes: it.Sizes()})
}

func (a *API) updateItem(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body itemInput
	if err := decode(r, &body); err != nil {
		return err
	}
	it, err := a.svc.Campaigns.UpdateItem(r.Context(), rq.p, id, body.item())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, itemOut{Item: it, Sizes: it.Sizes()})
}
