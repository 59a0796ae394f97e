package championship

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/web/kit"
)

// listView lists the championships of the reader's scope, newest first.
type listView struct {
	view
	kit.Listing
	Championships []championship.Championship
	CanCreate     bool
}

// List shows a page of the championships.
func (s *Server) List(w http.ResponseWriter, r *http.Request, rq *request) error {
	cs, next, err := s.svc.Championship.List(r.Context(), rq.P, kit.PageOf(r))
	if err != nil {
		return err
	}
	v := listView{view: s.view(r, rq, "championship.title"), Listing: kit.NewListing(r, next), Championships: cs,
		CanCreate: access.Allowed(rq.P, access.ManageChampionships)}
	s.Render(w, http.StatusOK, "championships", &v)
	return nil
}

// rubricRows is how many criteria the form offers.
const rubricRows = 5

// newView is the form that opens a championship.
type newView struct {
	Page
	Form *form
	Orgs []kit.Option
	Rows []int
}

var newFields = func() []string {
	fs := []string{"org_id", "region", "name", "starts_on", "ends_on"}
	for i := range rubricRows {
		n := strconv.Itoa(i)
		fs = append(fs, "code_"+n, "cname_"+n, "weight_"+n, "min_"+n, "max_"+n)
	}
	return fs
}()

// NewForm shows the form with the usual three criteria filled in.
func (s *Server) NewForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, newFields...)
	for i, c := range []championship.Criterion{{Code: "analysis", Name: rq.L.T("championship.c_analysis"), Weight: 3, Max: 10},
		{Code: "solution", Name: rq.L.T("championship.c_solution"), Weight: 2, Max: 10},
		{Code: "delivery", Name: rq.L.T("championship.c_delivery"), Weight: 1, Min: 1, Max: 5}} {
		n := strconv.Itoa(i)
		f.Values["code_"+n], f.Values["cname_"+n] = c.Code, c.Name
		f.Values["weight_"+n], f.Values["min_"+n], f.Values["max_"+n] = strconv.Itoa(c.Weight), strconv.Itoa(c.Min), strconv.Itoa(c.Max)
	}
	return s.renderNew(w, r, rq, f, http.StatusOK)
}

func (s *Server) renderNew(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	orgs, err := kit.OrgOptions(r.Context(), s.svc.Orgs, rq.P, f.Values["org_id"], "", 0)
	if err != nil {
		return err
	}
	v := newView{Page: s.Page(r, rq, "championship.new_title"), Form: f, Orgs: orgs}
	for i := range rubricRows {
		v.Rows = append(v.Rows, i)
	}
	s.Render(w, status, "championship_new", &v)
	return nil
}

// Create opens the championship and shows its page.
func (s *Server) Create(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, newFields...)
	in := championship.Input{RegionCode: f.Values["region"], Name: f.Values["name"],
		Starts: kit.FormDate(rq, f, "starts_on"), Ends: kit.FormDate(rq, f, "ends_on")}
	in.OrgID, _ = kit.FormID(f.Values["org_id"])
	for i := range rubricRows {
		n := strconv.Itoa(i)
		if f.Values["code_"+n] == "" {
			continue
		}
		c := championship.Criterion{Code: f.Values["code_"+n], Name: f.Values["cname_"+n]}
		c.Weight, _ = strconv.Atoi(f.Values["weight_"+n])
		c.Min, _ = strconv.Atoi(f.Values["min_"+n])
		c.Max, _ = strconv.Atoi(f.Values["max_"+n])
		in.Rubric = append(in.Rubric, c)
	}
	c, err := s.svc.Championship.Create(r.Context(), rq.P, in)
	if err == nil {
		s.Flash(r, "championship.created")
		return kit.SeeOther(w, r, "/championships/"+kit.Itoa(c.ID))
	}
	if err != nil && !f.Absorb(rq.L, err) {
		return err
	}
	return s.renderNew(w, r, rq, f, http.StatusUnprocessableEntity)
}
