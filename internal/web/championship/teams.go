package championship

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/web/kit"
)

// RegisterTeam registers a team from the championship's page: its name,
// place and the numbers of its members, registered young people.
func (s *Server) RegisterTeam(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "team_name", "team_region", "members")
	in := championship.TeamInput{Name: f.Values["team_name"], RegionCode: f.Values["team_region"]}
	for _, part := range strings.FieldsFunc(f.Values["members"], func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		y, err := strconv.ParseInt(part, 10, 64)
		if err != nil || y <= 0 {
			f.Fail(rq.L, "members", "championship.members_format")
			return s.renderShow(w, r, rq, f, nil, http.StatusUnprocessableEntity)
		}
		in.Members = append(in.Members, y)
	}
	_, err = s.svc.Championship.RegisterTeam(r.Context(), rq.P, id, in)
	if err != nil {
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
		f.Move("name", "team_name")
		f.Move("region", "team_region")
		return s.renderShow(w, r, rq, f, nil, http.StatusUnprocessableEntity)
	}
	s.Flash(r, "championship.team_registered")
	return kit.SeeOther(w, r, "/championships/"+kit.Itoa(id))
}

// AddJuror puts a named juror on the jury from the championship's page.
func (s *Server) AddJuror(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "juror_name", "juror_region")
	_, err = s.svc.Championship.AddJuror(r.Context(), rq.P, id, championship.JurorInput{Name: f.Values["juror_name"],
		RegionCode: f.Values["juror_region"]})
	if err != nil {
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
		f.Move("name", "juror_name")
		f.Move("region", "juror_region")
		return s.renderShow(w, r, rq, nil, f, http.StatusUnprocessableEntity)
	}
	s.Flash(r, "championship.juror_added")
	return kit.SeeOther(w, r, "/championships/"+kit.Itoa(id))
}
