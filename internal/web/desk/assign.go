package desk

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/appeals"
	"github.com/jolproject/jol/internal/web/kit"
)

// assignFields are the fields of the form that gives an appeal to a
// colleague: the one chosen, and the button pressed ("assign" or "off").
var assignFields = []string{"assignee", "action"}

// assignees offers the colleagues who may answer appeal a, the one it is
// given to chosen, or the one of a refused post af.
func (s *Server) assignees(r *http.Request, rq *request, a appeals.Appeal, af *form) ([]option, error) {
	able, err := s.svc.Accounts.Able(r.Context(), rq.P, access.RecordAppeals, a.Target())
	if err != nil {
		return nil, err
	}
	chosen := a.AssigneeID
	if id, err := strconv.ParseInt(af.Values["assignee"], 10, 64); err == nil {
		chosen = id
	}
	return kit.ColleagueOptions(rq.L, able, chosen, rq.L.T("desk.choose_assignee")), nil
}

// AppealAssign gives the {id} appeal to the colleague chosen (assignee)
// or to nobody (action "off"); "Take it" (AppealTake) gives it to the
// user. A colleague who may not answer it is refused beside the list.
func (s *Server) AppealAssign(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	af := kit.NewForm(r, assignFields...)
	var user int64
	flash := "desk.unassigned"
	switch {
	case af.Values["action"] == "off":
	case af.Values["assignee"] == "":
		af.Fail(rq.L, "assignee", "desk.choose_assignee_first")
		return s.renderAppealForms(w, r, rq, appealForms{assign: af}, http.StatusUnprocessableEntity)
	default:
		if user, err = strconv.ParseInt(af.Values["assignee"], 10, 64); err != nil {
			user = -1 // no such user: the service says so
		}
		flash = "desk.assigned"
		if user == rq.P.UserID {
			flash = "desk.taken"
		}
	}
	if _, err := s.svc.Appeals.Assign(r.Context(), rq.P, id, user); err != nil {
		if !af.Absorb(rq.L, err) {
			return err
		}
		return s.renderAppealForms(w, r, rq, appealForms{assign: af}, http.StatusUnprocessableEntity)
	}
	s.Flash(r, flash)
	return kit.SeeOther(w, r, deskURL(id))
}
