package api

import (
	"net/http"
)

// getDashboard is the dashboard of ?campaign_id= (of every campaign the
// caller sees when absent): aggregates only, names in the caller's
// language, the counts over requests as of the snapshot's time.
func (a *API) getDashboard(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := queryID(r, "campaign_id")
	if err != nil {
		return err
	}
	loc := a.locale(r, rq)
	if id != 0 {
		d, err := a.svc.Dashboard.Campaign(r.Context(), rq.p, id, loc)
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusOK, jsonType, d)
	}
	d, err := a.svc.Dashboard.All(r.Context(), rq.p, loc)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, d)
}

// refreshDashboard asks for campaign {id}'s figures to be counted anew.
func (a *API) refreshDashboard(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := a.svc.Dashboard.AskRefresh(r.Context(), rq.p, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusAccepted)
	return nil
}
