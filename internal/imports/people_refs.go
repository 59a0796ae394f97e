package imports

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

// loadRefs reads what the cells of a people list may name — every
// region, the categories and the organisations p may write to — once per
// import.
func loadRefs(ctx context.Context, g *geo.Service, o *orgs.Service, reg *people.Service, p access.Principal) (Refs, error) {
	var places []Named
	for pg := (store.Page{Limit: store.MaxLimit}); ; {
		rs, next, err := g.List(ctx, p, "", pg)
		if err != nil {
			return Refs{}, err
		}
		for _, r := range rs {
			places = append(places, Named{Code: r.Code, Names: []string{r.NameEN, r.NameKK, r.NameRU, r.NameFR, r.NameFA}})
		}
		if next == "" {
			break
		}
		pg = store.ParsePage(next, "500")
	}
	cats, err := reg.Categories(ctx, p)
	if err != nil {
		return Refs{}, err
	}
	var named []Named
	for _, c := range cats {
		if c.Active {
			named = append(named, Named{Code: c.Code, Names: []string{c.NameEN, c.NameKK, c.NameRU, c.NameFR, c.NameFA}})
		}
	}
	schools, err := schoolIndex(ctx, o, p)
	if err != nil {
		return Refs{}, err
	}
	return Refs{Regions: NewPlaceMatcher(places), Categories: NewMatcher(named), Schools: schools}, nil
}

// schoolIndex maps the folded name of each organisation p may see to its
// id, 0 when two organisations share the name.
func schoolIndex(ctx context.Context, o *orgs.Service, p access.Principal) (map[string]int64, error) {
	schools := map[string]int64{}
	for pg := (store.Page{Limit: store.MaxLimit}); ; {
		os, next, err := o.List(ctx, p, orgs.Filter{}, pg)
		if err != nil {
			return nil, err
		}
		for _, org := range os {
			k := valueKey(org.Name)
			if prev, seen := schools[k]; seen && prev != org.ID {
				schools[k] = 0 // two organisations of that name: the cell cannot say which
			} else {
				schools[k] = org.ID
			}
		}
		if next == "" {
			break
		}
		pg = store.ParsePage(next, "500")
	}
	return schools, nil
}
