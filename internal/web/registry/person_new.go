package registry

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/web/kit"
)

// PersonNew shows the form that registers a person, in the user's own
// organisation and region to start with.
func (s *Server) PersonNew(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, personFields...)
	if rq.P.OrgID != 0 {
		f.Values["org_id"] = strconv.FormatInt(rq.P.OrgID, 10)
	}
	f.Values["region_code"] = s.homeRegion(r, rq)
	v := &personFormView{Page: s.Page(r, rq, "people.new"), Form: f}
	return s.renderPersonForm(w, r, rq, v, http.StatusOK)
}

// PersonCreate registers a person. It searches before it creates: when
// the registry holds persons who may be this one, the form comes back with
// them listed, and only a second submission with confirm=1 creates.
func (s *Server) PersonCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	f := kit.NewForm(r, personFields...)
	v := &personFormView{Page: s.Page(r, rq, "people.new"), Form: f}
	if in, ok := personInput(r, rq, f); ok {
		if r.PostFormValue("confirm") != "1" {
			ms, err := s.svc.People.Matches(ctx, rq.P, in.Candidate())
			if err != nil {
				return err
			}
			for _, m := range ms {
				v.Matches = append(v.Matches, matchRow{Match: m, Reason: rq.L.T("matchreason." + string(m.Reason))})
			}
			if len(v.Matches) > 0 {
				return s.renderPersonForm(w, r, rq, v, http.StatusOK)
			}
		}
		p, err := s.svc.People.Create(ctx, rq.P, in)
		if err == nil {
			s.Flash(r, "flash.created")
			http.Redirect(w, r, personURL(p.ID), http.StatusSeeOther)
			return nil
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
		v.Duplicate = duplicateOf(err)
	}
	return s.renderPersonForm(w, r, rq, v, http.StatusUnprocessableEntity)
}

// homeRegion is the region a new record starts in: the user's own, else
// their organisation's.
func (s *Server) homeRegion(r *http.Request, rq *request) string {
	switch {
	case rq.User == nil:
		return ""
	case rq.User.RegionCode != "" || rq.P.OrgID == 0:
		return rq.User.RegionCode
	}
	o, err := s.svc.Orgs.Get(r.Context(), rq.P, rq.P.OrgID)
	if err != nil {
		return ""
	}
	return o.RegionCode
}

func personURL(id int64) string { return "/people/" + strconv.FormatInt(id, 10) }
