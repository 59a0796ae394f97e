package championship

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/web/kit"
)

// scoreView is the scoring form of one team: the juror (an organiser
// picks any, a juror with a login is themselves) and a score per
// criterion, each with its range.
type scoreView struct {
	view
	C      championship.Championship
	Team   championship.Team
	Jurors []kit.Option
	Form   *form
}

// field is the form field of a criterion's score.
func field(code string) string { return "c_" + code }

func scoreFields(c championship.Championship) []string {
	fs := []string{"juror", "team"}
	for _, cr := range c.Rubric {
		fs = append(fs, field(cr.Code))
	}
	return fs
}

// ScoreForm shows the scoring form of team ?team= of championship {id},
// or without one the teams to choose from.
func (s *Server) ScoreForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	c, err := s.scoring(r, rq)
	if err != nil {
		return err
	}
	if r.URL.Query().Get("team") == "" {
		return s.pick(w, r, rq, c)
	}
	f := kit.NewForm(nil, scoreFields(c)...)
	f.Values["team"] = r.URL.Query().Get("team")
	return s.renderScore(w, r, rq, c, f, http.StatusOK)
}

// scoring reads championship {id} for the scoring form.
func (s *Server) scoring(r *http.Request, rq *request) (championship.Championship, error) {
	id, err := kit.PathID(r)
	if err != nil {
		return championship.Championship{}, err
	}
	return s.svc.Championship.Get(r.Context(), rq.P, id)
}

func (s *Server) renderScore(w http.ResponseWriter, r *http.Request, rq *request, c championship.Championship, f *form, status int) error {
	ctx := r.Context()
	team, err := kit.FormID(f.Values["team"])
	if err != nil {
		return errs.ErrNotFound
	}
	v := scoreView{view: s.view(r, rq, "championship.score_title"), C: c, Form: f}
	if v.Team, err = s.svc.Championship.Team(ctx, rq.P, team); err != nil {
		return err
	}
	if v.Team.ChampionshipID != c.ID {
		return errs.ErrNotFound
	}
	js, err := s.svc.Championship.Jurors(ctx, rq.P, c.ID)
	if err != nil {
		return err
	}
	manage := access.Can(rq.P, access.ManageChampionships, c.Target()) == nil
	for _, j := range js {
		if manage || (j.UserID != 0 && j.UserID == rq.P.UserID) {
			id := kit.Itoa(j.ID)
			v.Jurors = append(v.Jurors, kit.Option{Value: id, Label: j.Name + " (" + v.Region(j.RegionCode) + ")",
				Selected: id == f.Values["juror"]})
		}
	}
	s.Render(w, status, "championship_score", &v)
	return nil
}

// Score records the sheet and goes back to the leaderboard; a refused
// sheet comes back with every error beside its field.
func (s *Server) Score(w http.ResponseWriter, r *http.Request, rq *request) error {
	c, err := s.scoring(r, rq)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, scoreFields(c)...)
	sh := championship.Sheet{Scores: map[string]int{}}
	sh.JurorID, _ = kit.FormID(f.Values["juror"])
	sh.TeamID, _ = kit.FormID(f.Values["team"])
	for _, cr := range c.Rubric {
		v := f.Values[field(cr.Code)]
		if v == "" {
			continue // refused as missing
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			f.Fail(rq.L, field(cr.Code), "championship.score_number")
			n = -1 // refused as out of range if nothing else is wrong
		}
		sh.Scores[cr.Code] = n
	}
	err = s.svc.Championship.Score(r.Context(), rq.P, c.ID, sh)
	if err == nil && len(f.FieldErrs) == 0 {
		s.Flash(r, "championship.scored")
		return kit.SeeOther(w, r, "/championships/"+kit.Itoa(c.ID))
	}
	// A juror of the team's own region is refused as a mistake of the
	// form, not as a page one may not open.
	if e := errs.As(err); e != nil && e.Key == "error.case_juror_own_region" {
		f.Absorb(rq.L, err)
	} else if err != nil && !f.AbsorbInput(rq.L, err) {
		return err
	}
	for _, cr := range c.Rubric {
		if _, own := f.FieldErrs[field(cr.Code)]; !own {
			f.Move(cr.Code, field(cr.Code))
		}
	}
	return s.renderScore(w, r, rq, c, f, http.StatusUnprocessableEntity)
}
