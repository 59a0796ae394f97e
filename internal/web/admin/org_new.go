package admin

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/web/kit"
)

// orgView is an organisation's page, or the form that creates one (Org nil).
type orgView struct {
	Page
	Org        *orgs.Organisation
	Ancestors  []orgs.Organisation
	RegionName string
	ParentName string
	CanEdit    bool
	Form       *form
	Types      []option
	Parents    []option
	Languages  []option
	Regions    []option
}

// orgFields are the fields of an organisation's form, in page order.
var orgFields = []string{"name", "type", "parent_id", "region_code", "locale", "active"}

// OrgNew shows the form for a new organisation; ?parent= preselects the
// parent, as the "add a child" link of an organisation's page does.
func (s *Server) OrgNew(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, orgFields...)
	f.Values["parent_id"] = r.URL.Query().Get("parent")
	if f.Values["parent_id"] == "" && rq.P.OrgID != 0 {
		f.Values["parent_id"] = strconv.FormatInt(rq.P.OrgID, 10)
	}
	f.Values["type"] = string(orgs.School)
	v := orgView{Page: s.Page(r, rq, "orgs.new"), Form: f, CanEdit: true}
	return s.renderOrg(w, r, rq, &v, http.StatusOK)
}

// OrgCreate creates the organisation and goes to its page.
func (s *Server) OrgCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, orgFields...)
	in, ok := orgInput(rq, f)
	if ok {
		o, err := s.svc.Orgs.Create(r.Context(), rq.P, in)
		if err == nil {
			s.Flash(r, "flash.created")
			http.Redirect(w, r, orgURL(o.ID), http.StatusSeeOther)
			return nil
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	v := orgView{Page: s.Page(r, rq, "orgs.new"), Form: f, CanEdit: true}
	return s.renderOrg(w, r, rq, &v, http.StatusUnprocessableEntity)
}

// orgInput reads the form into the service's input; false when the parent
// is not a usable id (the select only offers ids, so only a forged form).
func orgInput(rq *request, f *form) (orgs.Input, bool) {
	in := orgs.Input{Name: f.Values["name"], Type: orgs.Type(f.Values["type"]), RegionCode: kit.NormRegion(f.Values["region_code"]),
		Locale: f.Values["locale"], Active: f.Values["active"] != ""}
	f.Values["region_code"] = in.RegionCode
	var err error
	if in.ParentID, err = kit.FormID(f.Values["parent_id"]); err != nil {
		f.Fail(rq.L, "parent_id", "error.not_found", "Field", rq.L.T("field.parent_id"))
		return in, false
	}
	return in, true
}

// renderOrg fills the choices of v's form (when it may be edited) and
// shows the page: "org" for an organisation, "org_new" for a new one.
func (s *Server) renderOrg(w http.ResponseWriter, r *http.Request, rq *request, v *orgView, status int) error {
	ctx := r.Context()
	if v.CanEdit {
		f := v.Form
		var skip int64
		if v.Org != nil {
			skip = v.Org.ID
		}
		var err error
		if v.Parents, err = kit.OrgOptions(ctx, s.svc.Orgs, rq.P, f.Values["parent_id"], rq.L.T("orgs.no_parent"), skip); err != nil {
			return err
		}
		if v.Regions, err = kit.RegionSuggestions(ctx, s.svc.Geo, s.svc.Orgs, rq); err != nil {
			return err
		}
		v.Types = kit.OrgTypeOptions(rq.L, f.Values["type"], "")
		v.Languages = kit.LocaleOptions(f.Values["locale"], rq.L.T("common.default"))
	}
	name := "org_new"
	if v.Org != nil {
		name = "org"
	}
	s.Render(w, status, name, v)
	return nil
}

func orgURL(id int64) string { return "/organisations/" + strconv.FormatInt(id, 10) }
