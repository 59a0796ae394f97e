package api

import (
	"net/http"

	"github.com/jolproject/jol/internal/geo"
)

// listRegions lists the regions directly under ?parent= (a region code),
// or the countries without it, in code order. An unknown parent is not
// found.
func (a *API) listRegions(w http.ResponseWriter, r *http.Request, rq *request) error {
	regions, err := a.svc.Geo.Children(r.Context(), rq.p, r.URL.Query().Get("parent"))
	if err != nil {
		return err
	}
	regions, next := pageOf(page(r), regions, func(g geo.Region) int64 { return g.ID })
	return writeList(w, regions, next)
}

func (a *API) getRegion(w http.ResponseWriter, r *http.Request, rq *request) error {
	g, err := a.svc.Geo.Get(r.Context(), rq.p, r.PathValue("code"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, g)
}
