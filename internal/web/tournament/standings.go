package tournament

import (
	"net/http"

	"github.com/jolproject/jol/internal/tournament"
	"github.com/jolproject/jol/internal/web/kit"
)

// standingsView is the standings after the decided preliminary rounds,
// the broken teams by seed, the elimination rounds and the qualifiers.
type standingsView struct {
	Page
	Book  *tournament.Book
	Table tournament.Standings
	Names func(int64) string
}

// Standings shows the standings and the break of tournament {id}.
func (s *Server) Standings(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	b, err := s.svc.Tournaments.Book(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	v := standingsView{Page: s.Page(r, rq, "tournaments.standings"), Book: b, Names: names(b)}
	v.Title = rq.L.T("tournaments.standings") + " · " + b.Name
	if v.Table, err = b.Table(); err != nil {
		return err
	}
	s.Render(w, http.StatusOK, "tournament_standings", &v)
	return nil
}
