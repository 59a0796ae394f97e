package admin

import (
	"net/http"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/web/kit"
)

// regionsView browses the region tree: the children of one region with
// the way up to it, or the regions a search found.
type regionsView struct {
	Page
	listing
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

// RegionTypes are the kinds of region the catalogues name ("regiontype."
// keys); an imported file may use others, which are shown as written.
func RegionTypes() []string {
	return []string{"country", "region", "city", "province", "county", "district", "rural_district", "settlement", "village"}
}

// Regions shows the countries, the children of ?parent=CODE with
// breadcrumbs, or the result of a search for ?q=.
func (s *Server) Regions(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	v := regionsView{Page: s.Page(r, rq, "regions.title"), Query: strings.TrimSpace(r.URL.Query().Get("q")),
		CanImport: access.Allowed(rq.P, access.ManageRegions)}
	row := func(g geo.Region) regionRow {
		out := regionRow{Region: g, Label: g.Name(string(rq.L.Locale())), TypeName: g.Type}
		for _, t := range RegionTypes() {
			if t == g.Type {
				out.TypeName = rq.L.T("regiontype." + t)
			}
		}
		return out
	}
	var list []geo.Region
	var err error
	if v.Query != "" {
		v.Searched = true
		list, err = s.svc.Geo.Search(ctx, rq.P, v.Query)
	} else if code := r.URL.Query().Get("parent"); code != "" {
		var cur geo.Region
		if cur, err = s.svc.Geo.Get(ctx, rq.P, code); err != nil {
			return err
		}
		c := row(cur)
		v.Current = &c
		var up []geo.Region
		if up, err = s.svc.Geo.Ancestors(ctx, rq.P, cur.Code); err != nil {
			return err
		}
		for _, g := range up {
			v.Crumbs = append(v.Crumbs, row(g))
		}
		list, err = s.svc.Geo.Children(ctx, rq.P, cur.Code)
	} else {
		list, err = s.svc.Geo.Children(ctx, rq.P, "")
	}
	if err != nil {
		return err
	}
	for _, g := range list {
		v.Regions = append(v.Regions, row(g))
	}
	v.listing = kit.Whole(len(list))
	s.Render(w, http.StatusOK, "regions", &v)
	return nil
}
