package tournament

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/tournament"
	"github.com/jolproject/jol/internal/web/kit"
)

var (
	teamFields  = []string{"team_name", "team_school", "team_region", "members"}
	judgeFields = []string{"judge_name", "judge_school", "judge_region", "strength"}
)

// showView is a tournament's page: its settings, teams, judges, rounds
// and the next step.
type showView struct {
	view
	Book      *tournament.Book
	CanManage bool
	TeamForm  *form
	JudgeForm *form
	Action    *form // pairing or the break, when refused
	// NextStep is "pair", "break" or "" (nothing to do).
	NextStep string
	Fields   map[string][]string // the team and judge forms' fields
}

// Show shows tournament {id}.
func (s *Server) Show(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.show(w, r, rq, kit.NewForm(nil, teamFields...), kit.NewForm(nil, judgeFields...), kit.NewForm(nil), http.StatusOK)
}

func (s *Server) show(w http.ResponseWriter, r *http.Request, rq *request, team, judge, action *form, status int) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	b, err := s.svc.Tournaments.Book(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	v := showView{view: s.view(r, rq, "tournaments.tournament"), Book: b, TeamForm: team, JudgeForm: judge, Action: action,
		CanManage: access.Can(rq.P, access.ManageTournaments, b.Target()) == nil}
	v.Title = b.Name
	v.Fields = map[string][]string{"team": teamFields, "judge": judgeFields}
	switch b.State {
	case tournament.Setup, tournament.Elims:
		v.NextStep = "pair"
	case tournament.Prelims:
		v.NextStep = "pair"
		if len(b.Stage(tournament.Prelim)) >= b.Prelims {
			v.NextStep = "break"
		}
	}
	s.Render(w, status, "tournament", &v)
	return nil
}

// AddTeam enters a team in tournament {id}.
func (s *Server) AddTeam(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, teamFields...)
	in := tournament.TeamInput{Name: f.Values["team_name"], School: f.Values["team_school"], Region: f.Values["team_region"]}
	for _, m := range strings.FieldsFunc(text.NormalizeDigits(f.Values["members"]), func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		y, err := strconv.ParseInt(m, 10, 64)
		if err != nil || y <= 0 {
			f.Fail(rq.L, "members", "error.tournament_member_ids")
			break
		}
		in.Members = append(in.Members, y)
	}
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.Tournaments.AddTeam(r.Context(), rq.P, id, in)
		if err == nil {
			s.Flash(r, "tournaments.team_added")
			return kit.SeeOther(w, r, url(id)+"#teams")
		}
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
		for _, k := range []string{"name", "school", "region"} {
			f.Move(k, "team_"+k)
		}
	}
	return s.show(w, r, rq, f, kit.NewForm(nil, judgeFields...), kit.NewForm(nil), http.StatusUnprocessableEntity)
}

// AddJudge enters a judge in tournament {id}.
func (s *Server) AddJudge(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, judgeFields...)
	in := tournament.JudgeInput{Name: f.Values["judge_name"], School: f.Values["judge_school"], Region: f.Values["judge_region"],
		Strength: kit.Count(rq, f, "strength")}
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.Tournaments.AddJudge(r.Context(), rq.P, id, in)
		if err == nil {
			s.Flash(r, "tournaments.judge_added")
			return kit.SeeOther(w, r, url(id)+"#judges")
		}
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
		for _, k := range []string{"name", "school", "region"} {
			f.Move(k, "judge_"+k)
		}
	}
	return s.show(w, r, rq, kit.NewForm(nil, teamFields...), f, kit.NewForm(nil), http.StatusUnprocessableEntity)
}

// Pair draws the next round of tournament {id} and shows it.
func (s *Server) Pair(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.step(w, r, rq, s.svc.Tournaments.PairNext)
}

// Break takes the top teams of tournament {id} into the elimination
// rounds and shows the first.
func (s *Server) Break(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.step(w, r, rq, s.svc.Tournaments.Break)
}

func (s *Server) step(w http.ResponseWriter, r *http.Request, rq *request,
	do func(ctx context.Context, p access.Principal, id int64) (tournament.Round, error)) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	round, err := do(r.Context(), rq.P, id)
	if err == nil {
		s.Flash(r, "tournaments.paired")
		return kit.SeeOther(w, r, url(id, "rounds", kit.Itoa(round.ID)))
	}
	f := kit.NewForm(nil)
	if !f.AbsorbInput(rq.L, err) {
		return err
	}
	status := http.StatusUnprocessableEntity
	if errs.CodeOf(err) == errs.Conflict {
		status = http.StatusConflict
	}
	return s.show(w, r, rq, kit.NewForm(nil, teamFields...), kit.NewForm(nil, judgeFields...), f, status)
}
