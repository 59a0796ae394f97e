package mentors

import (
	"net/http"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/web/kit"
)

var (
	memberFields  = []string{"mentor"}
	sessionFields = []string{"module", "held_on", "trainer"}
	finalFields   = []string{"mentor", "result", "score", "checked_on"}
)

// cohortView is a cohort's progress — who finished, who misses what —
// its sessions, and the forms that add members and sessions and record
// the final check.
type cohortView struct {
	Page
	Report      mentoring.Report
	ModuleNames map[int64]string
	Member      *form
	Session     *form
	Final       *form
	Candidates  []kit.Option // approved mentors not yet in the cohort
	Modules     []kit.Option
	Members     []kit.Option
	Results     []kit.Option
	CanManage   bool
}

// Cohort shows the {id} cohort's progress.
func (s *Server) Cohort(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderCohort(w, r, rq, nil, nil, nil, http.StatusOK)
}

func (s *Server) renderCohort(w http.ResponseWriter, r *http.Request, rq *request, member, session, final *form, status int) error {
	ctx := r.Context()
	id, err := pathID(r)
	if err != nil {
		return err
	}
	rep, err := s.svc.Mentoring.Report(ctx, rq.P, id)
	if err != nil {
		return err
	}
	v := cohortView{Page: s.Page(r, rq, "mentors.school_title"), Report: rep, ModuleNames: map[int64]string{},
		Member: orNew(member, memberFields), Session: orNew(session, sessionFields), Final: orNew(final, finalFields),
		CanManage: access.Can(rq.P, access.ManageMentors, rep.Cohort.Target()) == nil}
	v.Title = rep.Cohort.Name
	for _, m := range rep.Catalog {
		v.ModuleNames[m.ID] = m.Name
		v.Modules = append(v.Modules, kit.Option{Value: kit.Itoa(m.ID), Label: m.Name, Selected: v.Session.Values["module"] == kit.Itoa(m.ID)})
	}
	for _, m := range rep.Members {
		v.Members = append(v.Members, kit.Option{Value: kit.Itoa(m.MentorID), Label: m.Name, Selected: v.Final.Values["mentor"] == kit.Itoa(m.MentorID)})
	}
	v.Results = kit.Choices([]string{mentoring.Passed, mentoring.Failed}, v.Final.Values["result"], "",
		kit.Key[string](rq.L, "mentors.final."))
	if v.CanManage {
		if v.Candidates, err = s.candidates(r, rq, rep); err != nil {
			return err
		}
	}
	s.Render(w, status, "mentor_cohort", &v)
	return nil
}

// candidates are the approved mentors of the reader's scope not yet in
// the cohort, the newest first, up to a page.
func (s *Server) candidates(r *http.Request, rq *request, rep mentoring.Report) ([]kit.Option, error) {
	list, _, err := s.svc.Mentoring.Page(r.Context(), rq.P, mentoring.ListFilter{Status: mentoring.Approved},
		store.Page{Limit: store.MaxLimit})
	if err != nil {
		return nil, err
	}
	out := []kit.Option{{Label: rq.L.T("public.choose")}}
	for _, m := range list {
		in := slices.ContainsFunc(rep.Members, func(x mentoring.Member) bool { return x.MentorID == m.ID })
		if !in {
			out = append(out, kit.Option{Value: kit.Itoa(m.ID), Label: m.Name})
		}
	}
	return out, nil
}

func orNew(f *form, fields []string) *form {
	if f != nil {
		return f
	}
	return kit.NewForm(nil, fields...)
}

// MemberAdd enrols an approved mentor in the {id} cohort.
func (s *Server) MemberAdd(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, memberFields...)
	mentor, err := kit.FormID(f.Values["mentor"])
	if err != nil || mentor == 0 {
		f.Fail(rq.L, "mentor", "error.required", "Field", rq.L.T("field.mentor"))
	} else if err = s.svc.Mentoring.Enrol(r.Context(), rq.P, id, mentor); err == nil {
		s.Flash(r, "mentors.member_added")
		return kit.SeeOther(w, r, "/mentors/school/cohorts/"+kit.Itoa(id))
	} else if !f.AbsorbInput(rq.L, err) {
		return err
	}
	return s.renderCohort(w, r, rq, f, nil, nil, http.StatusUnprocessableEntity)
}

// SessionAdd plans a session of a module in the {id} cohort.
func (s *Server) SessionAdd(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, sessionFields...)
	in := mentoring.Session{CohortID: id, HeldOn: kit.FormDate(rq, f, "held_on"), Trainer: f.Values["trainer"]}
	in.ModuleID, _ = kit.FormID(f.Values["module"])
	if len(f.FieldErrs) == 0 {
		ses, err := s.svc.Mentoring.AddSession(r.Context(), rq.P, in)
		if err == nil {
			s.Flash(r, "mentors.session_added")
			return kit.SeeOther(w, r, "/mentors/school/sessions/"+kit.Itoa(ses.ID))
		}
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
	}
	return s.renderCohort(w, r, rq, nil, f, nil, http.StatusUnprocessableEntity)
}

// FinalRecord records a member's final check in the {id} cohort.
func (s *Server) FinalRecord(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, finalFields...)
	mentor, _ := kit.FormID(f.Values["mentor"])
	if mentor == 0 {
		f.Fail(rq.L, "mentor", "error.required", "Field", rq.L.T("field.mentor"))
	}
	if f.Values["result"] != mentoring.Passed && f.Values["result"] != mentoring.Failed {
		f.Fail(rq.L, "result", "error.invalid_choice")
	}
	score := kit.Count(rq, f, "score")
	day := kit.FormDate(rq, f, "checked_on")
	if day.IsZero() && !f.Has("checked_on") {
		day = s.Today(rq)
	}
	if len(f.FieldErrs) == 0 {
		err := s.svc.Mentoring.RecordFinal(r.Context(), rq.P, id, mentor, f.Values["result"] == mentoring.Passed, score, day)
		if err == nil {
			s.Flash(r, "mentors.final_saved")
			return kit.SeeOther(w, r, "/mentors/school/cohorts/"+kit.Itoa(id))
		}
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
	}
	return s.renderCohort(w, r, rq, nil, nil, f, http.StatusUnprocessableEntity)
}
