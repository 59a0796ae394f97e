package guidance

import (
	"net/http"

	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/web/kit"
)

// assessmentsView lists the assessments made at one school or centre.
type assessmentsView struct {
	Page
	listing
	Filter      *form
	Orgs        []option
	OrgID       int64
	Assessments []assessmentRow
}

// AssessmentList lists the assessments made at the organisation ?org= (the
// user's own when not given), the latest recorded first.
func (s *Server) AssessmentList(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	f := kit.QueryForm(r, "org")
	org := kit.FilterID(rq, f, "org")
	if org == 0 && f.Values["org"] == "" {
		org = rq.P.OrgID
		f.Values["org"] = ""
		if org != 0 {
			f.Values["org"] = kit.Itoa(org)
		}
	}
	v := assessmentsView{Page: s.Page(r, rq, "assessments.title"), Filter: f, OrgID: org}
	if org != 0 {
		n, err := s.svc.Guidance.CountAssessmentsAt(ctx, rq.P, org)
		if err != nil {
			return err
		}
		pg := kit.PagingOf(r).Fit(n)
		list, next, err := s.svc.Guidance.AssessmentsAt(ctx, rq.P, org, people.Page{Cursor: pg.Cursor, Limit: pg.Limit, Skip: pg.Skip()})
		if err != nil {
			return err
		}
		v.Assessments, v.listing = assessmentRows(rq.L, list), pg.Listing(r, next, n)
	}
	opts, err := kit.OrgOptions(ctx, s.svc.Orgs, rq.P, f.Values["org"], "", 0)
	if err != nil {
		return err
	}
	v.Orgs = withEmpty(opts, rq.L.T("assessments.choose_org"), f.Values["org"])
	s.Render(w, http.StatusOK, "assessments", &v)
	return nil
}

// withEmpty puts a first option with no value, labelled label, before
// opts unless they start with one.
func withEmpty(opts []option, label, selected string) []option {
	if len(opts) > 0 && opts[0].Value == "" {
		opts[0].Label = label
		return opts
	}
	return append([]option{{Value: "", Label: label, Selected: selected == ""}}, opts...)
}
