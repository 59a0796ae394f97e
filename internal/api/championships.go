package api

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/championship"
)

// championshipInput is the body of POST /championships: a championship
// with its days as yyyy-mm-dd.
type championshipInput struct {
	OrgID      int64                    `json:"org_id"`
	RegionCode string                   `json:"region"`
	Name       string                   `json:"name"`
	StartsOn   string                   `json:"starts_on"`
	EndsOn     string                   `json:"ends_on"`
	Rubric     []championship.Criterion `json:"rubric"`
}

func (a *API) listChampionships(w http.ResponseWriter, r *http.Request, rq *request) error {
	list, next, err := a.svc.Championship.List(r.Context(), rq.p, page(r))
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

func (a *API) createChampionship(w http.ResponseWriter, r *http.Request, rq *request) error {
	var body championshipInput
	if err := decode(r, &body); err != nil {
		return err
	}
	starts, err := optionalDay("starts_on", body.StartsOn)
	if err != nil {
		return err
	}
	ends, err := optionalDay("ends_on", body.EndsOn)
	if err != nil {
		return err
	}
	c, err := a.svc.Championship.Create(r.Context(), rq.p, championship.Input{OrgID: body.OrgID,
		RegionCode: body.RegionCode, Name: body.Name, Starts: starts, Ends: ends, Rubric: body.Rubric})
	if err != nil {
		return err
	}
	return created(w, Prefix+"/championships/"+strconv.FormatInt(c.ID, 10), c)
}

func (a *API) getChampionship(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	c, err := a.svc.Championship.Get(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, c)
}

// setChampionshipState moves a championship to its next state.
func (a *API) setChampionshipState(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body struct {
		State   championship.State `json:"state"`
		Version int                `json:"version"`
	}
	if err := decode(r, &body); err != nil {
		return err
	}
	c, err := a.svc.Championship.SetState(r.Context(), rq.p, id, body.State, body.Version)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, c)
}

func (a *API) registerChampionshipTeam(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body championship.TeamInput
	if err := decode(r, &body); err != nil {
		return err
	}
	t, err := a.svc.Championship.RegisterTeam(r.Context(), rq.p, id, body)
	if err != nil {
		return err
	}
	return created(w, Prefix+"/championship-teams/"+strconv.FormatInt(t.ID, 10), t)
}

func (a *API) getChampionshipTeam(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	t, err := a.svc.Championship.Team(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, t)
}

func (a *API) addChampionshipCase(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body championship.Case
	if err := decode(r, &body); err != nil {
		return err
	}
	k, err := a.svc.Championship.AddCase(r.Context(), rq.p, id, body)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, jsonType, k)
}

func (a *API) listChampionshipJurors(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	js, err := a.svc.Championship.Jurors(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeList(w, js, "")
}

func (a *API) addChampionshipJuror(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body championship.JurorInput
	if err := decode(r, &body); err != nil {
		return err
	}
	j, err := a.svc.Championship.AddJuror(r.Context(), rq.p, id, body)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, jsonType, j)
}

// scoreChampionshipTeam records a juror's sheet; a second sheet of the
// same juror for the same team replaces the first.
func (a *API) scoreChampionshipTeam(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body championship.Sheet
	if err := decode(r, &body); err != nil {
		return err
	}
	if err := a.svc.Championship.Score(r.Context(), rq.p, id, body); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// getChampionshipLeaderboard answers a page of the leaderboard: teams,
// never the names of young people.
func (a *API) getChampionshipLeaderboard(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	rows, next, err := a.svc.Championship.Leaderboard(r.Context(), rq.p, id, q.Get("cursor"), page(r).Limit)
	if err != nil {
		return err
	}
	return writeList(w, rows, next)
}

func (a *API) getChampionshipResults(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rs, err := a.svc.Championship.Results(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeList(w, rs, "")
}
