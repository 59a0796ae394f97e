package registry

import (
	"net/http"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/web/kit"
)

// peopleView is the registry's list: the persons the user may see,
// filtered and sorted, or the results of a search (Query not "").
type peopleView struct {
	Page
	listing
	Filter     *form
	Query      string
	Orgs       []option
	Grades     []option
	Categories []option
	Statuses   []option
	HasID      []option
	Sorts      []option
	Regions    []option
	People     []personRow
	CanEdit    bool
	Capped     string // a search found more than it shows: "showing 50 of 63"
	Filtered   bool   // a filter is set: the filters are shown open
	ExportCSV  string // the export links, with the list's filters
	ExportXLSX string
}

// peopleFilterFields are the fields of the list's filter form.
var peopleFilterFields = []string{"region", "org", "grade", "age_from", "age_to", "category", "status", "has_id", "sort"}

// PeopleList lists the persons in the user's scope. A search (?q=) looks
// up a name in any script, an ID number, a phone or a household reference
// and replaces the list with what it finds.
func (s *Server) PeopleList(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	f := kit.QueryForm(r, append([]string{"q"}, peopleFilterFields...)...)
	flt := peopleFilter(rq, f)
	var err error
	v := peopleView{Page: s.Page(r, rq, "people.title"), Filter: f, Query: f.Values["q"],
		CanEdit: access.Allowed(rq.P, access.EditChild)}
	var list []people.Person
	if v.Query != "" {
		var found store.Count
		if list, found, err = s.svc.People.SearchCounted(ctx, rq.P, v.Query); err != nil {
			return err
		}
		if v.Capped = capNote(rq, len(list), found); v.Capped == "" {
			v.listing = kit.Whole(len(list)).Of("people.total", "people.more_than")
		}
	} else if list, v.listing, err = s.peoplePage(r, rq, flt); err != nil {
		return err
	}
	v.ExportCSV, v.ExportXLSX = exportURL(f, kit.CSV), exportURL(f, kit.XLSX)
	for _, k := range peopleFilterFields {
		v.Filtered = v.Filtered || f.Values[k] != ""
	}
	if v.People, err = s.personRows(ctx, rq, list); err != nil {
		return err
	}
	if err := s.peopleChoices(r, rq, &v); err != nil {
		return err
	}
	s.Render(w, http.StatusOK, "people", &v)
	return nil
}

// peoplePage reads the page of the list the request asks for, counted:
// the count comes first, so a page number past the end shows the last page.
func (s *Server) peoplePage(r *http.Request, rq *request, flt people.Filter) ([]people.Person, listing, error) {
	ctx := r.Context()
	n, err := s.svc.People.ListCount(ctx, rq.P, flt)
	if err != nil {
		return nil, listing{}, err
	}
	pg := kit.PagingOf(r).Fit(n)
	list, next, err := s.svc.People.List(ctx, rq.P, flt, people.Page{Cursor: pg.Cursor, Limit: pg.Limit, Skip: pg.Skip()})
	if err != nil {
		return nil, listing{}, err
	}
	return list, pg.Listing(r, next, n).Of("people.total", "people.more_than"), nil
}

// capNote says how many of a search's matches are shown when it found
// more than it shows; "" when it shows them all.
func capNote(rq *request, shown int, found store.Count) string {
	switch {
	case found.More:
		return rq.L.T("people.search_capped_more", "Count", found.N, "Shown", rq.L.Number(int64(shown)))
	case found.N > shown:
		return rq.L.T("people.search_capped", "Count", found.N, "Shown", rq.L.Number(int64(shown)))
	}
	return ""
}

// peopleChoices fills the choices of the filter form.
func (s *Server) peopleChoices(r *http.Request, rq *request, v *peopleView) error {
	ctx, l, f := r.Context(), rq.L, v.Filter.Values
	all := l.T("common.all")
	var err error
	if v.Orgs, err = s.orgFilterOptions(r, rq, f["org"]); err != nil {
		return err
	}
	if v.Categories, err = s.categoryOptions(ctx, rq, f["category"], all, false); err != nil {
		return err
	}
	if v.Regions, err = kit.RegionSuggestions(ctx, s.svc.Geo, s.svc.Orgs, rq); err != nil {
		return err
	}
	v.Grades = gradeOptions(l, f["grade"], all)
	v.Statuses = statusOptions(l, f["status"], all)
	yesNo := map[string]string{"yes": l.T("common.yes"), "no": l.T("common.no")}
	v.HasID = kit.Choices([]string{"yes", "no"}, f["has_id"], all, func(s string) string { return yesNo[s] })
	sorts := map[people.Sort]string{people.SortCreated: l.T("people.sort_created"), people.SortName: l.T("people.sort_name"),
		people.SortBirth: l.T("people.sort_birth")}
	v.Sorts = kit.Choices([]people.Sort{people.SortCreated, people.SortName, people.SortBirth}, f["sort"], "",
		func(s people.Sort) string { return sorts[s] })
	return nil
}
