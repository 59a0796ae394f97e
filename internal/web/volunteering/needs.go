package volunteering

import (
	"net/http"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/volunteers"
	"github.com/jolproject/jol/internal/web/kit"
)

// needsView lists the needs of the coordinator's scope from today on,
// with the form that records one.
type needsView struct {
	Page
	kit.Listing
	Rows      []volunteers.Need
	CanManage bool
	needForm
}

// Needs lists the needs from today on, the soonest first.
func (s *Server) Needs(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, needFields...)
	f.Values["on_date"] = s.Today(rq).Format(time.DateOnly)
	return s.renderNeeds(w, r, rq, f, http.StatusOK)
}

func (s *Server) renderNeeds(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	ctx := r.Context()
	pg := kit.PagingOf(r)
	count, err := s.svc.Volunteers.NeedsCount(ctx, rq.P, volunteers.NeedFilter{})
	if err != nil {
		return err
	}
	pg = pg.Fit(count)
	list, next, err := s.svc.Volunteers.Needs(ctx, rq.P, volunteers.NeedFilter{},
		volunteers.Page{Cursor: pg.Cursor, Limit: pg.Limit, Skip: pg.Skip()})
	if err != nil {
		return err
	}
	v := needsView{Page: s.Page(r, rq, "nav.needs"), Listing: pg.Listing(r, next, count), Rows: list,
		CanManage: access.Allowed(rq.P, access.ManageVolunteers),
		needForm:  needForm{Form: f, Action: "/needs", Submit: "volunteering.new_need"}}
	if v.CanManage {
		if err := s.needOptions(r, rq, &v.needForm); err != nil {
			return err
		}
	}
	s.Render(w, status, "needs", &v)
	return nil
}

// NeedCreate records a need.
func (s *Server) NeedCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, needFields...)
	in := needInput(rq, f)
	if len(f.FieldErrs) == 0 {
		n, err := s.svc.Volunteers.CreateNeed(r.Context(), rq.P, in)
		if err == nil {
			s.Flash(r, "volunteering.need_saved")
			return kit.SeeOther(w, r, "/needs/"+kit.Itoa(n.ID))
		}
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
	}
	return s.renderNeeds(w, r, rq, f, http.StatusUnprocessableEntity)
}

// needView is a need with who signed up.
type needView struct {
	Page
	Need      volunteers.Need
	CanManage bool
}

// Need shows the {id} need and its sign-ups.
func (s *Server) Need(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	n, err := s.svc.Volunteers.Need(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	v := needView{Page: s.Page(r, rq, "nav.needs"), Need: n,
		CanManage: access.Can(rq.P, access.ManageVolunteers, n.Target()) == nil}
	v.Title = n.Title
	s.Render(w, http.StatusOK, "need", &v)
	return nil
}

// NeedCancel cancels the {id} need.
func (s *Server) NeedCancel(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "version")
	version, _ := strconv.Atoi(f.Values["version"])
	if _, err := s.svc.Volunteers.CancelNeed(r.Context(), rq.P, id, version); err != nil {
		return err
	}
	s.Flash(r, "volunteering.need_cancelled")
	return kit.SeeOther(w, r, "/needs/"+kit.Itoa(id))
}
