package web

import (
	"net/http"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/geo"
)

// regionsView browses the region tree: the children of one region with
// the way up to it, or the regions a search found.
type regionsView struct {
	Page
	Query     string
	Current   *regionRow  // the region whose children are shown
	Crumbs    []regionRow // the regions above Current, the country first
	Regions   []regionRow
	Searched  bool
	CanImport bool
}

// regionRow is a region named in the user's language, its type
// translated when Jol knows it.
type regionRow struct {
	geo.Region
	Label    string
	TypeName string
}

// regionTypes are the kinds of region the catalogues name; an imported
// file may use others, which are shown as written.
var regionTypes = []string{"country", "region", "city", "province", "county", "district", "rural_district", "settlement", "village"}

// regions shows the countries, the children of ?parent=CODE with
// breadcrumbs, or the result of a search for ?q=.
func (s *Server) regions(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	v := regionsView{Page: s.page(r, rq, "regions.title"), Query: strings.TrimSpace(r.URL.Query().Get("q")),
		CanImport: access.Allowed(rq.p, access.ManageRegions)}
	row := func(g geo.Region) regionRow {
		out := regionRow{Region: g, Label: g.Name(string(rq.l.Locale())), TypeName: g.Type}
		for _, t := range regionTypes {
			if t == g.Type {
				out.TypeName = rq.l.T("regiontype." + t)
			}
		}
		return out
	}
	var list []geo.Region
	var err error
	if v.Query != "" {
		v.Searched = true
		list, err = s.svc.Geo.Search(ctx, rq.p, v.Query)
	} else if code := r.URL.Query().Get("parent"); code != "" {
		var cur geo.Region
		if cur, err = s.svc.Geo.Get(ctx, rq.p, code); err != nil {
			return err
		}
		c := row(cur)
		v.Current = &c
		var up []geo.Region
		if up, err = s.svc.Geo.Ancestors(ctx, rq.p, cur.Code); err != nil {
			return err
		}
		for _, g := range up {
			v.Crumbs = append(v.Crumbs, row(g))
		}
		list, err = s.svc.Geo.Children(ctx, rq.p, cur.Code)
	} else {
		list, err = s.svc.Geo.Children(ctx, rq.p, "")
	}
	if err != nil {
		return err
	}
	for _, g := range list {
		v.Regions = append(v.Regions, row(g))
	}
	s.render(w, http.StatusOK, "regions", &v)
	return nil
}
