package mentors

import (
	"net/http"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/web/kit"
)

var (
	moduleFields = []string{"code", "name", "required", "position"}
	cohortFields = []string{"name", "org", "starts_on", "ends_on"}
)

// schoolView is the school: its modules and the cohorts of the reader's
// scope, with the forms that add a module and open a cohort.
type schoolView struct {
	Page
	Modules    []mentoring.Module
	Cohorts    []mentoring.Cohort
	Module     *form
	Cohort     *form
	Orgs       []kit.Option
	CanModules bool
	CanCohorts bool
}

// School shows the school's modules and cohorts.
func (s *Server) School(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderSchool(w, r, rq, nil, nil, http.StatusOK)
}

func (s *Server) renderSchool(w http.ResponseWriter, r *http.Request, rq *request, module, cohort *form, status int) error {
	ctx := r.Context()
	v := schoolView{Page: s.Page(r, rq, "mentors.school_title"), Module: module, Cohort: cohort,
		CanModules: access.Allowed(rq.P, access.ManageMentorFields), CanCohorts: access.Allowed(rq.P, access.ManageMentors)}
	if v.Module == nil {
		v.Module = kit.NewForm(nil, moduleFields...)
		v.Module.Values["required"] = "1"
	}
	if v.Cohort == nil {
		v.Cohort = kit.NewForm(nil, cohortFields...)
		v.Cohort.Values["org"] = kit.Itoa(rq.P.OrgID)
	}
	var err error
	if v.Modules, err = s.svc.Mentoring.Modules(ctx); err != nil {
		return err
	}
	if v.Cohorts, err = s.svc.Mentoring.Cohorts(ctx, rq.P); err != nil {
		return err
	}
	if v.CanCohorts {
		if v.Orgs, err = kit.OrgOptions(ctx, s.svc.Orgs, rq.P, v.Cohort.Values["org"], rq.L.T("public.choose"), 0); err != nil {
			return err
		}
	}
	s.Render(w, status, "mentor_school", &v)
	return nil
}

// ModuleCreate adds a module to the school.
func (s *Server) ModuleCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, moduleFields...)
	m := mentoring.Module{Code: f.Values["code"], Name: f.Values["name"], Required: f.Values["required"] != "",
		Position: kit.Count(rq, f, "position")}
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.Mentoring.AddModule(r.Context(), rq.P, m)
		if err == nil {
			s.Flash(r, "mentors.module_added")
			return kit.SeeOther(w, r, "/mentors/school")
		}
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
	}
	return s.renderSchool(w, r, rq, f, nil, http.StatusUnprocessableEntity)
}

// CohortCreate opens a cohort and shows it.
func (s *Server) CohortCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, cohortFields...)
	c := mentoring.Cohort{Name: f.Values["name"], StartsOn: kit.FormDate(rq, f, "starts_on"),
		EndsOn: kit.FormDate(rq, f, "ends_on")}
	c.OrgID, _ = kit.FormID(f.Values["org"])
	if len(f.FieldErrs) == 0 {
		c, err := s.svc.Mentoring.CreateCohort(r.Context(), rq.P, c)
		if err == nil {
			s.Flash(r, "mentors.cohort_created")
			return kit.SeeOther(w, r, "/mentors/school/cohorts/"+kit.Itoa(c.ID))
		}
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
	}
	return s.renderSchool(w, r, rq, nil, f, http.StatusUnprocessableEntity)
}
