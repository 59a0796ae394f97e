package championship

import (
	"net/http"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/web/kit"
)

// teamView is a team's page: its members (for readers of young people),
// its cases, and for the organisers the form that adds one.
type teamView struct {
	view
	C        championship.Championship
	Team     championship.Team
	Manage   bool
	CaseForm *form
	Origins  []kit.Option
}

// Team shows team {id}.
func (s *Server) Team(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderTeam(w, r, rq, nil, http.StatusOK)
}

func (s *Server) renderTeam(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	t, err := s.svc.Championship.Team(ctx, rq.P, id)
	if err != nil {
		return err
	}
	c, err := s.svc.Championship.Get(ctx, rq.P, t.ChampionshipID)
	if err != nil {
		return err
	}
	if f == nil {
		f = kit.NewForm(nil, "title", "description", "origin")
	}
	v := teamView{view: s.view(r, rq, "championship.team"), C: c, Team: t, CaseForm: f,
		Manage: access.Can(rq.P, access.ManageChampionships, c.Target()) == nil && c.State != championship.Finished,
		Origins: kit.Choices([]championship.Origin{championship.Assigned, championship.Submitted}, f.Values["origin"], "",
			kit.Key[championship.Origin](rq.L, "championship.origin."))}
	v.Title = t.Name
	s.Render(w, status, "championship_team", &v)
	return nil
}

// AddCase gives the team a case, or records the one it brought.
func (s *Server) AddCase(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "title", "description", "origin")
	_, err = s.svc.Championship.AddCase(r.Context(), rq.P, id, championship.Case{Title: f.Values["title"],
		Description: f.Values["description"], Origin: championship.Origin(f.Values["origin"])})
	if err != nil {
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
		return s.renderTeam(w, r, rq, f, http.StatusUnprocessableEntity)
	}
	s.Flash(r, "championship.case_added")
	return kit.SeeOther(w, r, "/championship-teams/"+kit.Itoa(id))
}
