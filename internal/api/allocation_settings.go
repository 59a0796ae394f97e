package api

import (
	"net/http"

	"github.com/jolproject/jol/internal/allocation"
)

// A campaign's allocation settings — its regional quotas and the routes
// from its warehouses to regions — are read and set here as on the
// allocation page, with the same checks and refusals: each change
// answers the settings as they are after it, with the version it raised.

// allocationSettingsOut is a campaign's settings with the warehouses
// whose routes the caller may set, so a client knows which warehouse_id
// a route may name.
type allocationSettingsOut struct {
	allocation.Settings
	Warehouses []servingWarehouse `json:"warehouses"`
}

// servingWarehouse is a warehouse that serves the campaign and that the
// caller may route; with no
// route of its own it serves its region's subtree at cost 0.
type servingWarehouse struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Region string `json:"region_path"`
}

// getAllocationSettings answers campaign {id}'s quotas, routes and the
// warehouses serving it that the caller may route.
func (a *API) getAllocationSettings(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	st, err := a.svc.Allocation.Settings(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	ws, err := a.svc.Allocation.RouteWarehouses(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, settingsOut(st, ws))
}

func settingsOut(st allocation.Settings, ws []allocation.Warehouse) allocationSettingsOut {
	if st.Quotas == nil {
		st.Quotas = []allocation.Quota{}
	}
	if st.Routes == nil {
		st.Routes = []allocation.Route{}
	}
	out := allocationSettingsOut{Settings: st, Warehouses: make([]servingWarehouse, 0, len(ws))}
	for _, w := range ws {
		out.Warehouses = append(out.Warehouses, servingWarehouse{w.ID, w.Name, w.Region})
	}
	return out
}

// settingsChanged answers the settings after a change.
func (a *API) settingsChanged(w http.ResponseWriter, r *http.Request, rq *request, st allocation.Settings) error {
	ws, err := a.svc.Allocation.RouteWarehouses(r.Context(), rq.p, st.CampaignID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, settingsOut(st, ws))
}

// putQuota sets a quota of campaign {id}: the region's and item's, made
// or replaced. A share is in basis points (10,000 is all of the need).
func (a *API) putQuota(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in allocation.QuotaInput
	if err := decode(r, &in); err != nil {
		return err
	}
	st, err := a.svc.Allocation.SaveQuota(r.Context(), rq.p, id, in)
	if err != nil {
		return err
	}
	return a.settingsChanged(w, r, rq, st)
}

// deleteQuota removes quota {quota} of campaign {id}.
func (a *API) deleteQuota(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	q, err := pathID(r, "quota")
	if err != nil {
		return err
	}
	st, err := a.svc.Allocation.DeleteQuota(r.Context(), rq.p, id, q)
	if err != nil {
		return err
	}
	return a.settingsChanged(w, r, rq, st)
}

// putRoute lets a warehouse serve a region subtree at a cost, made or
// replaced.
func (a *API) putRoute(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in allocation.RouteInput
	if err := decode(r, &in); err != nil {
		return err
	}
	st, err := a.svc.Allocation.SaveRoute(r.Context(), rq.p, id, in)
	if err != nil {
		return err
	}
	return a.settingsChanged(w, r, rq, st)
}

// deleteRoute removes the route of warehouse {warehouse} to region
// {region} (a code) of campaign {id}.
func (a *API) deleteRoute(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	wh, err := pathID(r, "warehouse")
	if err != nil {
		return err
	}
	st, err := a.svc.Allocation.DeleteRoute(r.Context(), rq.p, id, wh, r.PathValue("region"))
	if err != nil {
		return err
	}
	return a.settingsChanged(w, r, rq, st)
}
