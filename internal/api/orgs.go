package api

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/orgs"
)

// listOrgs lists the organisations the caller may see, newest first,
// narrowed by ?type=, ?parent_id=, ?region_code= (that region and below)
// and ?q= (part of the name).
func (a *API) listOrgs(w http.ResponseWriter, r *http.Request, rq *request) error {
	parent, err := queryID(r, "parent_id")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	f := orgs.Filter{Type: orgs.Type(q.Get("type")), ParentID: parent, RegionCode: q.Get("region_code"), Name: q.Get("q")}
	out, next, err := a.svc.Orgs.List(r.Context(), rq.p, f, page(r))
	if err != nil {
		return err
	}
	return writeList(w, out, next)
}

// orgInput is the body of POST /organisations. An organisation is created
// active.
type orgInput struct {
	Name       string    `json:"name"`
	Type       orgs.Type `json:"type"`
	ParentID   int64     `json:"parent_id"`
	RegionCode string    `json:"region_code"`
	Locale     string    `json:"locale"`
}

func (a *API) createOrg(w http.ResponseWriter, r *http.Request, rq *request) error {
	var in orgInput
	if err := decode(r, &in); err != nil {
		return err
	}
	o, err := a.svc.Orgs.Create(r.Context(), rq.p, orgs.Input{Name: in.Name, Type: in.Type, ParentID: in.ParentID,
		RegionCode: in.RegionCode, Locale: in.Locale})
	if err != nil {
		return err
	}
	return created(w, Prefix+"/organisations/"+strconv.FormatInt(o.ID, 10), o)
}

func (a *API) getOrg(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	o, err := a.svc.Orgs.Get(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, o)
}

// orgPatch is the body of PATCH /organisations/{id}: fields left out keep
// their value; parent_id 0 makes the organisation a root.
type orgPatch struct {
	Name       *string    `json:"name"`
	Type       *orgs.Type `json:"type"`
	ParentID   *int64     `json:"parent_id"`
	RegionCode *string    `json:"region_code"`
	Locale     *string    `json:"locale"`
	Active     *bool      `json:"active"`
}

func (a *API) updateOrg(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in orgPatch
	if err := decode(r, &in); err != nil {
		return err
	}
	o, err := a.svc.Orgs.Get(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	c := orgs.Input{Name: o.Name, Type: o.Type, ParentID: o.ParentID, RegionCode: o.RegionCode, Locale: o.Locale, Active: o.Active}
	set(&c.Name, in.Name)
	set(&c.Type, in.Type)
	set(&c.ParentID, in.ParentID)
	set(&c.RegionCode, in.RegionCode)
	set(&c.Locale, in.Locale)
	set(&c.Active, in.Active)
	if o, err = a.svc.Orgs.Update(r.Context(), rq.p, id, c); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, o)
}
