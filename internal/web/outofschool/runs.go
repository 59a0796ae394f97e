package outofschool

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/oosrun"
	"github.com/jolproject/jol/internal/web/kit"
)

// runsView lists the runs of the reader's scope, newest first.
type runsView struct {
	Page
	Runs     []oosrun.Run
	CanStart bool
}

// Runs lists the latest runs.
func (s *Server) Runs(w http.ResponseWriter, r *http.Request, rq *request) error {
	runs, err := s.svc.OOS.Runs(r.Context(), rq.P, 100)
	if err != nil {
		return err
	}
	v := runsView{Page: s.Page(r, rq, "oos.title"), Runs: runs, CanStart: access.Allowed(rq.P, access.RunOutOfSchool)}
	s.Render(w, http.StatusOK, "oos_runs", &v)
	return nil
}

// newView is the form that starts a run: the population list, the
// enrolment lists, the school year and school age.
type newView struct {
	Page
	Form       *form
	Population []oosrun.List
	Enrolment  []oosrun.List
	Chosen     map[int64]bool
}

// New shows the form, the enrolment lists of the latest year chosen.
func (s *Server) New(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, "population", "school_year", "min_age", "max_age")
	f.Values["min_age"], f.Values["max_age"] = strconv.Itoa(oosrun.MinAge), strconv.Itoa(oosrun.MaxAge)
	return s.renderNew(w, r, rq, f, nil, http.StatusOK)
}

func (s *Server) renderNew(w http.ResponseWriter, r *http.Request, rq *request, f *form, chosen map[int64]bool, status int) error {
	ctx := r.Context()
	v := newView{Page: s.Page(r, rq, "oos.new_title"), Form: f, Chosen: chosen}
	var err error
	if v.Population, err = s.svc.OOS.Lists(ctx, rq.P, oosrun.Population); err != nil {
		return err
	}
	if v.Enrolment, err = s.svc.OOS.Lists(ctx, rq.P, oosrun.Enrolment); err != nil {
		return err
	}
	if chosen == nil && len(v.Enrolment) > 0 {
		v.Chosen = map[int64]bool{}
		for _, l := range v.Enrolment {
			if l.SchoolYear <= v.Enrolment[0].SchoolYear {
				v.Chosen[l.ID] = true
			}
		}
		if f.Values["school_year"] == "" {
			f.Values["school_year"] = oosrun.YearLabel(v.Enrolment[0].SchoolYear)
		}
	}
	if len(v.Population) > 0 && f.Values["population"] == "" {
		f.Values["population"] = kit.Itoa(v.Population[0].ID)
	}
	s.Render(w, status, "oos_new", &v)
	return nil
}

// Start queues a run and shows its page, which follows the job.
func (s *Server) Start(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, "population", "school_year", "min_age", "max_age")
	in := oosrun.Input{}
	in.Population, _ = kit.FormID(f.Values["population"])
	chosen := map[int64]bool{}
	for _, v := range r.PostForm["enrolment"] {
		if id, err := kit.FormID(v); err == nil {
			in.Enrolment = append(in.Enrolment, id)
			chosen[id] = true
		}
	}
	if y, ok := oosrun.ParseSchoolYear(f.Values["school_year"]); ok {
		in.SchoolYear = y
	}
	in.MinAge, _ = strconv.Atoi(f.Values["min_age"])
	in.MaxAge, _ = strconv.Atoi(f.Values["max_age"])
	if in.MinAge == 0 || in.MaxAge == 0 {
		in.MinAge, in.MaxAge = -1, -1 // refused with the field named
	}
	run, err := s.svc.OOS.Start(r.Context(), rq.P, in)
	if e := errs.As(err); e != nil && e.Code == errs.Invalid && f.Absorb(rq.L, err) {
		f.Move("ages", "min_age")
		return s.renderNew(w, r, rq, f, chosen, http.StatusUnprocessableEntity)
	} else if err != nil {
		return err
	}
	s.Flash(r, "oos.run_queued")
	return kit.SeeOther(w, r, "/out-of-school/"+kit.Itoa(run.ID))
}
