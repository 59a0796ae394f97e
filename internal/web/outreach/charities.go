package outreach

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/charities"
	"github.com/jolproject/jol/internal/web/kit"
)

// charitiesView is the benefactors' association, with the form that adds
// a charity (or edits one: Editing).
type charitiesView struct {
	Page
	kit.Listing
	Rows      []charities.Charity
	CanManage bool
	Editing   charities.Charity
	Form      *form
	Domains   []option
	Orgs      []option
}

var charityFields = []string{"version", "name", "org_id", "capacity", "regions", "note", "active"}

// Charities lists the charities with their domains, regions and places.
func (s *Server) Charities(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, charityFields...)
	f.Values["active"] = "1"
	return s.renderCharities(w, r, rq, f, charities.Charity{}, nil, http.StatusOK)
}

// Charity shows the list with the {id} charity in the form.
func (s *Server) Charity(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	c, err := s.svc.Charities.Get(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	f := kit.NewForm(nil, charityFields...)
	f.Values["version"], f.Values["name"], f.Values["capacity"] = kit.Itoa(int64(c.Version)), c.Name, strconv.Itoa(c.Capacity)
	f.Values["regions"], f.Values["note"], f.Values["org_id"] = strings.Join(c.Regions, " "), c.Note, kit.Itoa(c.OrgID)
	if c.Active {
		f.Values["active"] = "1"
	}
	return s.renderCharities(w, r, rq, f, c, c.Domains, http.StatusOK)
}

func (s *Server) renderCharities(w http.ResponseWriter, r *http.Request, rq *request, f *form, editing charities.Charity,
	picked []charities.Domain, status int) error {
	ctx := r.Context()
	list, err := s.svc.Charities.List(ctx, rq.P, "")
	if err != nil {
		return err
	}
	v := charitiesView{Page: s.Page(r, rq, "nav.charities"), Listing: kit.Whole(len(list)), Rows: list, Form: f,
		Editing: editing, CanManage: access.Allowed(rq.P, access.ManageCharities)}
	for _, d := range charities.Domains() {
		sel := false
		for _, p := range picked {
			sel = sel || p == d
		}
		v.Domains = append(v.Domains, option{Value: string(d), Label: rq.L.T("charities.domain." + string(d)), Selected: sel})
	}
	if v.CanManage && editing.ID == 0 {
		if v.Orgs, err = kit.OrgOptions(ctx, s.svc.Orgs, rq.P, f.Values["org_id"], rq.L.T("outreach.choose"), 0); err != nil {
			return err
		}
	}
	s.Render(w, status, "charities", &v)
	return nil
}

// CharitySave adds a charity (POST /charities) or saves the {id} one.
func (s *Server) CharitySave(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, charityFields...)
	var domains []charities.Domain
	for _, d := range r.PostForm["domains"] {
		domains = append(domains, charities.Domain(d))
	}
	org, _ := kit.FormID(f.Values["org_id"])
	capacity, _ := strconv.Atoi(f.Values["capacity"])
	in := charities.Input{Name: f.Values["name"], OrgID: org, Capacity: capacity, Active: f.Values["active"] == "1",
		Note: f.Values["note"], Domains: domains, RegionCodes: strings.Fields(strings.ReplaceAll(f.Values["regions"], ",", " "))}
	var editing charities.Charity
	var err error
	if r.PathValue("id") != "" {
		id, perr := kit.PathID(r)
		if perr != nil {
			return perr
		}
		version, _ := strconv.Atoi(f.Values["version"])
		if editing, err = s.svc.Charities.Get(r.Context(), rq.P, id); err != nil {
			return err
		}
		_, err = s.svc.Charities.Update(r.Context(), rq.P, id, version, in)
	} else {
		_, err = s.svc.Charities.Create(r.Context(), rq.P, in)
	}
	if err == nil {
		s.Flash(r, "charities.saved")
		return kit.SeeOther(w, r, "/charities")
	}
	if !f.AbsorbInput(rq.L, err) {
		return err
	}
	return s.renderCharities(w, r, rq, f, editing, domains, http.StatusUnprocessableEntity)
}
