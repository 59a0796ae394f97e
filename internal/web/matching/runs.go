package matching

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/web/kit"
)

// runsView lists the runs of the reader's scope, newest first.
type runsView struct {
	Page
	kit.Listing
	Runs     []matching.Run
	CanStart bool
}

// Runs lists the runs, a page at a time.
func (s *Server) Runs(w http.ResponseWriter, r *http.Request, rq *request) error {
	pg := kit.PageOf(r)
	runs, next, err := s.svc.Matching.Runs(r.Context(), rq.P, pg)
	if err != nil {
		return err
	}
	v := runsView{Page: s.Page(r, rq, "matching.title"), Listing: kit.NewListing(r, next), Runs: runs,
		CanStart: access.Allowed(rq.P, access.RunMatching)}
	s.Render(w, http.StatusOK, "matching_runs", &v)
	return nil
}

// newView is the form that starts a run.
type newView struct {
	Page
	Form   *form
	Fields []kit.Option
}

var runFields = []string{"region", "field", "from", "to", "deadline_days", "limit",
	"same_field", "same_region", "same_language", "choices_only"}

// New shows the form.
func (s *Server) New(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, runFields...)
	f.Values["deadline_days"] = strconv.Itoa(matching.DefaultDeadlineDays)
	f.Values["limit"] = "50"
	return s.renderNew(w, r, rq, f, http.StatusOK)
}

func (s *Server) renderNew(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	fields, err := s.svc.Mentoring.Fields(r.Context())
	if err != nil {
		return err
	}
	v := newView{Page: s.Page(r, rq, "matching.new_title"), Form: f}
	v.Fields = append(v.Fields, kit.Option{Value: "", Label: rq.L.T("matching.any_field"), Selected: f.Values["field"] == ""})
	for _, fd := range fields {
		if fd.Active {
			v.Fields = append(v.Fields, kit.Option{Value: fd.Code, Label: fieldName(fd, string(rq.L.Locale())),
				Selected: f.Values["field"] == fd.Code})
		}
	}
	s.Render(w, status, "matching_new", &v)
	return nil
}

// Start runs the matching and shows the run.
func (s *Server) Start(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, runFields...)
	pr := matching.Params{Region: f.Values["region"], Field: f.Values["field"],
		From: kit.FormDate(rq, f, "from"), To: kit.FormDate(rq, f, "to")}
	pr.Rule.Field, pr.Rule.Region = f.Values["same_field"] != "", f.Values["same_region"] != ""
	pr.Rule.Language, pr.Rule.ChoicesOnly = f.Values["same_language"] != "", f.Values["choices_only"] != ""
	var bad bool
	if pr.DeadlineDays, bad = number(f, rq, "deadline_days"); !bad {
		pr.Rule.Limit, bad = number(f, rq, "limit")
	}
	if bad || len(f.FieldErrs) > 0 {
		return s.renderNew(w, r, rq, f, http.StatusUnprocessableEntity)
	}
	run, err := s.svc.Matching.Run(r.Context(), rq.P, pr)
	if e := errs.As(err); e != nil && e.Code == errs.Invalid && f.Absorb(rq.L, err) {
		return s.renderNew(w, r, rq, f, http.StatusUnprocessableEntity)
	} else if err != nil {
		return err
	}
	s.Flash(r, "matching.run_done")
	return kit.SeeOther(w, r, "/matching/"+kit.Itoa(run.ID))
}

// number reads a whole number of field, 0 when empty; bad when it is not
// one, with the error beside the field.
func number(f *form, rq *request, field string) (int, bool) {
	v := f.Values[field]
	if v == "" {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		f.FieldErrs[field] = rq.L.T("error.match_number")
		return 0, true
	}
	return n, false
}
