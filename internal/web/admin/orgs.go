package admin

import (
	"net/http"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/web/kit"
)

// orgsView is the list of organisations the user may see.
type orgsView struct {
	Page
	listing
	Filter    *form
	Types     []option
	Regions   []option
	Orgs      []orgRow
	Parent    *orgs.Organisation // when listing the children of one
	CanManage bool
}

// orgRow is one organisation as listed, its region and parent named.
type orgRow struct {
	orgs.Organisation
	RegionName string
	ParentName string
}

// OrgList lists organisations, filtered by type, region (with the regions
// below it), a part of the name, or as the children of ?parent=.
func (s *Server) OrgList(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	f := kit.QueryForm(r, "type", "region", "name", "parent")
	flt := orgs.Filter{Type: orgs.Type(f.Values["type"]), RegionCode: kit.NormRegion(f.Values["region"]), Name: f.Values["name"]}
	if flt.Type != "" && !flt.Type.Valid() {
		f.Fail(rq.L, "type", "error.invalid_choice")
		flt.Type = ""
	}
	v := orgsView{Page: s.Page(r, rq, "orgs.title"), Filter: f, CanManage: access.Allowed(rq.P, access.ManageOrgs),
		Types: kit.OrgTypeOptions(rq.L, string(flt.Type), rq.L.T("common.all"))}
	if flt.ParentID = kit.FilterID(rq, f, "parent"); flt.ParentID != 0 {
		parent, err := s.svc.Orgs.Get(ctx, rq.P, flt.ParentID)
		if err != nil {
			return err
		}
		v.Parent = &parent
	}
	n, err := s.svc.Orgs.ListCount(ctx, rq.P, flt)
	if err != nil {
		return err
	}
	pg := kit.PagingOf(r).Fit(n)
	list, next, err := s.svc.Orgs.List(ctx, rq.P, flt, pg.Store())
	if err != nil {
		return err
	}
	if v.Regions, err = kit.RegionSuggestions(ctx, s.svc.Geo, s.svc.Orgs, rq); err != nil {
		return err
	}
	v.listing = pg.Listing(r, next, n)
	region := s.RegionNamer(ctx, s.svc.Geo, string(rq.L.Locale()))
	parent := s.orgNamer(r, rq, list)
	for _, o := range list {
		v.Orgs = append(v.Orgs, orgRow{Organisation: o, RegionName: region(o.RegionCode), ParentName: parent(o.ParentID)})
	}
	s.Render(w, http.StatusOK, "orgs", &v)
	return nil
}

// orgNamer returns the name of an organisation by id, taking it from
// known when it is there and asking the service once otherwise. A parent
// the user may not see is left unnamed.
func (s *Server) orgNamer(r *http.Request, rq *request, known []orgs.Organisation) func(id int64) string {
	names := map[int64]string{0: ""}
	for _, o := range known {
		names[o.ID] = o.Name
	}
	return func(id int64) string {
		if n, ok := names[id]; ok {
			return n
		}
		o, err := s.svc.Orgs.Get(r.Context(), rq.P, id)
		if err != nil && errs.CodeOf(err) != errs.Forbidden && errs.CodeOf(err) != errs.NotFound {
			s.Logger.Warn("organisation name", "id", id, "err", err)
		}
		names[id] = o.Name
		return o.Name
	}
}
