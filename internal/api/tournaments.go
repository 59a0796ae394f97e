package api

import (
	"context"
	"github.com/jolproject/jol/internal/access"
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/tournament"
)

// listTournaments is a page of the tournaments of the caller's scope.
func (a *API) listTournaments(w http.ResponseWriter, r *http.Request, rq *request) error {
	list, next, err := a.svc.Tournaments.List(r.Context(), rq.p, page(r))
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

// tournamentInput is the body of POST /tournaments.
type tournamentInput struct {
	OrgID      int64            `json:"org_id"`
	RegionID   int64            `json:"region_id"`
	Name       string           `json:"name"`
	Prelims    int              `json:"prelims"`
	BreakSize  int              `json:"break_size"`
	Qualifiers int              `json:"qualifiers"`
	Rules      tournament.Rules `json:"rules"`
}

// createTournament creates a tournament in the setup state.
func (a *API) createTournament(w http.ResponseWriter, r *http.Request, rq *request) error {
	var in tournamentInput
	if err := decode(r, &in); err != nil {
		return err
	}
	t, err := a.svc.Tournaments.Create(r.Context(), rq.p, tournament.Input(in))
	if err != nil {
		return err
	}
	return created(w, Prefix+"/tournaments/"+strconv.FormatInt(t.ID, 10), t)
}

// getTournament is a tournament whole: teams, judges, rounds, ballots.
func (a *API) getTournament(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	b, err := a.svc.Tournaments.Book(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, b)
}

// teamInput is the body of POST /tournaments/{id}/teams.
type teamInput struct {
	Name    string  `json:"name"`
	School  string  `json:"school"`
	Region  string  `json:"region"`
	Members []int64 `json:"members"`
}

// addTournamentTeam enters a team.
func (a *API) addTournamentTeam(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in teamInput
	if err := decode(r, &in); err != nil {
		return err
	}
	t, err := a.svc.Tournaments.AddTeam(r.Context(), rq.p, id, tournament.TeamInput(in))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, jsonType, t)
}

// judgeInput is the body of POST /tournaments/{id}/judges.
type judgeInput struct {
	Name     string `json:"name"`
	UserID   int64  `json:"user_id"`
	School   string `json:"school"`
	Region   string `json:"region"`
	Strength int    `json:"strength"`
}

// addTournamentJudge enters a judge.
func (a *API) addTournamentJudge(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in judgeInput
	if err := decode(r, &in); err != nil {
		return err
	}
	j, err := a.svc.Tournaments.AddJudge(r.Context(), rq.p, id, tournament.JudgeInput(in))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, jsonType, j)
}

// pairTournamentRound draws the next round, a draft until published.
func (a *API) pairTournamentRound(w http.ResponseWriter, r *http.Request, rq *request) error {
	return a.tournamentStep(w, r, rq, a.svc.Tournaments.PairNext)
}

// breakTournament draws the first elimination round from the standings.
func (a *API) breakTournament(w http.ResponseWriter, r *http.Request, rq *request) error {
	return a.tournamentStep(w, r, rq, a.svc.Tournaments.Break)
}

func (a *API) tournamentStep(w http.ResponseWriter, r *http.Request, rq *request,
	do func(ctx context.Context, p access.Principal, id int64) (tournament.Round, error)) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	round, err := do(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, jsonType, round)
}

// publishTournamentRound publishes a round's draw.
func (a *API) publishTournamentRound(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	round, err := pathID(r, "round")
	if err != nil {
		return err
	}
	if err := a.svc.Tournaments.Publish(r.Context(), rq.p, id, round); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// ballotInput is the body of PUT /tournaments/{id}/debates/{debate}/ballot.
type ballotInput struct {
	Winner     string `json:"winner"`
	PropScores []int  `json:"prop_scores"`
	OppScores  []int  `json:"opp_scores"`
}

// enterTournamentBallot enters or corrects a debate's ballot.
func (a *API) enterTournamentBallot(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	debate, err := pathID(r, "debate")
	if err != nil {
		return err
	}
	var in ballotInput
	if err := decode(r, &in); err != nil {
		return err
	}
	b, err := a.svc.Tournaments.EnterBallot(r.Context(), rq.p, id, debate, tournament.BallotInput(in))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, b)
}

// getTournamentStandings is the standings, the bracket and the qualifiers.
func (a *API) getTournamentStandings(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	st, err := a.svc.Tournaments.Standings(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, st)
}

// listTournamentResults is each young person's result of a finished
// tournament.
func (a *API) listTournamentResults(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	res, err := a.svc.Tournaments.Results(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeList(w, res, "")
}
