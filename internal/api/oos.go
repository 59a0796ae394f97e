package api

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/oosrun"
	"github.com/jolproject/jol/internal/people"
)

// listOOSLists lists the population or enrolment lists (?kind=) of the
// caller's scope, the latest school year and the newest first.
func (a *API) listOOSLists(w http.ResponseWriter, r *http.Request, rq *request) error {
	kind := r.URL.Query().Get("kind")
	if kind != oosrun.Population && kind != oosrun.Enrolment {
		return errs.Validation(errs.Field("kind", "error.invalid_choice"))
	}
	lists, err := a.svc.OOS.Lists(r.Context(), rq.p, kind)
	if err != nil {
		return err
	}
	return writeList(w, lists, "")
}

// listOOSRuns lists the latest runs the caller may read.
func (a *API) listOOSRuns(w http.ResponseWriter, r *http.Request, rq *request) error {
	runs, err := a.svc.OOS.Runs(r.Context(), rq.p, 100)
	if err != nil {
		return err
	}
	return writeList(w, runs, "")
}

// oosRunInput is the body of POST /oos/runs.
type oosRunInput struct {
	Population int64   `json:"population"`
	Enrolment  []int64 `json:"enrolment"`
	SchoolYear int     `json:"school_year"`
	MinAge     int     `json:"min_age"`
	MaxAge     int     `json:"max_age"`
}

// startOOSRun queues a run and answers 202 with it; its job does the run.
func (a *API) startOOSRun(w http.ResponseWriter, r *http.Request, rq *request) error {
	var in oosRunInput
	if err := decode(r, &in); err != nil {
		return err
	}
	run, err := a.svc.OOS.Start(r.Context(), rq.p, oosrun.Input{Population: in.Population, Enrolment: in.Enrolment,
		SchoolYear: in.SchoolYear, MinAge: in.MinAge, MaxAge: in.MaxAge})
	if err != nil {
		return err
	}
	w.Header().Set("Location", Prefix+"/oos/runs/"+strconv.FormatInt(run.ID, 10))
	return writeJSON(w, http.StatusAccepted, jsonType, run)
}

// getOOSRun is a run with its counts once done.
func (a *API) getOOSRun(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	run, err := a.svc.OOS.Run(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, run)
}

// listOOSChildren is a page of the children a run flagged in the
// caller's scope, by district, catchment school and id.
func (a *API) listOOSChildren(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	limit, _ := strconv.Atoi(q.Get("limit"))
	rows, next, err := a.svc.OOS.Page(r.Context(), rq.p, id, q.Get("cursor"), limit)
	if err != nil {
		return err
	}
	return writeList(w, rows, next)
}

// oosChild is a flagged child's record with what the run said of them.
type oosChild struct {
	Person people.Person `json:"person"`
	Flag   oosrun.Flag   `json:"flag"`
}

// getOOSChild is one flagged child; the reading is written to the access log.
func (a *API) getOOSChild(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	person, err := pathID(r, "person")
	if err != nil {
		return err
	}
	per, f, err := a.svc.OOS.Child(r.Context(), rq.p, id, person, people.ViaAPI)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, oosChild{Person: per, Flag: f})
}
