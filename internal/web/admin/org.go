package admin

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/web/kit"
)

// Org shows an organisation: where it sits in the tree and in the region
// tree, and, for a user who may manage it, the form that edits it.
func (s *Server) Org(w http.ResponseWriter, r *http.Request, rq *request) error {
	o, err := s.viewedOrg(r, rq)
	if err != nil {
		return err
	}
	v, err := s.orgPage(r, rq, o, orgFormOf(o))
	if err != nil {
		return err
	}
	return s.renderOrg(w, r, rq, v, http.StatusOK)
}

// OrgUpdate saves the edit form of an organisation.
func (s *Server) OrgUpdate(w http.ResponseWriter, r *http.Request, rq *request) error {
	o, err := s.viewedOrg(r, rq)
	if err != nil {
		return err
	}
	if err := access.Can(rq.P, access.ManageOrgs, o.Target()); err != nil {
		return err
	}
	f := kit.NewForm(r, orgFields...)
	if in, ok := orgInput(rq, f); ok {
		_, err := s.svc.Orgs.Update(r.Context(), rq.P, o.ID, in)
		if err == nil {
			s.Flash(r, "flash.saved")
			http.Redirect(w, r, orgURL(o.ID), http.StatusSeeOther)
			return nil
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	v, err := s.orgPage(r, rq, o, f)
	if err != nil {
		return err
	}
	return s.renderOrg(w, r, rq, v, http.StatusUnprocessableEntity)
}

// viewedOrg reads the {id} organisation; Get checks that the user may see it.
func (s *Server) viewedOrg(r *http.Request, rq *request) (orgs.Organisation, error) {
	id, err := kit.PathID(r)
	if err != nil {
		return orgs.Organisation{}, err
	}
	return s.svc.Orgs.Get(r.Context(), rq.P, id)
}

// orgPage builds the view of o's page with f as its edit form.
func (s *Server) orgPage(r *http.Request, rq *request, o orgs.Organisation, f *form) (*orgView, error) {
	ctx := r.Context()
	v := &orgView{Page: s.Page(r, rq, "orgs.title"), Org: &o, Form: f,
		CanEdit: access.Can(rq.P, access.ManageOrgs, o.Target()) == nil}
	v.Title = o.Name
	var err error
	if v.Ancestors, err = s.svc.Orgs.Ancestors(ctx, rq.P, o.ID); err != nil {
		return nil, err
	}
	v.RegionName = s.RegionNamer(ctx, s.svc.Geo, string(rq.L.Locale()))(o.RegionCode)
	v.ParentName = s.orgNamer(r, rq, v.Ancestors)(o.ParentID)
	return v, nil
}

// orgFormOf fills the edit form with the organisation as stored.
func orgFormOf(o orgs.Organisation) *form {
	f := kit.NewForm(nil, orgFields...)
	f.Values = map[string]string{"name": o.Name, "type": string(o.Type), "region_code": o.RegionCode, "locale": o.Locale}
	if o.ParentID != 0 {
		f.Values["parent_id"] = strconv.FormatInt(o.ParentID, 10)
	}
	if o.Active {
		f.Values["active"] = "on"
	}
	return f
}
