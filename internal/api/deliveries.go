package api

import (
	"net/http"

	"github.com/jolproject/jol/internal/deliveries"
)

// listDeliveries is the board: the deliveries of ?campaign_id= (every
// open one when absent; ?all=1 adds the cancelled of a campaign), the
// most at risk first, with ?cursor= and ?limit=.
func (a *API) listDeliveries(w http.ResponseWriter, r *http.Request, rq *request) error {
	campaign, err := queryID(r, "campaign_id")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	pg := page(r)
	list, next, err := a.svc.Deliveries.Board(r.Context(), rq.p, deliveries.BoardFilter{CampaignID: campaign,
		All: flag(q, "all")},
		deliveries.Page{Cursor: q.Get("cursor"), Limit: pg.Limit})
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

func (a *API) getDelivery(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	d, err := a.svc.Deliveries.Get(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, d)
}

// confirmInput is the body of POST /deliveries/{id}/confirm: the version
// read, and what was counted of each line dispatched (none: everything
// arrived).
type confirmInput struct {
	Version int                  `json:"version"`
	Lines   []deliveries.Receipt `json:"lines"`
	Note    string               `json:"note"`
}

// confirmDelivery records what the receiving institution's staff counted.
func (a *API) confirmDelivery(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in confirmInput
	if err := decode(r, &in); err != nil {
		return err
	}
	d, err := a.svc.Deliveries.Confirm(r.Context(), rq.p, deliveries.ConfirmInput{ID: id, Version: in.Version,
		Lines: in.Lines, Note: in.Note})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, d)
}
