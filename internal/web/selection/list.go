package selection

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/web/kit"
)

// listView lists the selections of the reader's scope, newest first.
type listView struct {
	Page
	kit.Listing
	Rows      []selection.Selection
	CanManage bool
}

// List lists the selections.
func (s *Server) List(w http.ResponseWriter, r *http.Request, rq *request) error {
	rows, next, err := s.svc.Selection.List(r.Context(), rq.P, kit.PageOf(r))
	if err != nil {
		return err
	}
	v := listView{Page: s.Page(r, rq, "selection.title"), Listing: kit.NewListing(r, next), Rows: rows,
		CanManage: access.Allowed(rq.P, access.ManageSelection)}
	s.Render(w, http.StatusOK, "selections", &v)
	return nil
}

// newFields are the fields of the form that opens a selection.
var newFields = []string{"name", "org_id", "places", "quota_mode", "tie_rule", "appeal_days",
	"quota_south", "quota_north", "quota_west", "quota_centre", "quota_east"}

// newView is the form that opens a selection.
type newView struct {
	Page
	Form   *form
	Orgs   []kit.Option
	Macros []selection.Macro
}

// New shows the form, with 400 places and a week of appeals.
func (s *Server) New(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, newFields...)
	f.Values["places"], f.Values["appeal_days"] = "400", "7"
	f.Values["quota_mode"], f.Values["tie_rule"] = string(selection.Fixed), string(selection.RegisteredFirst)
	for _, m := range selection.Macros() {
		f.Values["quota_"+string(m)] = "80"
	}
	return s.renderNew(w, r, rq, f, http.StatusOK)
}

func (s *Server) renderNew(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	orgs, err := kit.OrgOptions(r.Context(), s.svc.Orgs, rq.P, f.Values["org_id"], "", 0)
	if err != nil {
		return err
	}
	v := newView{Page: s.Page(r, rq, "selection.new_title"), Form: f, Orgs: orgs, Macros: selection.Macros()}
	s.Render(w, status, "selection_new", &v)
	return nil
}

// Create opens a selection and shows its page; a mistake shows the form
// again with every error beside its field.
func (s *Server) Create(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, newFields...)
	in := selection.Input{Name: f.Values["name"], QuotaMode: selection.QuotaMode(f.Values["quota_mode"]),
		TieRule: selection.TieRule(f.Values["tie_rule"]), Quotas: map[selection.Macro]int{}}
	in.OrgID, _ = kit.FormID(f.Values["org_id"])
	in.Places = number(f, "places")
	in.AppealDays = number(f, "appeal_days")
	for _, m := range selection.Macros() {
		in.Quotas[m] = number(f, "quota_"+string(m))
	}
	sel, err := s.svc.Selection.Create(r.Context(), rq.P, in)
	if e := errs.As(err); e != nil && e.Code == errs.Invalid && f.Absorb(rq.L, err) {
		return s.renderNew(w, r, rq, f, http.StatusUnprocessableEntity)
	} else if err != nil {
		return err
	}
	s.Flash(r, "selection.created")
	return kit.SeeOther(w, r, "/selections/"+kit.Itoa(sel.ID))
}

// number reads a whole number of f; a value that is none is -1, which
// the service refuses with the field named (an empty one is 0, the
// default).
func number(f *form, field string) int {
	v := f.Values[field]
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return -1
	}
	return n
}
