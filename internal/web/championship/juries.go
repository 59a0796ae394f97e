package championship

import (
	"net/http"

	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/web/kit"
)

// juriesView lists the championships the reader sits on the jury of.
type juriesView struct {
	view
	Championships []championship.Championship
}

// Juries is a juror's way in: the championships they score, each with a
// link to pick a team.
func (s *Server) Juries(w http.ResponseWriter, r *http.Request, rq *request) error {
	cs, err := s.svc.Championship.Juries(r.Context(), rq.P)
	if err != nil {
		return err
	}
	v := juriesView{view: s.view(r, rq, "championship.my_juries"), Championships: cs}
	s.Render(w, http.StatusOK, "championship_juries", &v)
	return nil
}

// pickView is a page of the leaderboard to choose the team to score.
type pickView struct {
	view
	kit.Listing
	C     championship.Championship
	Board []championship.Standing
}

// pick shows the teams of championship c, a page at a time, each linked
// to its scoring form.
func (s *Server) pick(w http.ResponseWriter, r *http.Request, rq *request, c championship.Championship) error {
	rows, next, err := s.svc.Championship.Leaderboard(r.Context(), rq.P, c.ID, r.URL.Query().Get("cursor"), kit.PageOf(r).Limit)
	if err != nil {
		return err
	}
	v := pickView{view: s.view(r, rq, "championship.pick_team"), Listing: kit.NewListing(r, next), C: c, Board: rows}
	s.Render(w, http.StatusOK, "championship_pick", &v)
	return nil
}
