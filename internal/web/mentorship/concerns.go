package mentorship

import (
	"net/http"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/web/kit"
)

// concernsView is the safeguarding lead's concerns and, for who may
// designate leads, the leads of their organisations.
type concernsView struct {
	Page
	listing
	Rows     []mentorship.Concern
	Form     *form // the status filter
	Statuses []option
	CanLeads bool
	Leads    []mentorship.Lead
	LeadForm *form
	Orgs     []option
	Users    []option
}

var leadFields = []string{"org_id", "user_id"}

// Concerns lists the concerns the user works, newest first.
func (s *Server) Concerns(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderConcerns(w, r, rq, kit.NewForm(nil, leadFields...), http.StatusOK)
}

func (s *Server) renderConcerns(w http.ResponseWriter, r *http.Request, rq *request, lf *form, status int) error {
	ctx := r.Context()
	f := kit.QueryForm(r, "status")
	rows, next, err := s.ships().Concerns(ctx, rq.P, mentorship.ConcernStatus(f.Values["status"]), kit.PageOf(r))
	if err != nil && !f.Absorb(rq.L, err) {
		return err
	}
	v := concernsView{Page: s.Page(r, rq, "safeguarding.title"), listing: kit.NewListing(r, next), Rows: rows, Form: f,
		Statuses: kit.Choices(mentorship.ConcernStatuses(), f.Values["status"], rq.L.T("mentorship.any_status"),
			kit.Key[mentorship.ConcernStatus](rq.L, "safeguarding.status.")),
		CanLeads: access.Allowed(rq.P, access.ManageSafeguarding), LeadForm: lf}
	if v.CanLeads {
		if v.Leads, err = s.ships().Leads(ctx, rq.P); err != nil {
			return err
		}
		if v.Orgs, err = kit.OrgOptions(ctx, s.svc.Orgs, rq.P, lf.Values["org_id"], rq.L.T("safeguarding.choose_org"), 0); err != nil {
			return err
		}
		able, err := s.svc.Accounts.Able(ctx, rq.P, access.ManageSafeguarding, rq.P.Scope())
		if err != nil {
			return err
		}
		coords := able[:0]
		for _, c := range able {
			if c.Role == access.Coordinator {
				coords = append(coords, c)
			}
		}
		id, _ := kit.FormID(lf.Values["user_id"])
		v.Users = kit.ColleagueOptions(rq.L, coords, id, rq.L.T("safeguarding.choose_user"))
	}
	s.Render(w, status, "concerns", &v)
	return nil
}

// SetLead designates the safeguarding lead of an organisation.
func (s *Server) SetLead(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, leadFields...)
	org, user := kit.FilterID(rq, f, "org_id"), kit.FilterID(rq, f, "user_id")
	if org == 0 {
		f.Fail(rq.L, "org_id", "error.required", "Field", rq.L.T("field.org_id"))
	}
	if user == 0 {
		f.Fail(rq.L, "user_id", "error.required", "Field", rq.L.T("field.user_id"))
	}
	if len(f.FieldErrs) == 0 {
		err := s.ships().SetLead(r.Context(), rq.P, org, user)
		if err == nil {
			s.Flash(r, "safeguarding.lead_set")
			return kit.SeeOther(w, r, "/safeguarding#leads")
		}
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
	}
	return s.renderConcerns(w, r, rq, f, http.StatusUnprocessableEntity)
}

// concernView is one concern with the form that moves it on.
type concernView struct {
	Page
	C    mentorship.Concern
	Form *form
	Next []option
}

var workFields = []string{"status", "note", "version"}

// Concern shows the {id} concern to who works it.
func (s *Server) Concern(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderConcern(w, r, rq, kit.NewForm(nil, workFields...), http.StatusOK)
}

func (s *Server) renderConcern(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	c, err := s.ships().Concern(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	v := concernView{Page: s.Page(r, rq, "safeguarding.concern"), C: c, Form: f}
	// A concern only moves on: the statuses after its own.
	all := mentorship.ConcernStatuses()
	next := all[slices.Index(all, c.Status)+1:]
	v.Next = kit.Choices(next, f.Values["status"], "", kit.Key[mentorship.ConcernStatus](rq.L, "safeguarding.status."))
	s.Render(w, status, "concern", &v)
	return nil
}

// WorkConcern moves the {id} concern on.
func (s *Server) WorkConcern(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, workFields...)
	_, err = s.ships().WorkConcern(r.Context(), rq.P, id, formVersion(f), mentorship.ConcernStatus(f.Values["status"]), f.Values["note"])
	if err == nil {
		s.Flash(r, "safeguarding.updated")
		return kit.SeeOther(w, r, "/safeguarding/"+kit.Itoa(id))
	}
	if !f.AbsorbInput(rq.L, err) {
		return err
	}
	return s.renderConcern(w, r, rq, f, http.StatusUnprocessableEntity)
}
